package dev.sluice.distribution.internal.status;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code /sluice/status} page: every figure rendered on the server (readable without JavaScript), then kept
 * live by a small script that re-reads {@code /sluice/metrics?format=json} every second and updates the cells
 * by their ids.
 */
public final class StatusPage {
    private StatusPage() {
    }

    public static String render(ServerFigures f) {
        StringBuilder sb = new StringBuilder(6000);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Sluice status</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:112rem;padding:0 1rem;")
                .append("color:#1d2a33}\nh1{font-size:1.6rem}h2{font-size:1.1rem;margin-top:1.6rem}\n")
                // The table and the charts side by side on a wide screen, one above the other on a narrow one.
                .append(".cols{display:grid;grid-template-columns:minmax(0,1fr);gap:0 2.5rem}\n")
                .append("@media (min-width:70rem){.cols{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}\n")
                .append(".chart{margin-bottom:.8rem}.chart h3{font-size:.95rem;font-weight:600;margin:.8rem 0 0}\n")
                .append("table{border-collapse:collapse;width:100%}td,th{padding:.3rem .6rem;")
                .append("border-bottom:1px solid #dde3e8;text-align:left}td.n{text-align:right;")
                .append("font-variant-numeric:tabular-nums}\n.bar{height:.6rem;background:#e8eef2;")
                .append("border-radius:.3rem;overflow:hidden}.bar span{display:block;height:100%;")
                .append("background:#2f7fb5}\n</style>\n</head>\n<body>\n<h1>Sluice status</h1>\n")
                .append("<p>Live figures of this server, refreshed every second. Up <span id=\"uptime\">")
                .append(f.uptimeMillis / 1000).append("</span> s. Also as <a href=\"/sluice/metrics\">")
                .append("Prometheus text</a> and <a href=\"/sluice/metrics?format=json\">JSON</a>.</p>\n")
                .append("<div class=\"cols\">\n<div>\n");

        sb.append("<h2>Capacity</h2>\n<table>\n<tr><th>what</th><th>now</th><th>of</th><th></th></tr>\n");
        capacity(sb, "Connections open", "open", f.openConnections, "maxConnections", f.maxConnections);
        capacity(sb, "Connections idle (keep-alive)", "idle", f.idleConnections, "open2", f.openConnections);
        capacity(sb, "Workers busy", "busy", f.busyWorkers, "maxThreads", f.maxThreads);
        capacity(sb, "Requests queued", "queue", f.queueDepth, "acceptQueue", f.acceptQueue);
        // Container modules' figures, e.g. websocket_sessions_open as "websocket sessions open".
        for (Map.Entry<String, Long> e : f.modules.entrySet()) {
            row(sb, escape(e.getKey().replace('_', ' ')), "module-" + escape(e.getKey()), e.getValue());
        }
        sb.append("</table>\n");

        sb.append("<h2>Totals</h2>\n<table>\n");
        row(sb, "Connections accepted", "accepted", f.accepted);
        row(sb, "Requests completed", "completed", f.completed);
        row(sb, "Bytes received", "bytesIn", f.bytesIn);
        row(sb, "Bytes sent", "bytesOut", f.bytesOut);
        for (Map.Entry<String, Long> e : f.rejected.entrySet()) {
            row(sb, "Rejected with 503: " + e.getKey().replace('_', ' '), "rejected-" + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Long> e : f.tlsHandshakes.entrySet()) {
            row(sb, "TLS handshakes " + e.getKey().replace('_', ' '), "tls-" + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Long> e : f.tlsNegotiated.entrySet()) { // e.g. "TLSv1.3 TLS_AES_128_GCM_SHA256"
            row(sb, "TLS handshakes with " + escape(e.getKey()), "tlsn-" + escape(e.getKey().replace(' ', '_')),
                    e.getValue());
        }
        sb.append("</table>\n");

        sb.append("<h2>Latency (ms)</h2>\n<table>\n<tr><th></th><th>count</th><th>p50</th><th>p90</th>")
                .append("<th>p99</th><th>p99.9</th><th>max</th></tr>\n");
        latency(sb, "Waiting in the queue", "queueTimeMs", f.queueTime);
        latency(sb, "Being served", "serviceTimeMs", f.serviceTime);
        sb.append("</table>\n");

        sb.append("<h2>Requests per webapp</h2>\n<table id=\"webapps\">\n");
        for (Map.Entry<String, Long> e : f.requestsPerWebapp.entrySet()) {
            sb.append("<tr><td>").append(escape(e.getKey())).append("</td><td class=\"n\">").append(e.getValue())
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n</div>\n");
        charts(sb, f);
        sb.append("</div>\n").append(SCRIPT).append("</body>\n</html>\n");
        return sb.toString();
    }

    /**
     * The charts' column: empty boxes that {@code charts.js} fills with uPlot charts of
     * {@code /sluice/status/history}. Without JavaScript or the library the tables still tell everything.
     */
    private static void charts(StringBuilder sb, ServerFigures f) {
        sb.append("<div>\n<h2>The last ten minutes</h2>\n")
                .append("<link rel=\"stylesheet\" href=\"/sluice/status/uplot/uPlot.min.css\">\n")
                .append("<div id=\"charts\" data-max-threads=\"").append(f.maxThreads)
                .append("\" data-accept-queue=\"").append(f.acceptQueue).append("\" data-max-connections=\"")
                .append(f.maxConnections).append("\"><noscript>The charts need JavaScript.</noscript></div>\n")
                .append("<p><small>One point a second. Charts by <a href=\"/sluice/status/uplot/LICENSE\">uPlot</a>")
                .append(", served by this server.</small></p>\n")
                .append("<script src=\"/sluice/status/uplot/uPlot.iife.min.js\"></script>\n")
                .append("<script src=\"/sluice/status/charts.js\"></script>\n</div>\n");
    }

    private static void capacity(StringBuilder sb, String label, String id, long now, String ofId, long of) {
        long percent = of <= 0 ? 0 : Math.min(100, now * 100 / of);
        sb.append("<tr><td>").append(label).append("</td><td class=\"n\" id=\"").append(id).append("\">")
                .append(now).append("</td><td class=\"n\" id=\"").append(ofId).append("\">").append(of)
                .append("</td><td style=\"width:30%\"><div class=\"bar\"><span id=\"bar-").append(id)
                .append("\" style=\"width:").append(percent).append("%\"></span></div></td></tr>\n");
    }

    private static void row(StringBuilder sb, String label, String id, long value) {
        sb.append("<tr><td>").append(label).append("</td><td class=\"n\" id=\"").append(id).append("\">")
                .append(value).append("</td></tr>\n");
    }

    private static void latency(StringBuilder sb, String label, String id, ServerFigures.Latency l) {
        sb.append("<tr><td>").append(label).append("</td>");
        cell(sb, id + "-count", Long.toString(l.count));
        cell(sb, id + "-p50", ms(l.p50));
        cell(sb, id + "-p90", ms(l.p90));
        cell(sb, id + "-p99", ms(l.p99));
        cell(sb, id + "-p999", ms(l.p999));
        cell(sb, id + "-max", ms(l.max));
        sb.append("</tr>\n");
    }

    private static void cell(StringBuilder sb, String id, String text) {
        sb.append("<td class=\"n\" id=\"").append(id).append("\">").append(text).append("</td>");
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String SCRIPT = "<script>\n"
            + "(function () {\n"
            + "  function set(id, v) { var e = document.getElementById(id); if (e) e.textContent = v; }\n"
            + "  function bar(id, now, of) { var e = document.getElementById('bar-' + id);\n"
            + "    if (e) e.style.width = (of > 0 ? Math.min(100, Math.floor(now * 100 / of)) : 0) + '%'; }\n"
            + "  function lat(id, l) { ['count', 'p50', 'p90', 'p99', 'p999', 'max'].forEach(function (k) {\n"
            + "    set(id + '-' + k, k === 'count' ? l[k] : l[k].toFixed(1)); }); }\n"
            + "  function refresh() {\n"
            + "    fetch('/sluice/metrics?format=json', {cache: 'no-store'}).then(function (r) { return r.json(); })\n"
            + "    .then(function (f) {\n"
            + "      set('uptime', Math.floor(f.uptimeMillis / 1000));\n"
            + "      set('open', f.connections.open); set('maxConnections', f.connections.max);\n"
            + "      set('idle', f.connections.idle); set('open2', f.connections.open);\n"
            + "      set('busy', f.workers.busy); set('maxThreads', f.workers.max);\n"
            + "      set('queue', f.queue.depth); set('acceptQueue', f.queue.max);\n"
            + "      bar('open', f.connections.open, f.connections.max);\n"
            + "      bar('idle', f.connections.idle, f.connections.open);\n"
            + "      bar('busy', f.workers.busy, f.workers.max); bar('queue', f.queue.depth, f.queue.max);\n"
            + "      set('accepted', f.connections.accepted); set('completed', f.completed);\n"
            + "      set('bytesIn', f.bytesIn); set('bytesOut', f.bytesOut);\n"
            + "      Object.keys(f.rejected).forEach(function (k) { set('rejected-' + k, f.rejected[k]); });\n"
            + "      var h = f.tlsHandshakes || {}; Object.keys(h).forEach(function (k) { set('tls-' + k, h[k]); });\n"
            + "      var n = f.tlsNegotiated || {};\n"
            + "      Object.keys(n).forEach(function (k) { set('tlsn-' + k.replace(/ /g, '_'), n[k]); });\n"
            + "      Object.keys(f.modules).forEach(function (k) { set('module-' + k, f.modules[k]); });\n"
            + "      lat('queueTimeMs', f.queueTimeMs); lat('serviceTimeMs', f.serviceTimeMs);\n"
            + "      var t = document.getElementById('webapps'); t.textContent = '';\n"
            + "      Object.keys(f.requestsPerWebapp).forEach(function (k) {\n"
            + "        var tr = t.insertRow(), a = tr.insertCell(), b = tr.insertCell();\n"
            + "        a.textContent = k; b.textContent = f.requestsPerWebapp[k]; b.className = 'n'; });\n"
            + "    }).catch(function () {});\n"
            + "  }\n"
            + "  setInterval(refresh, 1000);\n"
            + "})();\n"
            + "</script>\n";
}
