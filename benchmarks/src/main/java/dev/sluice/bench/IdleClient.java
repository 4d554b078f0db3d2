package dev.sluice.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens {@code count} keep-alive connections, sends one {@code GET path} on each and reads its response, then
 * leaves them all idle: the load of the idle-connections scenario. Prints {@code READY opened=N ok=M} once all
 * are idle, holds them for {@code holdSeconds} (the run script measures the server meanwhile), then prints how
 * many the server had closed and exits.
 *
 * <p>Usage: {@code IdleClient host port path count holdSeconds [tls]}. Needs {@code ulimit -n} above
 * {@code count}. With {@code tls} every connection is a TLS one (a full handshake each, no session reused), and
 * the server's certificate is not checked: a benchmark client on loopback.
 */
public final class IdleClient {
    private IdleClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5 && !(args.length == 6 && args[5].equals("tls"))) {
            System.err.println("usage: IdleClient host port path count holdSeconds [tls]");
            System.exit(2);
        }
        InetSocketAddress address = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        byte[] request = ("GET " + args[2] + " HTTP/1.1\r\nHost: " + args[0] + ":" + args[1] + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        int count = Integer.parseInt(args[3]);
        long holdSeconds = Long.parseLong(args[4]);
        javax.net.ssl.SSLSocketFactory tls = args.length == 6 ? trustingEveryone() : null;

        List<Socket> sockets = new ArrayList<>(count);
        int ok = 0;
        int failed = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            try {
                socket.setSoTimeout(10_000);
                socket.connect(address, 10_000);
                if (tls != null) {
                    socket = tls.createSocket(socket, args[0], address.getPort(), true);
                }
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                // Unbuffered reads: a buffer per connection would only cost the client memory.
                ResponseReader.Response response = new ResponseReader(socket.getInputStream()).read();
                if (tls != null) {
                    // not resumed by the next connection: each one is a full handshake, as new clients are
                    ((javax.net.ssl.SSLSocket) socket).getSession().invalidate();
                }
                if (response.status() == 200 && !response.close()) {
                    ok++;
                    sockets.add(socket);
                } else {
                    failed++;
                    socket.close();
                }
            } catch (IOException e) {
                failed++;
                if (failed <= 5) {
                    System.err.println("connection " + i + ": " + e);
                }
                socket.close();
            }
        }
        System.out.printf("READY opened=%d ok=%d failed=%d seconds=%.1f%n", count, ok, failed,
                (System.nanoTime() - start) / 1e9);
        System.out.flush();

        Thread.sleep(holdSeconds * 1000);
        int stillOpen = 0;
        for (Socket socket : sockets) {
            if (isOpen(socket)) {
                stillOpen++;
            }
            socket.close();
        }
        System.out.printf("DONE still_open=%d of %d%n", stillOpen, sockets.size());
    }

    /** A client context that accepts any server certificate (loopback benchmark only). */
    private static javax.net.ssl.SSLSocketFactory trustingEveryone() throws Exception {
        javax.net.ssl.TrustManager trustAll = new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        };
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, new javax.net.ssl.TrustManager[] {trustAll}, null);
        return context.getSocketFactory();
    }

    /** A connection the server closed reads end of stream at once; an open idle one times out. */
    private static boolean isOpen(Socket socket) {
        try {
            socket.setSoTimeout(1);
            InputStream in = socket.getInputStream();
            return in.read() >= 0;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
