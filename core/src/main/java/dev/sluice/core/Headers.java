package dev.sluice.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Header fields of one message: names compared case-insensitively (RFC 9110 section 5.1), order of arrival kept,
 * a name may repeat. Not thread-safe; a message's headers belong to the thread handling it.
 *
 * <p>Stored as two parallel arrays rather than a map: a request carries about ten fields, for which a linear scan
 * beats hashing and allocates nothing per lookup.
 *
 * <p>{@link #add} and {@link #set} refuse a name that is not a token and a value holding CR, LF or NUL (RFC 9110
 * sections 5.1 and 5.5): such a field could not be written without splitting the message, so it must never get
 * into a model that is later serialized (response splitting).
 */
public final class Headers {
    private String[] names;
    private String[] values;
    private int size;

    public Headers() {
        this(16);
    }

    public Headers(int capacity) {
        names = new String[Math.max(capacity, 1)];
        values = new String[names.length];
    }

    /**
     * Appends a field; an existing field of the same name is kept.
     *
     * @throws IllegalArgumentException when the name is not a token or the value holds CR, LF or NUL
     */
    public Headers add(String name, String value) {
        checkField(name, value);
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
        return this;
    }

    /** Replaces every field named {@code name} with one field, at the position of the first. */
    public Headers set(String name, String value) {
        checkField(name, value);
        int first = indexOf(name, 0);
        if (first < 0) {
            return add(name, value);
        }
        values[first] = value;
        removeFrom(name, first + 1);
        return this;
    }

    /** Removes every field named {@code name}; returns whether any was there. */
    public boolean remove(String name) {
        int before = size;
        removeFrom(name, 0);
        return size != before;
    }

    private void removeFrom(String name, int start) {
        int write = start;
        for (int read = start; read < size; read++) {
            if (!names[read].equalsIgnoreCase(name)) {
                names[write] = names[read];
                values[write] = values[read];
                write++;
            }
        }
        for (int i = write; i < size; i++) {
            names[i] = null;
            values[i] = null;
        }
        size = write;
    }

    public void clear() {
        Arrays.fill(names, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    /** The first value of {@code name}, or null. */
    public String get(String name) {
        int i = indexOf(name, 0);
        return i < 0 ? null : values[i];
    }

    /** Every value of {@code name} in order of arrival. */
    public List<String> getAll(String name) {
        List<String> all = new ArrayList<>(2);
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                all.add(values[i]);
            }
        }
        return all;
    }

    public boolean contains(String name) {
        return indexOf(name, 0) >= 0;
    }

    /** How many fields named {@code name} there are. */
    public int count(String name) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether any value of the list-valued field {@code name} holds {@code token}, compared case-insensitively
     * (RFC 9110 section 5.6.1 lists, e.g. {@code Connection: keep-alive, Upgrade}).
     */
    public boolean containsToken(String name, String token) {
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name) && listContains(values[i], token)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The elements of every value of the list-valued field {@code name}, trimmed, empty ones dropped (RFC 9110
     * section 5.6.1). Meant for lists of tokens (Connection, Transfer-Encoding, Expect): a comma inside a quoted
     * string is not recognized as such.
     */
    public List<String> tokens(String name) {
        List<String> tokens = new ArrayList<>(2);
        for (int i = 0; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                for (String element : values[i].split(",")) {
                    String trimmed = element.trim();
                    if (!trimmed.isEmpty()) {
                        tokens.add(trimmed);
                    }
                }
            }
        }
        return tokens;
    }

    /** Distinct field names in order of first arrival, as first written. */
    public Set<String> names() {
        Set<String> seen = new LinkedHashSet<>();
        outer:
        for (int i = 0; i < size; i++) {
            for (String s : seen) {
                if (s.equalsIgnoreCase(names[i])) {
                    continue outer;
                }
            }
            seen.add(names[i]);
        }
        return seen;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The name of field {@code index} in order of arrival. */
    public String name(int index) {
        checkIndex(index);
        return names[index];
    }

    /** The value of field {@code index} in order of arrival. */
    public String value(int index) {
        checkIndex(index);
        return values[index];
    }

    /**
     * The Content-Length, or -1 when absent (RFC 9112 section 6.3). Repeated identical values, as a list or as
     * several fields, count as one value.
     *
     * @throws HttpException 400 when a value is not a non-negative decimal or values disagree
     */
    public long contentLength() {
        long length = -1;
        for (int i = 0; i < size; i++) {
            if (!names[i].equalsIgnoreCase("Content-Length")) {
                continue;
            }
            // each comma-separated element, trimmed, without splitting into new strings (runs at every commit)
            String value = values[i];
            int start = 0;
            while (true) {
                int comma = value.indexOf(',', start);
                int end = comma < 0 ? value.length() : comma;
                long parsed = parseLength(value, start, end);
                if (length >= 0 && parsed != length) {
                    throw HttpException.badRequest("Conflicting Content-Length");
                }
                length = parsed;
                if (comma < 0) {
                    break;
                }
                start = comma + 1;
            }
        }
        return length;
    }

    /** The decimal in {@code s[from, to)} once trimmed as {@link String#trim} does (every char up to space). */
    private static long parseLength(String s, int from, int to) {
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        if (from == to || to - from > 18) {
            throw HttpException.badRequest("Invalid Content-Length");
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw HttpException.badRequest("Invalid Content-Length");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The transfer codings of Transfer-Encoding in the order applied, lower-cased (RFC 9112 section 6.1). */
    public List<String> transferEncodings() {
        List<String> codings = tokens("Transfer-Encoding");
        codings.replaceAll(c -> c.toLowerCase(Locale.ROOT));
        return codings;
    }

    /** The options of the Connection field, lower-cased (RFC 9110 section 7.6.1). */
    public List<String> connectionTokens() {
        List<String> options = tokens("Connection");
        options.replaceAll(c -> c.toLowerCase(Locale.ROOT));
        return options;
    }

    /**
     * An HTTP-date field (RFC 9110 section 5.6.7) in any of its three formats, or null when absent, unparsable or
     * repeated (a date field has exactly one member, so two are as good as none).
     */
    public Instant getDate(String name) {
        int first = indexOf(name, 0);
        if (first < 0 || indexOf(name, first + 1) >= 0) {
            return null;
        }
        return HttpDate.parse(values[first]);
    }

    /** Sets Content-Length to {@code length}. */
    public Headers setContentLength(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("Negative Content-Length " + length);
        }
        return set("Content-Length", Long.toString(length));
    }

    /** Sets an HTTP-date field in IMF-fixdate. */
    public Headers setDate(String name, Instant when) {
        return set(name, formatDate(when));
    }

    /** {@code when} as IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    public static String formatDate(Instant when) {
        return HttpDate.format(when);
    }

    /** Whether {@code name} can be a field name: a token (RFC 9110 section 5.1). */
    public static boolean isValidName(String name) {
        return Tokens.isToken(name);
    }

    /**
     * Whether {@code value} can be written as a field value: no CR, LF or NUL (RFC 9110 section 5.5). Other
     * control characters and obs-text are let through as received; they cannot break the message's framing.
     */
    public static boolean isValidValue(String value) {
        if (value == null) {
            return false;
        }
        int length = value.length();
        if (length > 24) {
            // three String.indexOf scans: the JIT compiles each to a vectorized search, several times faster than
            // a charAt loop over a long value (User-Agent, Cookie); this runs for every field of every request
            return value.indexOf('\r') < 0 && value.indexOf('\n') < 0 && value.indexOf('\0') < 0;
        }
        for (int i = 0; i < length; i++) { // short values: one comparison per char beats three searches
            char c = value.charAt(i);
            if (c <= '\r' && (c == '\r' || c == '\n' || c == '\0')) {
                return false;
            }
        }
        return true;
    }

    private static void checkField(String name, String value) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("Invalid header name: " + name);
        }
        if (!isValidValue(value)) {
            throw new IllegalArgumentException("Invalid value for header " + name);
        }
    }

    private int indexOf(String name, int from) {
        for (int i = from; i < size; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean listContains(String list, String token) {
        int start = 0;
        int length = list.length();
        while (start < length) {
            int comma = list.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            int s = start;
            int e = end;
            while (s < e && (list.charAt(s) == ' ' || list.charAt(s) == '\t')) {
                s++;
            }
            while (e > s && (list.charAt(e - 1) == ' ' || list.charAt(e - 1) == '\t')) {
                e--;
            }
            if (e - s == token.length() && list.regionMatches(true, s, token, 0, token.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            sb.append(names[i]).append(": ").append(values[i]).append("\r\n");
        }
        return sb.toString();
    }
}
