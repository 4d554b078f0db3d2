package dev.sluice.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What clients see from an overloaded server: {@code connections} threads, each on its own keep-alive
 * connection, send {@code GET path} back to back for {@code seconds}, and every attempt is classified as
 * 200, 503, another status, a reset, a close without response, a read timeout or a failed connect. After
 * anything but a keep-alive response the thread opens a new connection at once (no back-off, like wrk).
 *
 * <p>Usage: {@code SaturationClient host port path connections seconds timeoutMillis}. Prints one
 * {@code RESULT key=value ...} line for run scripts and a readable summary.
 */
public final class SaturationClient {
    enum Outcome { OK, STATUS_503, OTHER_STATUS, RESET, CLOSED, TIMEOUT, CONNECT_FAILED }

    private final InetSocketAddress address;
    private final byte[] request;
    private final int timeoutMillis;
    private final long deadlineNanos;
    private final AtomicLongArray counts = new AtomicLongArray(Outcome.values().length);
    private final List<long[]> okLatencies = new ArrayList<>();

    private SaturationClient(InetSocketAddress address, String path, int timeoutMillis, long seconds) {
        this.address = address;
        this.request = ("GET " + path + " HTTP/1.1\r\nHost: " + address.getHostString() + ":" + address.getPort()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.timeoutMillis = timeoutMillis;
        this.deadlineNanos = System.nanoTime() + seconds * 1_000_000_000L;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: SaturationClient host port path connections seconds timeoutMillis");
            System.exit(2);
        }
        InetSocketAddress address = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int connections = Integer.parseInt(args[3]);
        long seconds = Long.parseLong(args[4]);
        SaturationClient client = new SaturationClient(address, args[2], Integer.parseInt(args[5]), seconds);
        client.run(connections);
        client.report(seconds);
    }

    private void run(int connections) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            long[] latencies = new long[1 << 16];
            synchronized (okLatencies) {
                okLatencies.add(latencies);
            }
            Thread thread = new Thread(() -> loop(latencies), "saturation-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    /** One connection's loop; latencies[0] holds the count of recorded OK latencies. */
    private void loop(long[] latencies) {
        Socket socket = null;
        ResponseReader reader = null;
        while (System.nanoTime() < deadlineNanos) {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setSoTimeout(timeoutMillis);
                    socket.setTcpNoDelay(true);
                    try {
                        socket.connect(address, timeoutMillis);
                    } catch (IOException e) {
                        count(Outcome.CONNECT_FAILED);
                        closeQuietly(socket);
                        socket = null;
                        pause();
                        continue;
                    }
                    reader = new ResponseReader(new BufferedInputStream(socket.getInputStream()));
                }
                long start = System.nanoTime();
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                ResponseReader.Response response = reader.read();
                if (response.status() == 200) {
                    count(Outcome.OK);
                    int n = (int) latencies[0];
                    if (n + 1 < latencies.length) {
                        latencies[n + 1] = System.nanoTime() - start;
                        latencies[0] = n + 1;
                    }
                } else {
                    count(response.status() == 503 ? Outcome.STATUS_503 : Outcome.OTHER_STATUS);
                }
                if (response.close()) {
                    closeQuietly(socket);
                    socket = null;
                }
            } catch (SocketTimeoutException e) {
                count(Outcome.TIMEOUT);
                closeQuietly(socket);
                socket = null;
            } catch (EOFException e) {
                count(Outcome.CLOSED);
                closeQuietly(socket);
                socket = null;
            } catch (ConnectException e) {
                count(Outcome.CONNECT_FAILED);
                closeQuietly(socket);
                socket = null;
            } catch (SocketException e) {
                // "Connection reset", "Broken pipe": the server dropped the connection under us.
                count(Outcome.RESET);
                closeQuietly(socket);
                socket = null;
            } catch (IOException e) {
                count(Outcome.CLOSED);
                closeQuietly(socket);
                socket = null;
            }
        }
        closeQuietly(socket);
    }

    private void count(Outcome outcome) {
        counts.incrementAndGet(outcome.ordinal());
    }

    /** After a failed connect the listen queue is full; a short pause keeps the client from spinning. */
    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to do with a broken socket
            }
        }
    }

    private void report(long seconds) {
        long[] all;
        synchronized (okLatencies) {
            all = okLatencies.stream().flatMapToLong(l -> Arrays.stream(l, 1, (int) l[0] + 1)).sorted().toArray();
        }
        StringBuilder line = new StringBuilder("RESULT");
        long attempts = 0;
        for (Outcome outcome : Outcome.values()) {
            long n = counts.get(outcome.ordinal());
            attempts += n;
            line.append(' ').append(outcome.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(n);
        }
        line.append(" attempts=").append(attempts)
                .append(" ok_per_s=").append(String.format(java.util.Locale.ROOT, "%.1f",
                        counts.get(Outcome.OK.ordinal()) / (double) seconds))
                .append(" ok_p50_ms=").append(percentileMillis(all, 0.50))
                .append(" ok_p99_ms=").append(percentileMillis(all, 0.99))
                .append(" ok_max_ms=").append(percentileMillis(all, 1.0));
        System.out.println(line);
    }

    private static String percentileMillis(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return String.format(java.util.Locale.ROOT, "%.1f", sorted[Math.max(0, index)] / 1e6);
    }
}
