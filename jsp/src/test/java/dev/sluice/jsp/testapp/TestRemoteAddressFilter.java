package dev.sluice.jsp.testapp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Test-only: a request with header X-Test-Remote looks as if it came from that address, so a test on loopback can
 * see what a remote client gets (the JSP servlet decides by getRemoteAddr).
 */
public class TestRemoteAddressFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String remote = req.getHeader("X-Test-Remote");
        if (remote == null) {
            chain.doFilter(req, res);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(req) {
            @Override
            public String getRemoteAddr() {
                return remote;
            }
        }, res);
    }
}
