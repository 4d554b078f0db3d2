package testapps;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextAttributeEvent;
import jakarta.servlet.ServletContextAttributeListener;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRequestAttributeEvent;
import jakarta.servlet.ServletRequestAttributeListener;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;

/** Logs every listener event it receives, tagged with its "tag" context parameter suffix. */
public class LifecycleListener implements ServletContextListener, ServletContextAttributeListener,
        ServletRequestListener, ServletRequestAttributeListener, HttpSessionListener, HttpSessionAttributeListener,
        HttpSessionIdListener {
    private ServletContext context;
    private boolean constructed;

    protected String tag() {
        return "L1";
    }

    @PostConstruct
    void postConstruct() {
        constructed = true;
    }

    @PreDestroy
    void preDestroy() {
        Events.log(context, tag() + " preDestroy");
    }

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        context = sce.getServletContext();
        Events.log(context, tag() + " contextInitialized postConstructed=" + constructed);
        context.setAttribute("started-by-" + tag(), "yes");
    }

    @Override
    public void contextDestroyed(ServletContextEvent sce) {
        Events.log(context, tag() + " contextDestroyed");
    }

    @Override
    public void attributeAdded(ServletContextAttributeEvent e) {
        Events.log(e.getServletContext(), tag() + " contextAttributeAdded " + e.getName());
    }

    @Override
    public void requestInitialized(ServletRequestEvent sre) {
        Events.log(sre.getServletContext(), tag() + " requestInitialized");
    }

    @Override
    public void requestDestroyed(ServletRequestEvent sre) {
        Events.log(sre.getServletContext(), tag() + " requestDestroyed");
    }

    @Override
    public void attributeAdded(ServletRequestAttributeEvent e) {
        if (e.getName().startsWith("user.")) {
            Events.log(e.getServletContext(), tag() + " requestAttributeAdded " + e.getName());
        }
    }

    @Override
    public void sessionCreated(HttpSessionEvent se) {
        Events.log(se.getSession().getServletContext(), tag() + " sessionCreated");
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        Events.log(se.getSession().getServletContext(), tag() + " sessionDestroyed count="
                + se.getSession().getAttribute("count"));
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent e) {
        Events.log(e.getSession().getServletContext(), tag() + " sessionAttributeAdded " + e.getName());
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent e) {
        Events.log(e.getSession().getServletContext(), tag() + " sessionAttributeRemoved " + e.getName());
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        Events.log(event.getSession().getServletContext(), tag() + " sessionIdChanged");
    }
}
