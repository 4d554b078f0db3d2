package testapps.ann;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import testapps.Events;

public class ProgrammaticListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
        Events.log(sce.getServletContext(), "programmatic listener initialized");
    }
}
