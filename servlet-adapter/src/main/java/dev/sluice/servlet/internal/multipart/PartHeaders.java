package dev.sluice.servlet.internal.multipart;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header fields of one multipart part, in the order received; names compare case-insensitively (RFC 7578
 * section 4.8 allows Content-Disposition, Content-Type and Content-Transfer-Encoding; others are kept too).
 */
public final class PartHeaders {
    private final List<String[]> fields;

    private PartHeaders(List<String[]> fields) {
        this.fields = fields;
    }

    /** The first value of {@code name}, or null. */
    public String get(String name) {
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase(name)) {
                return f[1];
            }
        }
        return null;
    }

    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase(name)) {
                values.add(f[1]);
            }
        }
        return values;
    }

    /** Distinct names, each as first received. */
    public List<String> names() {
        Set<String> seen = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (String[] f : fields) {
            if (seen.add(f[0].toLowerCase(Locale.ROOT))) {
                names.add(f[0]);
            }
        }
        return names;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (String[] f : fields) {
            sb.append(f[0]).append(": ").append(f[1]).append('\n');
        }
        return sb.toString();
    }

    /** Collects the lines of a part's head as the parser finds them. */
    public static final class Builder {
        private final List<String[]> fields = new ArrayList<>();

        int count() {
            return fields.size();
        }

        /** A {@code name: value} line (bytes {@code from} to {@code to}, CRLF excluded). */
        void add(byte[] b, int from, int to) throws MalformedMultipartException {
            int colon = -1;
            for (int i = from; i < to; i++) {
                if (b[i] == ':') {
                    colon = i;
                    break;
                }
                if (!isTokenChar(b[i])) {
                    break;
                }
            }
            if (colon <= from) {
                throw new MalformedMultipartException("Malformed multipart part header line");
            }
            String name = new String(b, from, colon - from, StandardCharsets.US_ASCII);
            fields.add(new String[] {name, value(b, colon + 1, to)});
        }

        /** A folded continuation line: joined to the last value with one space (RFC 5322 section 2.2.3). */
        void continueLast(byte[] b, int from, int to) throws MalformedMultipartException {
            if (fields.isEmpty()) {
                throw new MalformedMultipartException("Multipart part header continuation without a header");
            }
            String[] last = fields.get(fields.size() - 1);
            String more = value(b, from, to);
            last[1] = last[1].isEmpty() ? more : more.isEmpty() ? last[1] : last[1] + " " + more;
        }

        PartHeaders build() {
            return new PartHeaders(List.copyOf(fields));
        }

        /**
         * The value without surrounding white space. Browsers send file names as raw UTF-8 (RFC 7578 section
         * 5.1.3 notes the practice); bytes that are not UTF-8 are read as ISO-8859-1, the HTTP default.
         */
        private static String value(byte[] b, int from, int to) throws MalformedMultipartException {
            while (from < to && (b[from] == ' ' || b[from] == '\t')) {
                from++;
            }
            while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
                to--;
            }
            for (int i = from; i < to; i++) {
                if (b[i] == '\r' || b[i] == '\n' || b[i] == 0) {
                    throw new MalformedMultipartException("Control character in a multipart part header");
                }
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(b, from, to - from)).toString();
            } catch (CharacterCodingException e) {
                return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
            }
        }

        /** RFC 9110 section 5.6.2 tchar. */
        private static boolean isTokenChar(byte c) {
            return c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
        }
    }
}
