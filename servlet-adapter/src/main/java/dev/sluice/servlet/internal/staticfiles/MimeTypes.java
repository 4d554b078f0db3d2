package dev.sluice.servlet.internal.staticfiles;

import java.util.Locale;
import java.util.Map;

/** Media types by file extension: the webapp's mime-mappings first, then a built-in table of common types. */
public final class MimeTypes {
    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"), Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("xml", "application/xml"),
            Map.entry("xhtml", "application/xhtml+xml"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"), Map.entry("bmp", "image/bmp"), Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"), Map.entry("eot", "application/vnd.ms-fontobject"),
            Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"), Map.entry("tar", "application/x-tar"),
            Map.entry("jar", "application/java-archive"), Map.entry("war", "application/java-archive"),
            Map.entry("wasm", "application/wasm"), Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"),
            Map.entry("wav", "audio/wav"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("md", "text/markdown"), Map.entry("rtf", "application/rtf"),
            Map.entry("bin", "application/octet-stream"), Map.entry("properties", "text/plain"),
            Map.entry("java", "text/x-java-source"), Map.entry("jsp", "text/html"),
            Map.entry("webmanifest", "application/manifest+json"), Map.entry("ics", "text/calendar"));

    private MimeTypes() {
    }

    /** The media type of {@code fileName}, or null when its extension is unknown. */
    public static String of(String fileName, Map<String, String> webapp) {
        if (fileName == null) {
            return null;
        }
        int slash = fileName.lastIndexOf('/');
        int dot = fileName.lastIndexOf('.');
        if (dot <= slash) {
            return null;
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        String type = webapp.get(ext);
        return type != null ? type : BUILT_IN.get(ext);
    }
}
