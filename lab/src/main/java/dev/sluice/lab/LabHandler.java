package dev.sluice.lab;

import dev.sluice.core.Handler;
import dev.sluice.core.Request;
import dev.sluice.core.Response;
import dev.sluice.core.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The endpoints an embedded Sluice serves to the lab:
 * <ul>
 * <li>{@code /delay?ms=N}: holds the worker N ms (at most 10 s), like an application waiting on a database;</li>
 * <li>{@code /bytes?n=N}: N bytes of content (at most 16 MiB), like a static resource;</li>
 * <li>{@code /}: a short greeting;</li>
 * <li>{@code /sluice/metrics}: the connector's figures in Prometheus text, under the names the distribution's
 * status endpoint uses;</li>
 * <li>{@code /lab/heap}: runs a full GC and answers the bytes of heap still in use, to measure what idle
 * connections cost (meaningful when the server has a JVM of its own, see {@link ForkedSluice}).</li>
 * </ul>
 * A bad parameter is a 400 with a one-line reason. It counts the requests it served, so tests can compare them
 * with what the lab saw.
 */
final class LabHandler implements Handler {
    private static final byte[] HELLO = "hello from the Sluice lab\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FILLER = new byte[64 * 1024];

    static {
        Arrays.fill(FILLER, (byte) 'x');
    }

    private final Supplier<Map<String, ? extends Number>> metrics;
    private final AtomicLong served = new AtomicLong();

    LabHandler(Supplier<Map<String, ? extends Number>> metrics) {
        this.metrics = metrics;
    }

    /** Requests answered by this handler, not counting {@code /sluice/metrics}. */
    long served() {
        return served.get();
    }

    @Override
    public void handle(Request request, Response response) throws Exception {
        String path = request.head().path();
        String query = request.head().rawQuery();
        if (path.equals("/sluice/metrics")) {
            send(response, Status.OK, "text/plain; version=0.0.4",
                    PrometheusText.render(metrics.get()).getBytes(StandardCharsets.US_ASCII));
            return;
        }
        if (path.equals("/lab/heap")) {
            send(response, Status.OK, "text/plain", (usedHeapAfterGc() + "\n").getBytes(StandardCharsets.US_ASCII));
            return;
        }
        served.incrementAndGet();
        switch (path) {
            case "/" -> send(response, Status.OK, "text/plain", HELLO);
            case "/delay" -> {
                long ms = param(query, "ms", 0, 10_000, response);
                if (ms >= 0) {
                    Thread.sleep(ms);
                    send(response, Status.OK, "text/plain", ("slept " + ms + " ms\n").getBytes(StandardCharsets.US_ASCII));
                }
            }
            case "/bytes" -> {
                long n = param(query, "n", 0, 16 << 20, response);
                if (n >= 0) {
                    response.setStatus(Status.OK);
                    response.headers().set("Content-Type", "application/octet-stream");
                    response.headers().set("Content-Length", Long.toString(n));
                    for (long left = n; left > 0; left -= FILLER.length) {
                        response.body().write(FILLER, 0, (int) Math.min(FILLER.length, left));
                    }
                }
            }
            default -> send(response, Status.NOT_FOUND, "text/plain",
                    ("no such lab endpoint: " + path + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Heap in use once garbage is collected; two GCs, since one may leave objects waiting for finalization. */
    static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The value of {@code name} in the query, or -1 after answering 400 when it is missing or out of range. */
    private static long param(String query, String name, long min, long max, Response response) throws IOException {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    try {
                        long v = Long.parseLong(pair.substring(name.length() + 1));
                        if (v >= min && v <= max) {
                            return v;
                        }
                    } catch (NumberFormatException e) {
                        // answered below
                    }
                }
            }
        }
        send(response, Status.BAD_REQUEST, "text/plain",
                (name + " must be a number from " + min + " to " + max + "\n").getBytes(StandardCharsets.US_ASCII));
        return -1;
    }

    private static void send(Response response, Status status, String type, byte[] body) throws IOException {
        response.setStatus(status);
        response.headers().set("Content-Type", type);
        response.headers().set("Content-Length", Integer.toString(body.length));
        response.body().write(body);
    }
}
