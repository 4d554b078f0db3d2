package dev.sluice.samples.upload;

import java.nio.charset.StandardCharsets;

/** What a submitted file name may become on disk, and how a download names it again. */
final class FileNames {
    static final int MAX_LENGTH = 100;

    private FileNames() {
    }

    /**
     * A name safe to store: the last segment of a path (old browsers send {@code C:\dir\a.txt}), control
     * characters and {@code / \ : * ? " < > |} replaced by {@code _}, no leading dot, at most 100 characters.
     * Null when nothing usable is left (no file was chosen).
     */
    static String storable(String submitted) {
        if (submitted == null) {
            return null;
        }
        String name = submitted.substring(Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\')) + 1);
        StringBuilder sb = new StringBuilder();
        name.codePoints().forEach(c -> sb.appendCodePoint(c < 32 || c == 127 || "/\\:*?\"<>|".indexOf(c) >= 0
                ? '_' : c));
        String clean = sb.toString().strip();
        while (clean.startsWith(".")) {
            clean = clean.substring(1);
        }
        if (clean.codePointCount(0, clean.length()) > MAX_LENGTH) {
            int keep = clean.offsetByCodePoints(0, MAX_LENGTH);
            clean = clean.substring(0, keep);
        }
        return clean.isBlank() ? null : clean;
    }

    /**
     * {@code attachment} with an ASCII {@code filename} for old clients and the exact name as
     * {@code filename*} (RFC 6266 section 4.3, RFC 8187 encoding).
     */
    static String contentDisposition(String name) {
        StringBuilder ascii = new StringBuilder();
        for (char c : name.toCharArray()) {
            ascii.append(c >= 32 && c < 127 && c != '"' && c != '\\' && c != '%' ? c : '_');
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncode(name);
    }

    /** RFC 8187 section 3.2.1: attr-char stays, every other byte of the UTF-8 form is %XX. */
    static String percentEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /** "512 bytes", "1.5 KiB", "5.0 MiB". */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
