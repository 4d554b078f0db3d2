package dev.sluice.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Content-coding negotiation from Accept-Encoding (RFC 9110 section 12.5.3): which of the codings the server can
 * produce to use for a response. A server that negotiates must also send {@code Vary: Accept-Encoding}
 * (section 12.5.5) so caches keep the variants apart.
 */
public final class ContentCodings {
    /** The coding meaning "no coding"; always available. */
    public static final String IDENTITY = "identity";

    /** Rank of identity when the client neither lists it nor uses {@code *}: acceptable, but last choice. */
    private static final int IMPLICIT = 1;

    private ContentCodings() {
    }

    /** {@link #negotiate(String, List)} over every Accept-Encoding line of {@code request}. */
    public static String negotiate(Headers request, List<String> available) {
        List<String> lines = request.getAll("Accept-Encoding");
        return negotiate(lines.isEmpty() ? null : String.join(",", lines), available);
    }

    /**
     * The coding to use.
     * <ul>
     * <li>No Accept-Encoding: identity. Any coding would be allowed, but a client that says nothing may not decode
     *     anything.</li>
     * <li>An empty Accept-Encoding: identity, the only acceptable one.</li>
     * <li>Otherwise each coding gets its listed weight, or the weight of {@code *} when not listed; a weight of 0
     *     means "not acceptable". Identity is acceptable unless excluded by {@code identity;q=0}, or by
     *     {@code *;q=0} without an entry for identity; when neither listed nor covered by {@code *} it ranks
     *     below every listed coding. The highest weight wins; ties go to the order of {@code available}, and
     *     identity comes after all of them.</li>
     * <li>{@code x-gzip} and {@code x-compress} count as {@code gzip} and {@code compress} (section 8.4.1).</li>
     * <li>A member with an invalid weight is skipped; names compare case-insensitively.</li>
     * </ul>
     *
     * @param acceptEncoding the field value, or null when absent
     * @param available      the codings the server can produce, in its order of preference; identity is implied
     * @return the chosen coding in lower case (one of {@code available}, or {@link #IDENTITY}), or null when no
     *         coding is acceptable: send 406, or identity anyway (section 12.5.1 allows both)
     */
    public static String negotiate(String acceptEncoding, List<String> available) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return IDENTITY;
        }
        List<Weighted> accepted = parse(acceptEncoding);
        String best = null;
        int bestWeight = 0;
        for (String coding : available) {
            String name = canonical(coding);
            if (name.equals(IDENTITY)) {
                continue;
            }
            int weight = weight(accepted, name);
            if (weight > bestWeight) {
                best = name;
                bestWeight = weight;
            }
        }
        int identity = weight(accepted, IDENTITY);
        return identity > bestWeight ? IDENTITY : best;
    }

    /**
     * The weight in thousandths (0 to 1000) the field value gives {@code coding}; 0 means not acceptable. Identity
     * neither listed nor covered by {@code *} gets the lowest positive weight.
     */
    public static int quality(String acceptEncoding, String coding) {
        if (acceptEncoding == null) {
            return 1000;
        }
        return weight(parse(acceptEncoding), canonical(coding));
    }

    private static int weight(List<Weighted> accepted, String name) {
        int star = -1;
        for (Weighted w : accepted) {
            if (w.coding.equals(name)) {
                return w.weight;
            }
            if (w.coding.equals("*")) {
                star = w.weight;
            }
        }
        if (star >= 0) {
            return star;
        }
        return name.equals(IDENTITY) ? IMPLICIT : 0;
    }

    private static List<Weighted> parse(String value) {
        List<Weighted> out = new ArrayList<>(4);
        for (String member : value.split(",")) {
            String[] parts = member.split(";", -1);
            String coding = parts[0].trim();
            if (!Tokens.isToken(coding)) {
                continue;
            }
            int weight = 1000;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim();
                if (param.length() >= 2 && (param.charAt(0) == 'q' || param.charAt(0) == 'Q')
                        && param.charAt(1) == '=') {
                    weight = qvalue(param.substring(2));
                }
            }
            if (weight >= 0) {
                out.add(new Weighted(canonical(coding), weight));
            }
        }
        return out;
    }

    /**
     * {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )} (section 12.4.2) in thousandths, or -1
     * when invalid. Shared by every field with weights (Accept-Language too).
     */
    public static int qvalue(String s) {
        if (s.isEmpty() || s.length() > 5 || (s.charAt(0) != '0' && s.charAt(0) != '1')) {
            return -1;
        }
        int whole = s.charAt(0) - '0';
        if (s.length() == 1) {
            return whole * 1000;
        }
        if (s.charAt(1) != '.') {
            return -1;
        }
        int fraction = 0;
        for (int i = 2; i < 5; i++) {
            int digit = 0;
            if (i < s.length()) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                digit = c - '0';
            }
            fraction = fraction * 10 + digit;
        }
        if (whole == 1 && fraction != 0) {
            return -1;
        }
        return whole * 1000 + fraction;
    }

    private static String canonical(String coding) {
        String lower = coding.trim().toLowerCase(Locale.ROOT);
        switch (lower) {
            case "x-gzip": return "gzip";
            case "x-compress": return "compress";
            default: return lower;
        }
    }

    private static final class Weighted {
        final String coding;
        final int weight;

        Weighted(String coding, int weight) {
            this.coding = coding;
            this.weight = weight;
        }
    }
}
