package testapps;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServlet;

/** Logs init and destroy with its name, for load-on-startup order and undeploy. */
public class StartupServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @PostConstruct
    void created() {
        // Logged in init, when the context is known.
        postConstructed = true;
    }

    private boolean postConstructed;

    @Override
    public void init() {
        Events.log(getServletContext(), "init " + getServletName() + " postConstructed=" + postConstructed);
    }

    @Override
    public void destroy() {
        Events.log(getServletContext(), "destroy " + getServletName());
    }

    @PreDestroy
    void gone() {
        Events.log(getServletContext(), "preDestroy " + getServletName());
    }
}
