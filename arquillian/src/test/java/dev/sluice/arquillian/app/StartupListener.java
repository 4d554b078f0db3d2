package dev.sluice.arquillian.app;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/** Leaves a context attribute at startup, so a test sees the listener ran. */
public class StartupListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setAttribute("greeting", "hello-from-listener");
    }
}
