package testapps;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;

/**
 * Maps the webapp's own EchoServlet to {@code *.probe} after the container modules ran; the conflicts addMapping
 * reported become its {@code greeting} init parameter, which EchoServlet prints.
 */
public class ProbeOverrideListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
        ServletRegistration.Dynamic echo = sce.getServletContext().addServlet("own-probe", EchoServlet.class);
        echo.setInitParameter("greeting", "conflicts " + echo.addMapping("*.probe"));
    }
}
