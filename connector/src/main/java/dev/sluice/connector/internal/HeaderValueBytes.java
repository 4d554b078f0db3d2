package dev.sluice.connector.internal;

import dev.sluice.core.Headers;

/**
 * The maxHeaderValueBytes rule (http.sys MaxFieldLength; past it 431, RFC 6585 section 5): the values of each
 * header name added up, once per name (at most maxHeaderCount of them).
 */
final class HeaderValueBytes {
    private HeaderValueBytes() {
    }

    /** The first name whose values, its lines together, hold more than {@code max} bytes; null when none does. */
    static String firstNameOver(Headers headers, int max) {
        int n = headers.size();
        for (int i = 0; i < n; i++) {
            String name = headers.name(i);
            boolean seen = false;
            for (int j = 0; j < i && !seen; j++) {
                seen = headers.name(j).equalsIgnoreCase(name);
            }
            if (seen) {
                continue;
            }
            long bytes = 0;
            for (int j = i; j < n; j++) {
                if (headers.name(j).equalsIgnoreCase(name)) {
                    bytes += headers.value(j).length();
                }
            }
            if (bytes > max) {
                return name;
            }
        }
        return null;
    }
}
