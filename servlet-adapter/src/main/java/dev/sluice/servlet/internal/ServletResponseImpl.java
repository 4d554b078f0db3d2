package dev.sluice.servlet.internal;

import dev.sluice.core.Headers;
import dev.sluice.core.HttpVersion;
import dev.sluice.core.Response;
import dev.sluice.core.Status;
import dev.sluice.servlet.internal.http.ContentCharsets;
import dev.sluice.servlet.internal.http.CookieCodec;
import dev.sluice.servlet.internal.http.CoreResponseView;
import dev.sluice.servlet.internal.http.Redirects;
import dev.sluice.servlet.internal.http.ResponseContentType;
import dev.sluice.servlet.internal.session.SessionCookieConfigImpl;
import dev.sluice.servlet.internal.staticfiles.ContentWritten;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link HttpServletResponse} on a core {@link Response}: status, headers and buffering delegate to the core
 * response; this class adds content type and character encoding rules (Servlet 6.1 section 5.5), the
 * writer/stream choice, cookies, sendError and sendRedirect, URL rewriting and trailers.
 */
final class ServletResponseImpl extends CoreResponseView implements ContentWritten {
    private final ServletRequestImpl request;
    private final ServletOutput output;
    private final ResponseContentType contentType;
    private boolean usingWriter;
    private boolean usingStream;
    private PrintWriter writer;
    private String errorMessage;
    private boolean errorPending;
    private Supplier<Map<String, String>> trailers;
    private long declaredLength = -1;
    /** sendRedirect was called: the response counts as committed for headers (its javadoc), later ones dropped. */
    private boolean redirected;

    ServletResponseImpl(Response core, ServletRequestImpl request) {
        super(core);
        this.request = request;
        this.output = new ServletOutput(core.body(), request);
        this.contentType = new ResponseContentType(core);
        request.attach(this);
    }

    Response core() {
        return core;
    }

    ServletOutput output() {
        return output;
    }

    @Override
    public long contentWritten() {
        return output.written();
    }

    /** Set by sendError: the error page or default report is produced once the servlet returns. */
    boolean isErrorPending() {
        return errorPending;
    }

    String errorMessage() {
        return errorMessage;
    }

    void clearError() {
        errorPending = false;
        output.resume();
    }

    /** Ends the servlet's part of the response: later writes are dropped (forward, sendRedirect). */
    void suspendOutput() {
        output.suspend();
    }

    /** Section 5.6: content of the declared length completes the response. */
    void afterWrite(long written) throws IOException {
        if (declaredLength >= 0 && written >= declaredLength) {
            beforeCommit();
            output.flush();
            output.suspend();
        }
    }

    /** Flushes what the servlet wrote and attaches trailers; the core response does the rest. */
    void finish() throws IOException {
        // The writer encodes straight into the core buffer (no buffer of its own), so nothing is pending;
        // flushing here would commit early and cost the exact Content-Length.
        if (trailers != null) {
            Map<String, String> fields = trailers.get();
            if (fields != null) {
                fields.forEach((k, v) -> core.trailers().set(k, v));
            }
        }
    }

    // Content type and encoding

    @Override
    public String getCharacterEncoding() {
        return contentType.characterEncoding(request.app.config().responseCharacterEncoding);
    }

    @Override
    public String getContentType() {
        return contentType.contentType();
    }

    @Override
    public void setContentType(String type) {
        if (isCommitted() || request.dispatcherType == jakarta.servlet.DispatcherType.INCLUDE) {
            return;
        }
        contentType.setContentType(type, usingWriter);
    }

    @Override
    public void setCharacterEncoding(String encoding) {
        if (isCommitted() || usingWriter) {
            return;
        }
        contentType.setCharacterEncoding(encoding);
    }

    @Override
    public void setLocale(Locale loc) {
        if (isCommitted() || loc == null) {
            return;
        }
        contentType.setLocale(loc, usingWriter, request.app.config().localeEncodings,
                request.app.settings().localeEncodings());
    }

    @Override
    public Locale getLocale() {
        return contentType.locale();
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (usingWriter) {
            throw new IllegalStateException("getWriter() has already been called for this response");
        }
        usingStream = true;
        return output;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (usingStream) {
            throw new IllegalStateException("getOutputStream() has already been called for this response");
        }
        if (writer == null) {
            String enc = getCharacterEncoding();
            Charset cs;
            try {
                cs = ContentCharsets.charsetFor(enc);
            } catch (UnsupportedEncodingException e) {
                throw new UnsupportedEncodingException("Unsupported response encoding " + enc);
            }
            contentType.fixEncoding(enc);
            usingWriter = true;
            writer = new PrintWriter(new ServletOutput.EncodingWriter(output, cs), false);
        }
        usingWriter = true;
        return writer;
    }

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (isCommitted() || request.dispatcherType == jakarta.servlet.DispatcherType.INCLUDE) {
            return;
        }
        declaredLength = len;
        if (len < 0) {
            core.headers().remove("Content-Length");
        } else {
            core.headers().set("Content-Length", Long.toString(len));
        }
    }

    // Buffering

    @Override
    public void setBufferSize(int size) {
        core.setBufferSize(size);
    }

    @Override
    public int getBufferSize() {
        return core.bufferSize();
    }

    /**
     * The response is about to be sent (its declared length reached, or a flush): a persistent session is written
     * first, so that the client's next request, on any instance, finds what this one changed. A response larger
     * than its buffer commits without this; its session is written when the request ends.
     */
    void beforeCommit() {
        if (!core.isCommitted()) {
            request.sessions.persist();
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        beforeCommit();
        if (writer != null) {
            writer.flush();
        }
        core.body().flush();
    }

    @Override
    public void resetBuffer() {
        core.resetBuffer();
    }

    @Override
    public boolean isCommitted() {
        return core.isCommitted() || errorPending;
    }

    @Override
    public void reset() {
        core.reset();
        declaredLength = -1;
        contentType.reset();
        usingWriter = false;
        usingStream = false;
        writer = null;
    }

    // Status, errors and redirects

    @Override
    public void setStatus(int sc) {
        if (!headersLocked() && request.dispatcherType != jakarta.servlet.DispatcherType.INCLUDE) {
            core.setStatus(Status.of(sc));
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (request.dispatcherType == jakarta.servlet.DispatcherType.INCLUDE) {
            return; // Section 9.3: an included servlet cannot set the status; ignored, as Tomcat does
        }
        if (isCommitted()) {
            throw new IllegalStateException("Cannot send an error after the response has been committed");
        }
        core.resetBuffer();
        core.setStatus(Status.of(sc));
        errorMessage = msg;
        errorPending = true;
        output.suspend();
    }

    @Override
    public void sendError(int sc) throws IOException {
        sendError(sc, null);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        if (request.dispatcherType == jakarta.servlet.DispatcherType.INCLUDE) {
            return; // Section 9.3: an included servlet cannot set the status or headers
        }
        if (isCommitted()) {
            throw new IllegalStateException("Cannot redirect after the response has been committed");
        }
        if (clearBuffer) {
            core.resetBuffer();
        }
        core.setStatus(Status.of(sc));
        core.headers().set("Location", Redirects.location(request, location));
        redirected = true;
        if (clearBuffer) {
            output.suspend();
        }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        sendRedirect(location, SC_FOUND, true);
    }

    // Headers

    @Override
    public boolean headersLocked() {
        return isCommitted() || redirected || request.dispatcherType == jakarta.servlet.DispatcherType.INCLUDE;
    }

    @Override
    public void addCookie(Cookie cookie) {
        if (!headersLocked()) {
            core.headers().add("Set-Cookie", CookieCodec.format(cookie));
        }
    }

    /**
     * The session cookie of the context whose {@code config} is given (the request's own, also when a
     * cross-context dispatch created the session), replacing one set earlier in this response (changeSessionId).
     */
    void addSessionCookie(SessionCookieConfigImpl config, String id) {
        Cookie c = new Cookie(config.getName(), id);
        c.setPath(config.effectivePath());
        c.setHttpOnly(config.isHttpOnly());
        c.setSecure(config.isSecure());
        c.setMaxAge(config.getMaxAge());
        if (config.getDomain() != null) {
            c.setDomain(config.getDomain());
        }
        config.getAttributes().forEach(c::setAttribute);
        Headers h = core.headers();
        String prefix = config.getName() + "=";
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (String v : h.getAll("Set-Cookie")) {
            if (!v.startsWith(prefix)) {
                kept.add(v);
            }
        }
        h.remove("Set-Cookie");
        kept.forEach(v -> h.add("Set-Cookie", v));
        h.add("Set-Cookie", CookieCodec.format(c));
    }

    @Override
    public String encodeURL(String url) {
        return Redirects.encode(request, request.sessions::idForUrl, url);
    }

    @Override
    public String encodeRedirectURL(String url) {
        return Redirects.encode(request, request.sessions::idForUrl, url);
    }

    @Override
    public void setTrailerFields(Supplier<Map<String, String>> supplier) {
        if (isCommitted()) {
            throw new IllegalStateException("Trailers must be set before the response is committed");
        }
        if (request.core().head().version() == HttpVersion.HTTP_1_0) {
            throw new IllegalStateException("HTTP/1.0 has no trailer fields");
        }
        this.trailers = supplier;
    }

    @Override
    public Supplier<Map<String, String>> getTrailerFields() {
        return trailers;
    }
}
