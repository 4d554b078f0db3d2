package dev.sluice.lab;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** One client TCP connection: blocking socket, buffered reads, a response reader. Used by one thread. */
final class ClientConnection implements Closeable {
    private final Socket socket;
    private final OutputStream out;
    private final ResponseReader reader;
    private final Runnable onClose;

    private ClientConnection(Socket socket, Runnable onClose) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new ResponseReader(new BufferedInputStream(socket.getInputStream(), 16 * 1024));
        this.onClose = onClose;
    }

    /**
     * Connects. {@code register} is told of the socket before connecting so a stop can close it even while
     * the connect blocks; {@code onClose} runs once when this connection closes.
     */
    static ClientConnection open(InetSocketAddress target, int connectTimeoutMillis, SocketRegistry registry)
            throws IOException {
        Socket socket = new Socket();
        registry.add(socket);
        try {
            socket.setTcpNoDelay(true);
            socket.connect(target, connectTimeoutMillis);
            return new ClientConnection(socket, () -> registry.remove(socket));
        } catch (IOException | RuntimeException e) {
            registry.remove(socket);
            socket.close();
            throw e;
        }
    }

    /** Writes the requests in one go: one write call, so pipelined requests can share a TCP segment. */
    void send(byte[] requests) throws IOException {
        out.write(requests);
        out.flush();
    }

    ResponseReader.Response read(int timeoutMillis) throws IOException {
        socket.setSoTimeout(Math.max(1, timeoutMillis));
        return reader.read(false);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        onClose.run();
    }
}
