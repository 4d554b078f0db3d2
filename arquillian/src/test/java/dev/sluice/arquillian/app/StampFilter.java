package dev.sluice.arquillian.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Marks the request and the response, so a test sees the filter ran around the servlet. */
public class StampFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute("filtered", "yes");
        response.setHeader("X-Stamp", "stamped");
        chain.doFilter(request, response);
    }
}
