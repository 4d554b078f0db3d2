package dev.sluice.jsp.testapp;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/** Declared in a TLD's listener element: proves TLD listeners run when the webapp starts. */
public class TldListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
        sce.getServletContext().setAttribute("tldListener", "listener ran");
    }
}
