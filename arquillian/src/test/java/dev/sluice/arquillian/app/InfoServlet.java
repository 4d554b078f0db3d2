package dev.sluice.arquillian.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Answers with the container's server info and the number of request parameters it parsed. */
public class InfoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("serverInfo=" + getServletContext().getServerInfo()
                + " parameters=" + request.getParameterMap().size());
    }
}
