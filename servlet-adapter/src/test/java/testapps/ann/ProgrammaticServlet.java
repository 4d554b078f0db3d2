package testapps.ann;

import jakarta.annotation.PostConstruct;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import testapps.Events;

public class ProgrammaticServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private boolean constructed;

    @PostConstruct
    void construct() {
        constructed = true;
    }

    @Override
    public void init() {
        Events.log(getServletContext(), "programmatic init mode=" + getInitParameter("mode")
                + " postConstructed=" + constructed);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String late;
        try {
            getServletContext().addServlet("late", ProgrammaticServlet.class);
            late = "allowed";
        } catch (IllegalStateException e) {
            late = "IllegalStateException";
        }
        resp.getWriter().print("programmatic; late addServlet: " + late);
    }
}
