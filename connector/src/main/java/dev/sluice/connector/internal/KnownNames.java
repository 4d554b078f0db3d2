package dev.sluice.connector.internal;

import dev.sluice.core.Method;

/**
 * Shared strings for the standard methods and the header names clients send most, so that parsing a typical head
 * allocates no string for them. A name is shared only when its bytes match exactly (case included): the model
 * keeps names as the client wrote them.
 */
final class KnownNames {
    private static final Method[] METHODS = {
        Method.GET, Method.HEAD, Method.POST, Method.PUT, Method.DELETE, Method.CONNECT, Method.OPTIONS,
        Method.TRACE, Method.PATCH,
    };
    private static final String[] HEADERS = {
        "Host", "host", "Connection", "connection", "User-Agent", "user-agent", "Accept", "accept",
        "Accept-Encoding", "accept-encoding", "Accept-Language", "accept-language", "Content-Length",
        "content-length", "Content-Type", "content-type", "Cookie", "cookie", "Transfer-Encoding",
        "transfer-encoding", "Expect", "expect", "Cache-Control", "cache-control", "Upgrade-Insecure-Requests",
        "Referer", "referer", "Origin", "origin", "Authorization", "authorization", "If-None-Match",
        "if-none-match", "If-Modified-Since", "if-modified-since", "Pragma", "Sec-Fetch-Site", "Sec-Fetch-Mode",
        "Sec-Fetch-Dest", "Sec-Fetch-User", "Priority", "Range", "Keep-Alive", "X-Forwarded-For", "X-Requested-With",
    };
    /** Candidates by length; names longer than the table are never shared. */
    private static final String[][] HEADERS_BY_LENGTH = new String[32][];
    private static final byte[][][] BYTES_BY_LENGTH = new byte[32][][];

    static {
        for (String name : HEADERS) {
            int n = name.length();
            String[] old = HEADERS_BY_LENGTH[n];
            String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = name;
            HEADERS_BY_LENGTH[n] = grown;
            byte[][] bytes = new byte[grown.length][];
            for (int i = 0; i < grown.length; i++) {
                bytes[i] = grown[i].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            BYTES_BY_LENGTH[n] = bytes;
        }
    }

    private KnownNames() {
    }

    /** The standard method spelled by {@code a[from, from+length)}, or null. */
    static Method method(byte[] a, int from, int length) {
        for (Method m : METHODS) {
            if (matches(m.name(), a, from, length)) {
                return m;
            }
        }
        return null;
    }

    /** The shared string equal to {@code a[from, from+length)}, or null. */
    static String header(byte[] a, int from, int length) {
        if (length >= HEADERS_BY_LENGTH.length) {
            return null;
        }
        byte[][] candidates = BYTES_BY_LENGTH[length];
        if (candidates != null) {
            byte first = a[from];
            for (int i = 0; i < candidates.length; i++) {
                // the first byte rules out most candidates of the same length (e.g. Accept, Cookie, Origin)
                if (candidates[i][0] == first
                        && java.util.Arrays.equals(candidates[i], 0, length, a, from, from + length)) {
                    return HEADERS_BY_LENGTH[length][i];
                }
            }
        }
        return null;
    }

    private static boolean matches(String s, byte[] a, int from, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != a[from + i]) {
                return false;
            }
        }
        return true;
    }
}
