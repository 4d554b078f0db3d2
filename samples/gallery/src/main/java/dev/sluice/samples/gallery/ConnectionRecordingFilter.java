package dev.sluice.samples.gallery;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sits in front of everything the gallery serves (the container's default servlet does the serving) and
 * records, per browser, which connection carried each request. Loading the page itself starts a new view
 * and gives a browser without one its id cookie.
 *
 * <p>Init parameter {@code unrecorded}: comma-separated paths within the webapp not to record, such as the
 * summary endpoint, which the page only asks for after everything has loaded.
 */
public class ConnectionRecordingFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** The paths of the gallery page itself (the welcome file, or asked for by name). */
    private static final Set<String> PAGE = Set.of("/", "/index.html");

    private transient Set<String> unrecorded = Set.of();

    @Override
    public void init() {
        String configured = getInitParameter("unrecorded");
        if (configured != null) {
            unrecorded = Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!unrecorded.contains(path)) {
            record(request, response, path);
            // Every view fetches every resource again, so each reload shows a whole page's worth of requests.
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    private void record(HttpServletRequest request, HttpServletResponse response, String path) {
        ConnectionLedger ledger = (ConnectionLedger) getServletContext().getAttribute(ConnectionLedger.ATTRIBUTE);
        String browser = BrowserId.from(request.getCookies());
        if (PAGE.contains(path)) {
            if (browser == null) {
                browser = BrowserId.generate();
                response.addCookie(cookie(browser, request.getContextPath()));
            }
            ledger.startView(browser);
        }
        if (browser != null) {
            ledger.record(browser, ServerFigures.of(request));
        }
    }

    private static Cookie cookie(String browser, String contextPath) {
        Cookie cookie = new Cookie(BrowserId.COOKIE, browser);
        cookie.setPath(contextPath.isEmpty() ? "/" : contextPath);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Strict");
        return cookie;
    }
}
