package dev.sluice.distribution.internal.status;

import dev.sluice.core.Handler;
import dev.sluice.core.Method;
import dev.sluice.core.Request;
import dev.sluice.core.Response;
import dev.sluice.core.Status;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Serves {@code /sluice/status} (HTML), its last ten minutes at {@code /sluice/status/history} (JSON, see
 * {@link HistoryJson}) with the chart files it loads below {@code /sluice/status/}, and {@code /sluice/metrics} (Prometheus text, or JSON with
 * {@code ?format=json} or {@code Accept: application/json}) to loopback clients, and passes every other request
 * on. The figures reveal load and capacity, so other clients get 403, as Tomcat's manager does by default.
 */
public final class StatusHandler implements Handler {
    static final String STATUS_PATH = "/sluice/status";
    static final String METRICS_PATH = "/sluice/metrics";
    /** {@code /sluice/status/history}: the per-second figures of the last ten minutes. */
    static final String HISTORY_NAME = "history";

    private final Handler next;
    private final Supplier<ServerFigures> figures;
    private final WebappCounters webapps;
    private final StatusHistory history;
    private final StatusAssets assets = new StatusAssets();

    /** @param webapps counts each request passed on by its webapp; null counts nothing */
    public StatusHandler(Handler next, Supplier<ServerFigures> figures, WebappCounters webapps) {
        this(next, figures, webapps, new StatusHistory());
    }

    /** @param history the per-second figures the page draws, recorded elsewhere (a {@link HistorySampler}) */
    public StatusHandler(Handler next, Supplier<ServerFigures> figures, WebappCounters webapps,
                         StatusHistory history) {
        this.next = next;
        this.figures = figures;
        this.webapps = webapps;
        this.history = history;
    }

    @Override
    public void handle(Request request, Response response) throws Exception {
        String path = request.head().path();
        boolean status = path.equals(STATUS_PATH);
        boolean statusFile = path.startsWith(STATUS_PATH + "/");
        if (!status && !statusFile && !path.equals(METRICS_PATH)) {
            if (webapps != null) {
                webapps.count(path);
            }
            next.handle(request, response);
            return;
        }
        // the client trusted proxies report: a request relayed by a proxy on this machine is not a loopback one
        if (!isLoopback(request.client() != null ? request.client().address() : request.remoteAddress())) {
            send(response, Status.FORBIDDEN, "text/plain; charset=utf-8",
                    "The status page is only served to loopback clients.\n");
            return;
        }
        Method method = request.head().method();
        if (!method.equals(Method.GET) && !method.equals(Method.HEAD)) {
            response.headers().set("Allow", "GET, HEAD");
            send(response, Status.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", "Use GET.\n");
            return;
        }
        if (statusFile) {
            statusFile(request, response, path.substring(STATUS_PATH.length() + 1));
            return;
        }
        ServerFigures now = figures.get();
        response.headers().set("Cache-Control", "no-store");
        if (status) {
            send(response, Status.OK, "text/html; charset=utf-8", StatusPage.render(now));
        } else if (wantsJson(request)) {
            send(response, Status.OK, MetricsText.JSON_TYPE, MetricsText.json(now));
        } else {
            send(response, Status.OK, MetricsText.PROMETHEUS_TYPE, MetricsText.prometheus(now));
        }
    }

    private void statusFile(Request request, Response response, String name) throws Exception {
        if (HISTORY_NAME.equals(name)) {
            long since;
            try {
                since = since(request.head().rawQuery());
            } catch (NumberFormatException e) {
                send(response, Status.BAD_REQUEST, "text/plain; charset=utf-8",
                        "since must be a whole number of seconds since 1970.\n");
                return;
            }
            response.headers().set("Cache-Control", "no-store");
            send(response, Status.OK, MetricsText.JSON_TYPE, HistoryJson.render(history.since(since),
                    history.capacity()));
            return;
        }
        StatusAssets.Asset asset = assets.get(name);
        if (asset == null) {
            send(response, Status.NOT_FOUND, "text/plain; charset=utf-8", "No such status file.\n");
            return;
        }
        // Loaded once per page view at most; an hour keeps a reload cheap and a new build visible soon enough.
        response.headers().set("Cache-Control", "max-age=3600");
        send(response, Status.OK, asset.type(), asset.bytes());
    }

    /** The {@code since} query parameter (epoch seconds), or every sample without one. */
    private static long since(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("since=")) {
                    return Long.parseLong(pair.substring("since=".length()));
                }
            }
        }
        return Long.MIN_VALUE;
    }

    private static boolean wantsJson(Request request) {
        String query = request.head().rawQuery();
        if (query != null && ("&" + query + "&").contains("&format=json&")) {
            return true;
        }
        String accept = request.head().headers().get("Accept");
        return accept != null && accept.contains("application/json");
    }

    private static boolean isLoopback(InetSocketAddress remote) {
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }

    private static void send(Response response, Status status, String type, String body) throws Exception {
        send(response, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(Response response, Status status, String type, byte[] bytes) throws Exception {
        response.setStatus(status);
        response.headers().set("Content-Type", type);
        response.headers().set("Content-Length", Integer.toString(bytes.length));
        try (OutputStream out = response.body()) {
            out.write(bytes);
        }
    }
}
