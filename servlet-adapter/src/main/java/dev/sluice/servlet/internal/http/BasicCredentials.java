package dev.sluice.servlet.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The user-id and password of an {@code Authorization: Basic} header (RFC 7617 section 2). The challenge sends
 * {@code charset="UTF-8"} (section 2.1), so credentials are decoded as UTF-8; bytes that are not UTF-8 are read as
 * ISO-8859-1, what browsers send when no charset was asked for.
 */
public record BasicCredentials(String user, String password) {
    /**
     * Parses an Authorization header value; null when it is absent, of another scheme, or malformed (not base64,
     * no colon), which all get the same 401 challenge.
     */
    public static BasicCredentials parse(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        // RFC 9110 section 11.1: the scheme is case-insensitive and followed by one or more spaces.
        if (value.length() < 6 || !value.regionMatches(true, 0, "Basic", 0, 5) || value.charAt(5) != ' ') {
            return null;
        }
        String token = value.substring(6).strip();
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String text = decode(bytes);
        int colon = text.indexOf(':'); // section 2: the user-id cannot contain a colon, the password can
        if (colon < 0) {
            return null;
        }
        return new BasicCredentials(text.substring(0, colon), text.substring(colon + 1));
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Never shows the password (it could otherwise reach a log line). */
    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + "]";
    }
}
