package dev.sluice.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decodes and normalizes a request path so that it can be used to find a resource.
 *
 * <p>Rules, in order:
 * <ol>
 * <li>The path must start with {@code /}.</li>
 * <li>Percent-escapes are decoded to bytes and the bytes read as UTF-8 (RFC 3986 section 2.1); a malformed
 *     escape or invalid UTF-8 is 400.</li>
 * <li>An encoded {@code /} ({@code %2F}) or {@code \} ({@code %5C}), and NUL in any form, are 400: they would let
 *     one segment pose as two, or cut a file name short.</li>
 * <li>Dot segments are removed (RFC 3986 section 5.2.4) and repeated slashes folded; a path that climbs above
 *     its root is 400, so no resource outside the root (or under WEB-INF through {@code ..}) can be named.</li>
 * </ol>
 */
public final class RequestPath {
    private RequestPath() {
    }

    /** The decoded, normalized form of {@code rawPath}. @throws HttpException 400 as the class describes */
    public static String decode(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            throw HttpException.badRequest("Path must start with /");
        }
        return normalize(percentDecode(rawPath));
    }

    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            if (raw.indexOf('\0') >= 0) {
                throw HttpException.badRequest("NUL in path");
            }
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw HttpException.badRequest("Malformed percent-encoding in path");
                }
                int b = (hex(raw.charAt(i + 1)) << 4) | hex(raw.charAt(i + 2));
                if (b == '/' || b == '\\') {
                    throw HttpException.badRequest("Encoded slash in path");
                }
                bytes.put((byte) b);
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw HttpException.badRequest("Path is not valid UTF-8");
        }
        if (decoded.indexOf('\0') >= 0) {
            throw HttpException.badRequest("NUL in path");
        }
        return decoded;
    }

    private static int hex(char c) {
        int d = Character.digit(c, 16);
        if (d < 0) {
            throw HttpException.badRequest("Malformed percent-encoding in path");
        }
        return d;
    }

    static String normalize(String path) {
        if (path.indexOf("/.") < 0 && path.indexOf("//") < 0) {
            return path;
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = path.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.equals("..")) {
                if (segments.isEmpty()) {
                    throw HttpException.badRequest("Path climbs above its root");
                }
                segments.removeLast();
                if (last) {
                    segments.addLast("");
                }
            } else if (part.equals(".") || (part.isEmpty() && !last)) {
                if (last) {
                    segments.addLast("");
                }
            } else {
                segments.addLast(part);
            }
        }
        StringBuilder sb = new StringBuilder(path.length());
        for (String s : segments) {
            sb.append('/').append(s);
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }
}
