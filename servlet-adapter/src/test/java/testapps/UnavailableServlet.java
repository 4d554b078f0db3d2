package testapps;

import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServlet;

/** Refuses to start. */
public class UnavailableServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    public void init() throws UnavailableException {
        throw new UnavailableException("down for maintenance");
    }
}
