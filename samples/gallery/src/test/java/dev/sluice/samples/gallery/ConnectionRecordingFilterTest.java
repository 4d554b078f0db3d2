package dev.sluice.samples.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the filter with hand-made request and response objects (dynamic proxies that fail on any call the
 * filter is not expected to make), as the container would for a browser loading the gallery. Such a call is also
 * recorded, and every test fails on it even if the filter caught the exception.
 */
class ConnectionRecordingFilterTest {
    private static final String KNOWN = "0123456789abcdef0123456789abcdef";

    private final ConnectionLedger ledger = new ConnectionLedger(10, 10);
    private final ConnectionRecordingFilter filter = new ConnectionRecordingFilter();
    private int chained;
    /** The calls the fakes refused: none may happen in a test. */
    private final List<String> unexpectedCalls = new ArrayList<>();

    @BeforeEach
    void init() throws Exception {
        Map<String, Object> contextAttributes = Map.of(ConnectionLedger.ATTRIBUTE, ledger);
        ServletContext context = proxy(ServletContext.class, (name, args) -> switch (name) {
            case "getAttribute" -> contextAttributes.get((String) args[0]);
            default -> unexpected(name);
        });
        FilterConfig config = proxy(FilterConfig.class, (name, args) -> switch (name) {
            case "getServletContext" -> context;
            case "getInitParameter" -> "unrecorded".equals(args[0]) ? " /connections.json , " : null;
            case "getFilterName" -> "connection-recording";
            default -> unexpected(name);
        });
        filter.init(config);
    }

    @AfterEach
    void theFilterMadeNoUnexpectedCall() {
        assertEquals(List.of(), unexpectedCalls);
    }

    @Test
    void theFakesRefuseAndRecordACallTheFilterShouldNotMake() {
        HttpServletRequest request = request("/gallery/", KNOWN, 5L, 1);
        assertThrows(UnsupportedOperationException.class, request::getMethod);
        assertThrows(UnsupportedOperationException.class, () -> new Response().proxy().setStatus(500));
        assertEquals(List.of("getMethod", "setStatus"), unexpectedCalls);
        unexpectedCalls.clear();
    }

    @Test
    void pageGivesANewBrowserItsCookieAndRecordsItself() throws Exception {
        Response response = new Response();
        filter.doFilter(request("/gallery/", null, 5L, 1), response.proxy(), (rq, rs) -> chained++);
        assertEquals(1, chained);
        assertEquals(1, response.cookies.size());
        Cookie cookie = response.cookies.get(0);
        assertEquals(BrowserId.COOKIE, cookie.getName());
        assertTrue(BrowserId.isWellFormed(cookie.getValue()), cookie.getValue());
        assertEquals("/gallery", cookie.getPath());
        assertTrue(cookie.isHttpOnly());
        assertEquals("no-store", response.headers.get("Cache-Control"));
        assertEquals(new ViewSummary(List.of(new ConnectionUse(5, 1, 1, 1)), 1, 0), ledger.summary(cookie.getValue()));
    }

    @Test
    void resourcesOfAKnownBrowserAreRecordedIntoItsView() throws Exception {
        filter.doFilter(request("/gallery/index.html", KNOWN, 5L, 4), new Response().proxy(), (rq, rs) -> chained++);
        filter.doFilter(request("/gallery/img/01.svg", KNOWN, 5L, 5), new Response().proxy(), (rq, rs) -> chained++);
        filter.doFilter(request("/gallery/css/tiles.css", KNOWN, 6L, 1), new Response().proxy(), (rq, rs) -> chained++);
        assertEquals(3, chained);
        assertEquals(new ViewSummary(List.of(new ConnectionUse(5, 2, 4, 5), new ConnectionUse(6, 1, 1, 1)), 3, 0),
                ledger.summary(KNOWN));
    }

    @Test
    void reloadingThePageStartsOverWithoutANewCookie() throws Exception {
        filter.doFilter(request("/gallery/img/01.svg", KNOWN, 5L, 2), new Response().proxy(), (rq, rs) -> chained++);
        Response response = new Response();
        filter.doFilter(request("/gallery/", KNOWN, 5L, 3), response.proxy(), (rq, rs) -> chained++);
        assertTrue(response.cookies.isEmpty());
        assertEquals(new ViewSummary(List.of(new ConnectionUse(5, 1, 3, 3)), 1, 0), ledger.summary(KNOWN));
    }

    @Test
    void theSummaryEndpointIsNotRecorded() throws Exception {
        filter.doFilter(request("/gallery/", KNOWN, 5L, 1), new Response().proxy(), (rq, rs) -> chained++);
        Response response = new Response();
        filter.doFilter(request("/gallery/connections.json", KNOWN, 5L, 2), response.proxy(), (rq, rs) -> chained++);
        assertEquals(2, chained);
        assertNull(response.headers.get("Cache-Control"));
        assertEquals(1, ledger.summary(KNOWN).requests());
    }

    @Test
    void resourcesWithoutACookieAreServedButNotRecorded() throws Exception {
        Response response = new Response();
        filter.doFilter(request("/gallery/img/02.svg", null, 5L, 1), response.proxy(), (rq, rs) -> chained++);
        assertEquals(1, chained);
        assertTrue(response.cookies.isEmpty());
        assertEquals(0, ledger.browsers());
    }

    @Test
    void anotherContainerWithoutFiguresIsCountedAsUnattributed() throws Exception {
        filter.doFilter(request("/gallery/", KNOWN, null, null), new Response().proxy(), (rq, rs) -> chained++);
        assertEquals(new ViewSummary(List.of(), 1, 1), ledger.summary(KNOWN));
    }

    private HttpServletRequest request(String uri, String browser, Long connection, Integer number) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(ServerFigures.CONNECTION_ID, connection);
        attributes.put(ServerFigures.REQUEST_NUMBER, number);
        Cookie[] cookies = browser == null ? null : new Cookie[] {new Cookie(BrowserId.COOKIE, browser)};
        return proxy(HttpServletRequest.class, (name, args) -> switch (name) {
            case "getRequestURI" -> uri;
            case "getContextPath" -> "/gallery";
            case "getCookies" -> cookies;
            case "getAttribute" -> attributes.get((String) args[0]);
            default -> unexpected(name);
        });
    }

    /** Captures what the filter sets on the response. */
    private final class Response {
        final Map<String, String> headers = new HashMap<>();
        final List<Cookie> cookies = new ArrayList<>();

        HttpServletResponse proxy() {
            return ConnectionRecordingFilterTest.proxy(HttpServletResponse.class, (name, args) -> {
                switch (name) {
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "addCookie" -> cookies.add((Cookie) args[0]);
                    default -> unexpected(name);
                }
                return null;
            });
        }
    }

    private interface Calls {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Calls calls) {
        Object instance = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> switch (method.getName()) {
                    case "toString" -> "fake " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> calls.answer(method.getName(), args);
                });
        return type.cast(instance);
    }

    private Object unexpected(String method) {
        unexpectedCalls.add(method);
        throw new UnsupportedOperationException("the filter was not expected to call " + method);
    }
}
