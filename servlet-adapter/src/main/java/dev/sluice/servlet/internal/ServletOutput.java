package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.async.SerialCallbacks;
import dev.sluice.servlet.internal.async.WriteListenerDriver;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * The response content stream handed to webapp code, over the core response's buffered stream. Once the
 * response is finished for the servlet (sendError, sendRedirect, a completed forward), further content is
 * silently dropped, as Servlet 6.1 sections 5.6 and 9.4 require. {@code close()} ends the servlet's content
 * but leaves committing to the container.
 */
final class ServletOutput extends ServletOutputStream {
    private final OutputStream out;
    private final ServletRequestImpl request;
    private volatile boolean suspended;
    private volatile boolean closed;
    private long written;
    private WriteListenerDriver nonBlocking;

    ServletOutput(OutputStream out, ServletRequestImpl request) {
        this.out = out;
        this.request = request;
    }

    void suspend() {
        suspended = true;
    }

    void resume() {
        suspended = false;
        closed = false;
    }

    boolean isSuspended() {
        return suspended || closed;
    }

    long written() {
        return written;
    }

    @Override
    public void write(int b) throws IOException {
        if (suspended || closed) {
            return;
        }
        if (nonBlocking != null) {
            write(new byte[] {(byte) b}, 0, 1);
            return;
        }
        out.write(b);
        written++;
        request.response().afterWrite(written);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (suspended || closed) {
            return;
        }
        if (nonBlocking != null) {
            nonBlocking.checkWrite();
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                nonBlocking.writeFailed(e);
                throw e;
            }
        } else {
            out.write(b, off, len);
        }
        written += len;
        request.response().afterWrite(written);
    }

    @Override
    public void flush() throws IOException {
        if (!suspended && !closed) {
            request.response().beforeCommit();
            out.flush();
        }
    }

    /** Section 5.6: closing the stream commits and ends the content; the container completes the exchange. */
    @Override
    public void close() throws IOException {
        if (request.getDispatcherType() == jakarta.servlet.DispatcherType.INCLUDE) {
            return; // Section 9.3: an included servlet cannot close the including response.
        }
        if (!suspended && !closed) {
            request.response().beforeCommit();
            out.flush();
            closed = true;
        }
    }

    /** Blocking mode: always true (a write may still block); non-blocking: whether a write is allowed now. */
    @Override
    public boolean isReady() {
        return nonBlocking == null || nonBlocking.isReady();
    }

    /**
     * Section 5.7: only in async mode, once per request. From then on writes never block (the connector holds
     * what the client does not take yet); onWritePossible first comes after service returns.
     */
    @Override
    public void setWriteListener(WriteListener writeListener) {
        if (writeListener == null) {
            throw new NullPointerException("writeListener");
        }
        if (nonBlocking != null) {
            throw new IllegalStateException("WriteListener already set");
        }
        if (!request.isAsyncStarted()) {
            throw new IllegalStateException("setWriteListener requires async mode or an upgraded request");
        }
        SerialCallbacks callbacks = request.content().callbacks();
        if (request.asyncState().inDispatch()) {
            callbacks.holdForDispatch();
        }
        nonBlocking = new WriteListenerDriver(request.response().core().nonBlockingBody(), callbacks,
                writeListener, request.asyncState());
        nonBlocking.start();
    }

    /**
     * A writer that encodes each write straight into the stream, with no buffer of its own, so that the
     * response's buffer is the only one and resetBuffer discards everything written.
     */
    static final class EncodingWriter extends Writer {
        private final OutputStream out;
        private final Charset charset;

        EncodingWriter(OutputStream out, Charset charset) {
            this.out = out;
            this.charset = charset;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            out.write(new String(cbuf, off, len).getBytes(charset));
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            out.write(str.substring(off, off + len).getBytes(charset));
        }

        @Override
        public void write(int c) throws IOException {
            write(String.valueOf((char) c), 0, 1);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
