package dev.sluice.distribution.internal.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files the status page loads from the server itself, never from a CDN (the server must work offline): its
 * chart script and the uPlot charting library, which the build copies out of the {@code org.webjars.npm:uplot}
 * jar into this package (see distribution/pom.xml). Read once from the class path and kept.
 */
final class StatusAssets {
    /** A file and its media type. */
    record Asset(byte[] bytes, String type) {
    }

    private static final Map<String, String> TYPES = Map.of(
            "charts.js", "text/javascript; charset=utf-8",
            "uplot/uPlot.iife.min.js", "text/javascript; charset=utf-8",
            "uplot/uPlot.min.css", "text/css; charset=utf-8",
            "uplot/LICENSE", "text/plain; charset=utf-8");

    private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

    /** The asset of that name (a path below /sluice/status/), or null when there is none by that name. */
    Asset get(String name) {
        String type = TYPES.get(name);
        if (type == null) {
            return null;
        }
        return loaded.computeIfAbsent(name, n -> read(n, type));
    }

    private static Asset read(String name, String type) {
        try (InputStream in = StatusAssets.class.getResourceAsStream(name)) {
            // Absent only in a build that skipped the copy; the page then shows its tables without charts.
            return in == null ? null : new Asset(in.readAllBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
