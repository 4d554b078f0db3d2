package dev.sluice.springboot;

import dev.sluice.core.ContentCodings;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.web.server.Compression;

/**
 * Boot's {@code server.compression}: gzip for responses of the configured MIME types once they reach
 * {@code min-response-size}, to clients whose Accept-Encoding takes gzip (RFC 9110 section 12.5.3), except the
 * excluded user agents (regular expressions, as Tomcat reads them). HEAD requests, responses that already have a
 * Content-Encoding, and 204, 206 and 304 responses are left alone; a response of a compressible type gets
 * {@code Vary: Accept-Encoding} (section 12.5.5) whether or not this client's copy is compressed.
 *
 * <p>Registered first, for REQUEST and FORWARD dispatches; one instance serves every request concurrently, holding no state.
 */
final class CompressionFilter implements Filter {
    static final String NAME = "sluiceCompression";

    private final Set<String> mimeTypes;
    private final List<Pattern> excludedAgents;
    private final long minSize;

    CompressionFilter(Compression compression) {
        this.mimeTypes = Stream.of(compression.getMimeTypes()).map(CompressionFilter::baseType)
                .collect(Collectors.toUnmodifiableSet());
        String[] agents = compression.getExcludedUserAgents();
        this.excludedAgents = agents == null ? List.of() : Stream.of(agents).map(Pattern::compile).toList();
        this.minSize = compression.getMinResponseSize().toBytes();
    }

    static void register(ServletContext ctx, Compression compression) {
        FilterRegistration.Dynamic r = ctx.addFilter(NAME, new CompressionFilter(compression));
        r.setAsyncSupported(true);
        r.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD), false, "/*");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (request.getDispatcherType() == DispatcherType.FORWARD) {
            forward(request, res, chain);
            return;
        }
        if ("HEAD".equals(request.getMethod()) || excluded(request.getHeader("User-Agent"))) {
            chain.doFilter(req, res);
            return;
        }
        String accept = String.join(",", Collections.list(request.getHeaders("Accept-Encoding")));
        boolean accepts = !accept.isEmpty()
                && "gzip".equals(ContentCodings.negotiate(accept, List.of("gzip")));
        GzipResponse wrapped = new GzipResponse((HttpServletResponse) res, this, accepts);
        chain.doFilter(req, wrapped);
        if (request.isAsyncStarted()) {
            wrapped.passThroughIfUndecided();
            request.getAsyncContext().addListener(new FinishOnComplete(wrapped));
        } else {
            wrapped.finish();
        }
    }

    /**
     * The container closes the response when a forward returns (Servlet 6.1 section 9.4), so what the forward
     * target wrote must leave the REQUEST dispatch's wrapper before then: a welcome page is a forward.
     */
    private static void forward(HttpServletRequest request, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, res);
        ServletResponse r = res;
        while (!(r instanceof GzipResponse) && r instanceof jakarta.servlet.ServletResponseWrapper w) {
            r = w.getResponse();
        }
        if (r instanceof GzipResponse gzip && !request.isAsyncStarted()) {
            gzip.finish();
        }
    }

    private boolean excluded(String userAgent) {
        if (userAgent == null) {
            return false;
        }
        for (Pattern p : excludedAgents) {
            if (p.matcher(userAgent).matches()) {
                return true;
            }
        }
        return false;
    }

    long minSize() {
        return minSize;
    }

    /** Whether a response with this Content-Type may be compressed. */
    boolean compressible(String contentType) {
        return contentType != null && mimeTypes.contains(baseType(contentType));
    }

    /** {@code text/html;charset=UTF-8} is {@code text/html}. */
    static String baseType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** Ends the gzip stream of an async response when the request completes. */
    private record FinishOnComplete(GzipResponse response) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) throws IOException {
            response.finish();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
