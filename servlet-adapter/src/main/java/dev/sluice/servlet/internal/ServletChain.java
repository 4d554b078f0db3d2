package dev.sluice.servlet.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The filters of one dispatch followed by its servlet (Servlet 6.1 section 6.2.3). As the chain advances past a
 * filter or servlet that does not support async, the request stops supporting it (section 2.3.3.3).
 */
final class ServletChain implements FilterChain {
    private final List<FilterHolder> filters;
    private final ServletHolder servlet;
    private final ServletRequestImpl base;
    private int position;

    ServletChain(List<FilterHolder> filters, ServletHolder servlet, ServletRequestImpl base) {
        this.filters = filters;
        this.servlet = servlet;
        this.base = base;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) throws IOException, ServletException {
        if (position < filters.size()) {
            FilterHolder holder = filters.get(position++);
            if (!holder.asyncSupported()) {
                base.disallowAsync();
            }
            holder.filter().doFilter(request, response, this);
            return;
        }
        if (!servlet.asyncSupported()) {
            base.disallowAsync();
        }
        try {
            servlet.servlet().service(request, response);
        } catch (jakarta.servlet.UnavailableException e) {
            servlet.unavailable(e);
            throw e;
        }
    }
}
