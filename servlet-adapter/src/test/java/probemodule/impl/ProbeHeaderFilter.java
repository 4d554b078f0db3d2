package probemodule.impl;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Adds {@code X-Probe} to every response of the webapp. */
final class ProbeHeaderFilter implements Filter {
    private final String value;

    ProbeHeaderFilter(String value) {
        this.value = value;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        ((HttpServletResponse) res).setHeader("X-Probe", value);
        chain.doFilter(req, res);
    }
}
