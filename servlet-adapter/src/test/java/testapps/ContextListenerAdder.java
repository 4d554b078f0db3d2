package testapps;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/** Tries, from contextInitialized, to add another ServletContextListener, which only an initializer may do. */
public class ContextListenerAdder implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
        try {
            sce.getServletContext().addListener(SecondListener.class);
            Events.log(sce.getServletContext(), "added");
        } catch (IllegalArgumentException e) {
            Events.log(sce.getServletContext(), "refused: " + e.getMessage());
        }
        try {
            sce.getServletContext().addListener(new jakarta.servlet.ServletRequestListener() { });
            Events.log(sce.getServletContext(), "request listener added");
        } catch (IllegalArgumentException e) {
            Events.log(sce.getServletContext(), "request listener refused");
        }
    }
}
