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
 * <p>Rules, in order (each broken rule is 400 with a one-line reason):
 * <ol>
 * <li>The path must start with {@code /}.</li>
 * <li>Its raw characters must be visible ASCII other than {@code \}: anything else was never a valid URI
 *     character (RFC 3986 section 2), and a raw backslash is a directory separator on some file systems.</li>
 * <li>Percent-escapes are decoded to octets and the octets read as UTF-8 (RFC 3986 sections 2.1 and 2.5); a
 *     malformed escape or invalid UTF-8 (overlong forms and lone surrogates included) is refused.</li>
 * <li>An encoded {@code /} ({@code %2F}) or {@code \} ({@code %5C}), and NUL in any form, are refused: they would
 *     let one segment pose as two, or cut a file name short. Decoded control characters are refused too.</li>
 * <li>Dot segments are removed (RFC 3986 section 5.2.4), after decoding, so {@code %2e%2e} is {@code ..}; a
 *     segment that is {@code .} or {@code ..} followed by {@code ;parameters} counts as a dot segment, so
 *     {@code /..;x/} cannot slip past a later stage that strips path parameters. Repeated slashes are folded.
 *     A path that would climb above its root is refused, so no resource outside the root (or under WEB-INF by way
 *     of {@code ..}) can be named.</li>
 * </ol>
 * A trailing slash is kept: {@code /dir/} and {@code /dir} are different resources.
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
        boolean escaped = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                throw HttpException.badRequest(c == 0 ? "NUL in path" : "Invalid character in path");
            }
            if (c == '\\') {
                throw HttpException.badRequest("Backslash in path");
            }
            escaped |= c == '%';
        }
        if (!escaped) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
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
                if (b == 0) {
                    throw HttpException.badRequest("NUL in path");
                }
                if (b < ' ' || b == 0x7F) {
                    throw HttpException.badRequest("Control character in path");
                }
                bytes.put((byte) b);
                i += 2;
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw HttpException.badRequest("Path is not valid UTF-8");
        }
    }

    private static int hex(char c) {
        int d = Character.digit(c, 16);
        if (d < 0 || c > 'f') {
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
            String bare = withoutParameters(part);
            boolean last = i == parts.length - 1;
            if (bare.equals("..")) {
                if (segments.isEmpty()) {
                    throw HttpException.badRequest("Path climbs above its root");
                }
                segments.removeLast();
                if (last) {
                    segments.addLast("");
                }
            } else if (bare.equals(".") || (part.isEmpty() && !last)) {
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

    private static String withoutParameters(String segment) {
        int semicolon = segment.indexOf(';');
        return semicolon < 0 ? segment : segment.substring(0, semicolon);
    }
}
