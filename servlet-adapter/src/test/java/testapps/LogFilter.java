package testapps;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/** Writes "[name type]" before the chain goes on, so a body shows the chain's order. */
public class LogFilter implements Filter {
    private String name;

    @Override
    public void init(FilterConfig config) {
        name = config.getInitParameter("name") != null ? config.getInitParameter("name") : config.getFilterName();
        Events.log(config.getServletContext(), "init filter " + name);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.getWriter().print("[" + name + " " + request.getDispatcherType() + "]");
        chain.doFilter(request, response);
    }

    @Override
    public void destroy() {
    }
}
