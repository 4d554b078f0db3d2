package dev.sluice.arquillian.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Answers with what the listener and the filter left for it, so a test sees all three ran. */
public class GreetingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("greeting=" + getServletContext().getAttribute("greeting")
                + " filtered=" + request.getAttribute("filtered")
                + " pathInfo=" + request.getPathInfo());
    }
}
