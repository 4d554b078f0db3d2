package dev.sluice.servlet.internal.multipart;

import dev.sluice.servlet.internal.caps.Cap;
import dev.sluice.servlet.internal.caps.ResourceCaps;
import dev.sluice.servlet.internal.http.HeaderParams;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The multipart/form-data body of one request (Servlet 6.1 section 3.2 "File Upload"): read from the request
 * stream through {@link MultipartParser} as it arrives, each part stored as an {@link UploadPart}, the limits of
 * the servlet's multipart config enforced while reading. Parsed once; the parts, or the failure, are kept for
 * later getParts/getParameter calls; {@link #release} removes the temporary files when the request completes.
 */
public final class MultipartUpload {
    /** Most header fields in one part's header block (its bytes are the container's maxPartHeaderBytes). */
    public static final int MAX_PART_HEADERS = 32;
    private static final int CHUNK = 8192;

    private final MultipartConfigElement config;
    private final Path location;
    private final int maxParameters;
    private final ResourceCaps caps;
    private final List<UploadPart> received = new ArrayList<>();
    private List<Part> parts;
    private RuntimeException failed;
    private IOException failedIo;

    /**
     * @param config   the multipart config of the servlet serving the request
     * @param tempDir  the context's jakarta.servlet.context.tempdir
     * @param maxParameters the container's maxParameterCount: every part counts as one parameter
     * @param caps          the container's maxPartCount and maxPartHeaderBytes, and their refusal counters
     */
    public MultipartUpload(MultipartConfigElement config, File tempDir, int maxParameters, ResourceCaps caps) {
        this.config = config;
        this.location = location(config.getLocation(), tempDir);
        this.maxParameters = maxParameters;
        this.caps = caps;
    }

    /** Section 8.1.5: location is absolute, or relative to the context's temporary folder (File.isAbsolute). */
    public static Path location(String configured, File tempDir) {
        if (configured == null || configured.isEmpty()) {
            return tempDir.toPath();
        }
        File f = new File(configured);
        return f.isAbsolute() ? f.toPath() : tempDir.toPath().resolve(configured);
    }

    public static boolean isMultipartFormData(String contentType) {
        return contentType != null && HeaderParams.parse(contentType).type().equals("multipart/form-data");
    }

    public static File tempDirOf(ServletContext context) {
        Object dir = context.getAttribute(ServletContext.TEMPDIR);
        return dir instanceof File f ? f : new File(System.getProperty("java.io.tmpdir"));
    }

    /**
     * Reads and parses the body on the first call; later calls answer the same parts (or the same failure).
     *
     * @param contentType    the request's Content-Type, already known to be multipart/form-data
     * @param declaredLength the Content-Length, or -1
     */
    public List<Part> parts(String contentType, long declaredLength, InputStream body)
            throws IOException, ServletException {
        if (parts == null && failed == null && failedIo == null) {
            try {
                parts = Collections.unmodifiableList(read(contentType, declaredLength, body));
            } catch (RuntimeException e) {
                failed = e;
                release();
            } catch (IOException e) {
                if (e instanceof MalformedMultipartException m && m.cap() != null) {
                    caps.count(m.cap());
                }
                failedIo = e;
                release();
            }
        }
        if (failed != null) {
            throw failed;
        }
        if (failedIo != null) {
            throw failedIo;
        }
        return parts;
    }

    private List<Part> read(String contentType, long declaredLength, InputStream body) throws IOException {
        String boundary = HeaderParams.parse(contentType).get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            // RFC 2046 5.1.1: 1 to 70 characters
            throw new MalformedMultipartException("multipart/form-data without a valid boundary parameter");
        }
        long maxRequest = config.getMaxRequestSize();
        if (maxRequest >= 0 && declaredLength > maxRequest) {
            throw tooLarge(maxRequest);
        }
        Receiver receiver = new Receiver();
        MultipartParser parser = new MultipartParser(boundary, caps.maxPartHeaderBytes(), MAX_PART_HEADERS,
                receiver);
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        for (int n; (n = body.read(chunk)) >= 0; ) {
            total += n;
            if (maxRequest >= 0 && total > maxRequest) {
                throw tooLarge(maxRequest);
            }
            parser.feed(chunk, 0, n);
        }
        parser.endOfInput();
        return new ArrayList<>(received);
    }

    private static MultipartLimitException tooLarge(long maxRequest) {
        return new MultipartLimitException(413, "Multipart request larger than max-request-size ("
                + maxRequest + " bytes)");
    }

    public boolean parsed() {
        return parts != null;
    }

    /** The form fields: parts without a file name (RFC 7578 section 4.2). Only after a successful parse. */
    public List<UploadPart> fields() {
        List<UploadPart> fields = new ArrayList<>();
        for (UploadPart p : received) {
            if (p.isFormField()) {
                fields.add(p);
            }
        }
        return fields;
    }

    /** Deletes every temporary file still owned by the container; called when the request completes. */
    public void release() {
        for (UploadPart p : received) {
            p.discard();
        }
    }

    /** Builds the parts from the parser's events, enforcing max-file-size and the part count. */
    private final class Receiver implements MultipartParser.Handler {
        private UploadPart current;

        @Override
        public void partStarted(PartHeaders headers) throws IOException {
            String disposition = headers.get("Content-Disposition");
            HeaderParams params = disposition == null ? null : HeaderParams.parse(disposition);
            if (params == null || !params.type().equals("form-data") || params.get("name") == null) {
                // RFC 7578 section 4.2: each part MUST have Content-Disposition form-data with a name
                throw new MalformedMultipartException("Multipart part without Content-Disposition: form-data and"
                        + " a name");
            }
            if (received.size() >= caps.maxPartCount()) {
                // CVE-2023-24998: each part costs an object and maybe a file; the count is bounded on its own
                caps.count(Cap.PARTS);
                throw new MultipartLimitException(Cap.PARTS.status(), Cap.PARTS.message(caps.maxPartCount()));
            }
            if (received.size() >= maxParameters) {
                throw new MultipartLimitException(400, "More than " + maxParameters + " multipart parts");
            }
            current = new UploadPart(headers, params, location, config.getFileSizeThreshold());
            received.add(current);
        }

        @Override
        public void partContent(byte[] b, int off, int len) throws IOException {
            long max = config.getMaxFileSize();
            if (max >= 0 && current.getSize() + len > max) {
                throw new MultipartLimitException(413, "Multipart part \"" + safe(current.getName())
                        + "\" larger than max-file-size (" + max + " bytes)");
            }
            current.append(b, off, len);
        }

        @Override
        public void partEnded() throws IOException {
            current.finish();
            current = null;
        }
    }

    /** A part name for a one-line message: printable ASCII only, bounded. */
    private static String safe(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length() && sb.length() < 40; i++) {
            char c = name.charAt(i);
            sb.append(c >= 32 && c < 127 && c != '"' && c != '<' && c != '>' && c != '&' ? c : '?');
        }
        return sb.toString();
    }
}
