package testapps.ann;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import testapps.Events;

@WebListener
public class AnnotatedListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
        Events.log(sce.getServletContext(), "annotated listener initialized");
    }
}
