package dev.sluice.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An entity tag (RFC 9110 section 8.8.3): an opaque quoted string, optionally marked weak with {@code W/}.
 * Immutable. Used to write the ETag field and to evaluate If-Match, If-None-Match and If-Range.
 */
public final class EntityTag {
    private final boolean weak;
    private final String opaque;

    private EntityTag(boolean weak, String opaque) {
        this.weak = weak;
        this.opaque = opaque;
    }

    /**
     * A strong tag with {@code opaque} between its quotes.
     *
     * @throws IllegalArgumentException when {@code opaque} holds a character {@code etagc} does not allow
     */
    public static EntityTag strong(String opaque) {
        return new EntityTag(false, checkOpaque(opaque));
    }

    /** A weak tag with {@code opaque} between its quotes. @throws IllegalArgumentException as for strong */
    public static EntityTag weak(String opaque) {
        return new EntityTag(true, checkOpaque(opaque));
    }

    /** Parses one {@code entity-tag}, e.g. {@code "xyzzy"} or {@code W/"xyzzy"}; null when malformed. */
    public static EntityTag parse(String value) {
        if (value == null) {
            return null;
        }
        String s = value.trim();
        List<EntityTag> one = new ArrayList<>(1);
        int end = parseOne(s, 0, one);
        return end == s.length() && one.size() == 1 ? one.get(0) : null;
    }

    /**
     * Parses an If-Match or If-None-Match list of entity tags (section 5.6.1 list, empty elements allowed).
     * {@code *} is not a tag: test for it with {@link #isAny(String)}. A malformed list yields null, so that a
     * caller can tell "no valid condition" from "no tag matched".
     */
    public static List<EntityTag> parseList(String value) {
        if (value == null) {
            return null;
        }
        List<EntityTag> tags = new ArrayList<>(2);
        int i = 0;
        int n = value.length();
        while (true) {
            i = skipSpace(value, i);
            if (i < n && value.charAt(i) != ',') {
                i = parseOne(value, i, tags);
                if (i < 0) {
                    return null;
                }
                i = skipSpace(value, i);
            }
            if (i >= n) {
                return Collections.unmodifiableList(tags);
            }
            if (value.charAt(i) != ',') {
                return null;
            }
            i++;
        }
    }

    /** Whether a precondition field's value is {@code *}, which matches any current representation. */
    public static boolean isAny(String value) {
        return value != null && value.trim().equals("*");
    }

    public boolean isWeak() {
        return weak;
    }

    /** The characters between the quotes. */
    public String opaque() {
        return opaque;
    }

    /** Strong comparison (section 8.8.3.2): both strong and the same characters. */
    public boolean strongMatch(EntityTag other) {
        return other != null && !weak && !other.weak && opaque.equals(other.opaque);
    }

    /** Weak comparison (section 8.8.3.2): the same characters, weakness ignored. */
    public boolean weakMatch(EntityTag other) {
        return other != null && opaque.equals(other.opaque);
    }

    /** The field form, e.g. {@code W/"xyzzy"}. */
    @Override
    public String toString() {
        return (weak ? "W/\"" : "\"") + opaque + '"';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntityTag && ((EntityTag) o).weak == weak && ((EntityTag) o).opaque.equals(opaque);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weak, opaque);
    }

    /** Parses a tag at {@code i}, adds it to {@code out}; returns the index after it, or -1 when malformed. */
    private static int parseOne(String s, int i, List<EntityTag> out) {
        boolean weak = s.startsWith("W/", i);
        if (weak) {
            i += 2;
        }
        if (i >= s.length() || s.charAt(i) != '"') {
            return -1;
        }
        int close = i + 1;
        while (close < s.length() && isEtagc(s.charAt(close))) {
            close++;
        }
        if (close >= s.length() || s.charAt(close) != '"') {
            return -1;
        }
        out.add(new EntityTag(weak, s.substring(i + 1, close)));
        return close + 1;
    }

    /** {@code etagc = %x21 / %x23-7E / obs-text}: visible characters but the double quote. */
    private static boolean isEtagc(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    private static String checkOpaque(String opaque) {
        Objects.requireNonNull(opaque, "opaque");
        for (int i = 0; i < opaque.length(); i++) {
            if (!isEtagc(opaque.charAt(i))) {
                throw new IllegalArgumentException("Invalid character in entity tag");
            }
        }
        return opaque;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
