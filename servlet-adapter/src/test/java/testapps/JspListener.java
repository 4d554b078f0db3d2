package testapps;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;

/** A declared listener that registers a JSP servlet with addJspFile and reports what it got back. */
public class JspListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
        ServletRegistration.Dynamic added = sce.getServletContext().addJspFile("added", "/added.jsp");
        added.addMapping("/added");
        added.setInitParameter("p", "v");
        Events.log(sce.getServletContext(), "addJspFile " + added.getName() + " " + added.getMappings() + " "
                + added.getInitParameter("p"));
        Events.log(sce.getServletContext(), "addJspFile again: "
                + sce.getServletContext().addJspFile("added", "/other.jsp"));
    }
}
