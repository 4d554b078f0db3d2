package dev.sluice.servlet.internal;

import dev.sluice.core.HttpException;
import dev.sluice.core.Request;
import dev.sluice.servlet.internal.async.ReadListenerDriver;
import dev.sluice.servlet.internal.async.SerialCallbacks;
import dev.sluice.servlet.internal.deploy.ContainerSettings;
import dev.sluice.servlet.internal.http.ContentCharsets;
import dev.sluice.servlet.internal.http.FormDecoder;
import dev.sluice.servlet.internal.multipart.MultipartFields;
import dev.sluice.servlet.internal.multipart.MultipartLimitException;
import dev.sluice.servlet.internal.multipart.MultipartUpload;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The content side of a servlet request: the body as a stream or a reader (one or the other, Servlet 6.1
 * section 3.12), its character encoding, and the parameters, parsed on first use from the query string and a
 * urlencoded form body (section 3.1.1) or the fields of a multipart body (section 3.2). Dispatches with a query
 * push their parameters on top (section 9.1.1).
 */
final class RequestContent {
    private final Request core;
    private final ServletRequestImpl request;
    private final ContainerSettings settings;
    private String encoding;
    private boolean usingStream;
    private BufferedReader reader;
    private BodyStream stream;
    private SerialCallbacks callbacks;
    private Map<String, List<String>> parameters;
    private final Deque<Map<String, List<String>>> overlays = new ArrayDeque<>();
    private MultipartUpload upload;

    RequestContent(Request core, ServletRequestImpl request, ContainerSettings settings, String defaultEncoding) {
        this.core = core;
        this.request = request;
        this.settings = settings;
        String fromType = ContentCharsets.charsetOf(request.getContentType());
        this.encoding = fromType != null ? fromType : defaultEncoding;
    }

    String encoding() {
        return encoding;
    }

    void setEncoding(String env) throws UnsupportedEncodingException {
        if (reader != null || parameters != null) {
            return; // Section 3.12: too late once the body has been read as characters or parameters.
        }
        if (env != null) {
            ContentCharsets.charsetFor(env);
        }
        encoding = env;
    }

    Charset charset() {
        try {
            return encoding == null ? StandardCharsets.ISO_8859_1 : ContentCharsets.charsetFor(encoding);
        } catch (UnsupportedEncodingException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    boolean bodyFinished() {
        return stream != null && stream.isFinished();
    }

    ServletInputStream stream() {
        if (reader != null) {
            throw new IllegalStateException("getReader() has already been called for this request");
        }
        usingStream = true;
        return body();
    }

    private BodyStream body() {
        if (stream == null) {
            stream = new BodyStream(core.body(), request);
        }
        return stream;
    }

    BufferedReader reader() throws UnsupportedEncodingException {
        if (usingStream) {
            throw new IllegalStateException("getInputStream() has already been called for this request");
        }
        if (reader == null) {
            Charset cs = encoding == null ? StandardCharsets.ISO_8859_1 : ContentCharsets.charsetFor(encoding);
            reader = new BufferedReader(new InputStreamReader(body(), cs));
        }
        return reader;
    }

    /** Runs this request's ReadListener and WriteListener callbacks one at a time (created on first use). */
    synchronized SerialCallbacks callbacks() {
        if (callbacks == null) {
            callbacks = new SerialCallbacks(() -> request.app.loader());
        }
        return callbacks;
    }

    /** The dispatch that registered listeners returned: their held callbacks may run. */
    void releaseCallbacks() {
        SerialCallbacks c;
        synchronized (this) {
            c = callbacks;
        }
        if (c != null) {
            c.dispatchReturned();
        }
    }

    // Parameters

    Map<String, List<String>> parameters() {
        if (parameters == null) {
            parameters = parse();
        }
        if (overlays.isEmpty()) {
            return parameters;
        }
        return overlays.peek();
    }

    private Map<String, List<String>> parse() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        int max = settings.maxParameterCount();
        // Tomcat decodes the query with its URIEncoding, UTF-8; the body with the request's encoding.
        // The request line's query, not getQueryString(): a forward or async dispatch may already have replaced
        // that with its own query, whose parameters pushQuery puts on top of these.
        int count = FormDecoder.decode(core.head().rawQuery(), StandardCharsets.UTF_8, map, max, 0);
        if (isForm() && !usingStream && reader == null) {
            String form = readForm();
            FormDecoder.decode(form, charset(), map, max, count);
        } else if (hasMultipartFields()) {
            try {
                if (upload == null) {
                    parts();
                }
            } catch (IOException | ServletException | MultipartLimitException e) {
                // getParameter does not throw for the body (as Tomcat): the fields are absent and getParts or
                // getPart throws the kept failure (413 or 400 if the servlet lets it escape).
            }
            if (upload.parsed()) {
                MultipartFields.addTo(map, upload.fields(), encoding, count, max, settings.maxFormBytes());
            }
        }
        map.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return map;
    }

    /** Section 3.2: the fields of a multipart POST are parameters when its servlet handles multipart. */
    private boolean hasMultipartFields() {
        if (upload != null) {
            return upload.parsed(); // getParts came first; after a failed parse, no fields
        }
        return isPost() && !usingStream && reader == null && multipartConfig(request) != null
                && MultipartUpload.isMultipartFormData(request.getContentType());
    }

    private boolean isPost() {
        return "POST".equals(request.getMethod());
    }

    private boolean isForm() {
        String type = request.getContentType();
        if (type == null || !isPost()) {
            return false;
        }
        int semi = type.indexOf(';');
        String base = (semi < 0 ? type : type.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return base.equals("application/x-www-form-urlencoded");
    }

    private String readForm() {
        long declared = core.contentLength();
        if (declared > settings.maxFormBytes()) {
            throw new HttpException(413, "Form content larger than " + settings.maxFormBytes() + " bytes");
        }
        try {
            InputStream in = body();
            byte[] bytes = in.readNBytes(settings.maxFormBytes() + 1);
            if (bytes.length > settings.maxFormBytes()) {
                throw new HttpException(413, "Form content larger than " + settings.maxFormBytes() + " bytes");
            }
            return new String(bytes, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new HttpException(400, "Form content could not be read");
        }
    }

    // Multipart (section 3.2)

    /** getParts: only for a servlet with a multipart config, on a multipart/form-data request. */
    List<Part> parts() throws IOException, ServletException {
        MultipartConfigElement config = multipartConfig(request);
        if (config == null) {
            throw new IllegalStateException("The servlet has no multipart config (@MultipartConfig or"
                    + " <multipart-config>)");
        }
        String type = request.getContentType();
        if (!MultipartUpload.isMultipartFormData(type)) {
            throw new ServletException("The request is not multipart/form-data");
        }
        if (upload == null) {
            if (usingStream || reader != null) {
                throw new IllegalStateException("The request body was already read through getInputStream or"
                        + " getReader");
            }
            upload = new MultipartUpload(config, MultipartUpload.tempDirOf(request.getServletContext()),
                    settings.maxParameterCount(), settings.caps());
        }
        return upload.parts(type, core.contentLength(), body());
    }

    /** The request completed: temporary files of its parts are deleted. */
    void releaseUploads() {
        if (upload != null) {
            upload.release();
        }
    }

    /** Puts the parameters of a dispatch's query string on top, those of the query first (section 9.1.1). */
    void pushQuery(String query) {
        Map<String, List<String>> below = parameters();
        int already = 0;
        for (List<String> values : below.values()) {
            already += values.size();
        }
        // maxParameterCount bounds them all together: a dispatch's query adds to the request's own (400 past it).
        Map<String, List<String>> merged = new LinkedHashMap<>();
        FormDecoder.decode(query, StandardCharsets.UTF_8, merged, settings.maxParameterCount(), already);
        for (Map.Entry<String, List<String>> e : below.entrySet()) {
            merged.merge(e.getKey(), e.getValue(), (a, b) -> {
                List<String> all = new java.util.ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        }
        overlays.push(merged);
    }

    void popQuery() {
        overlays.pop();
    }

    /**
     * The request body as a servlet stream. Reads block until a ReadListener is set; from then on the stream is
     * non-blocking (section 5.7) and {@link ReadListenerDriver} drives the listener from the connector.
     */
    static final class BodyStream extends ServletInputStream {
        private final InputStream in;
        private final ServletRequestImpl request;
        private boolean finished;
        private ReadListenerDriver nonBlocking;

        BodyStream(InputStream in, ServletRequestImpl request) {
            this.in = in;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            if (nonBlocking != null) {
                byte[] one = new byte[1];
                return nonBlocking.read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }
            int b = in.read();
            if (b < 0) {
                finished = true;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (nonBlocking != null) {
                return nonBlocking.read(b, off, len);
            }
            int n = in.read(b, off, len);
            if (n < 0) {
                finished = true;
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            return nonBlocking != null ? 0 : in.available();
        }

        @Override
        public boolean isFinished() {
            return nonBlocking != null ? nonBlocking.isFinished() : finished;
        }

        /** Blocking mode: always true (a read may still block); non-blocking: whether a read returns at once. */
        @Override
        public boolean isReady() {
            return nonBlocking == null || nonBlocking.isReady();
        }

        /** Section 5.7: only in async mode, once per request; the first callback comes after service returns. */
        @Override
        public void setReadListener(ReadListener readListener) {
            if (readListener == null) {
                throw new NullPointerException("readListener");
            }
            if (nonBlocking != null) {
                throw new IllegalStateException("ReadListener already set");
            }
            if (!request.isAsyncStarted()) {
                throw new IllegalStateException("setReadListener requires async mode or an upgraded request");
            }
            SerialCallbacks callbacks = request.content().callbacks();
            if (request.asyncState().inDispatch()) {
                callbacks.holdForDispatch();
            }
            nonBlocking = new ReadListenerDriver(request.core().nonBlockingBody(), callbacks, readListener,
                    request.asyncState());
            nonBlocking.start();
        }
    }

    /** The configured multipart handling of {@code request}'s servlet, or null (section 3.2). */
    private static MultipartConfigElement multipartConfig(ServletRequestImpl request) {
        return request.match == null ? null : request.match.holder().multipartConfig();
    }
}
