package dev.sluice.springboot;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.zip.GZIPOutputStream;

/**
 * A response whose body is held back until it is known whether to gzip it: until {@code minSize} bytes were
 * written (then compressed if the type and the client allow), or the response ends or is flushed first (then
 * sent as it is, with its Content-Length). A Content-Length the application declares is held back too, and sent
 * only when the body goes out uncompressed. Not thread safe, like the response it wraps.
 */
final class GzipResponse extends HttpServletResponseWrapper {
    private enum Decision { UNDECIDED, IDENTITY, GZIP }

    private final CompressionFilter rules;
    private final boolean clientAccepts;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Decision decision = Decision.UNDECIDED;
    private long declaredLength = -1;
    private OutputStream target;
    private GZIPOutputStream gzip;
    private ServletOutputStream stream;
    private PrintWriter writer;
    /** The container's stream once the application asked for non-blocking output. */
    private ServletOutputStream nonBlocking;

    GzipResponse(HttpServletResponse response, CompressionFilter rules, boolean clientAccepts) {
        super(response);
        this.rules = rules;
        this.clientAccepts = clientAccepts;
    }

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (decision == Decision.IDENTITY) {
            super.setContentLengthLong(len);
        } else if (decision == Decision.UNDECIDED) {
            declaredLength = len;
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if ("Content-Length".equalsIgnoreCase(name) && value != null) {
            setContentLengthLong(Long.parseLong(value.trim()));
        } else {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if ("Content-Length".equalsIgnoreCase(name) && value != null) {
            setContentLengthLong(Long.parseLong(value.trim()));
        } else {
            super.addHeader(name, value);
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        bypass();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        bypass();
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        bypass();
        super.sendRedirect(location);
    }

    /** The container writes this response's body itself (an error page, a redirect): step aside. */
    private void bypass() {
        if (decision == Decision.UNDECIDED) {
            pending.reset();
            decision = Decision.IDENTITY;
            target = null;
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() was already called");
        }
        return stream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() was already called");
            }
            writer = new PrintWriter(new OutputStreamWriter(stream(), getCharacterEncoding()));
        }
        return writer;
    }

    private ServletOutputStream stream() {
        if (stream == null) {
            stream = new Body();
        }
        return stream;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        flushBody();
        super.flushBuffer();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        if (decision == Decision.UNDECIDED) {
            pending.reset();
        }
    }

    @Override
    public void reset() {
        super.reset();
        if (decision == Decision.UNDECIDED) {
            pending.reset();
            declaredLength = -1;
        }
    }

    /** An async request: what is still held back goes out as it is, and later writes pass straight through. */
    void passThroughIfUndecided() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (decision == Decision.UNDECIDED) {
            decide(false);
        }
    }

    /** The application is done: send what is held back, or end the gzip stream. */
    void finish() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        if (decision == Decision.UNDECIDED) {
            if (pending.size() == 0 && declaredLength < 0) {
                decision = Decision.IDENTITY; // nothing written: leave framing to the container
                return;
            }
            if (declaredLength < 0) {
                declaredLength = pending.size();
            }
            decide(false);
        }
        if (gzip != null) {
            gzip.finish();
        }
    }

    private void flushBody() throws IOException {
        if (decision == Decision.UNDECIDED) {
            // A flush asks for the bytes to go now: there is no waiting for minSize any more.
            decide(false);
        }
        if (target != null) {
            target.flush();
        }
    }

    private void write(byte[] b, int off, int len) throws IOException {
        if (decision == Decision.UNDECIDED) {
            pending.write(b, off, len);
            if (pending.size() >= rules.minSize()) {
                decide(true);
            }
            return;
        }
        target().write(b, off, len);
    }

    private OutputStream target() throws IOException {
        if (target == null) {
            target = super.getOutputStream();
        }
        return target;
    }

    private void decide(boolean bigEnough) throws IOException {
        int status = getStatus();
        boolean typeAllowed = rules.compressible(getContentType());
        if (typeAllowed && !isCommitted()) {
            addVary();
        }
        boolean compress = bigEnough && clientAccepts && typeAllowed && !isCommitted()
                && status != 204 && status != 206 && status != 304 && status >= 200
                && getHeader("Content-Encoding") == null && getHeader("Content-Range") == null;
        if (compress) {
            decision = Decision.GZIP;
            super.setHeader("Content-Encoding", "gzip");
            gzip = new GZIPOutputStream(target(), 8192, true);
            target = gzip;
        } else {
            decision = Decision.IDENTITY;
            if (declaredLength >= 0) {
                super.setContentLengthLong(declaredLength);
            }
        }
        if (pending.size() > 0) {
            target().write(pending.toByteArray());
            pending.reset();
        }
    }

    private void addVary() {
        String vary = getHeader("Vary");
        if (vary == null) {
            super.setHeader("Vary", "Accept-Encoding");
        } else if (!vary.toLowerCase(java.util.Locale.ROOT).contains("accept-encoding") && !vary.equals("*")) {
            super.setHeader("Vary", vary + ", Accept-Encoding");
        }
    }

    /** The body stream the application writes to. */
    private final class Body extends ServletOutputStream {
        @Override
        public void write(int b) throws IOException {
            GzipResponse.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            GzipResponse.this.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            flushBody();
        }

        @Override
        public boolean isReady() {
            return nonBlocking == null || nonBlocking.isReady();
        }

        /** Non-blocking output goes out uncompressed: the body is no longer held back from then on. */
        @Override
        public void setWriteListener(WriteListener listener) {
            if (decision == Decision.GZIP) {
                throw new IllegalStateException("Non-blocking output after compression has started");
            }
            try {
                passThroughIfUndecided();
                nonBlocking = GzipResponse.super.getOutputStream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            nonBlocking.setWriteListener(listener);
        }
    }
}
