package dev.sluice.samples.slow;

/** The {@code ms} query parameter: how long to wait, a whole number of milliseconds from 0 to {@link #MAX_MS}. */
final class WaitParameter {
    static final String NAME = "ms";
    /** One minute: long enough to hold a pool full for a demonstration, short enough not to park it for good. */
    static final int MAX_MS = 60_000;

    private WaitParameter() {
    }

    /**
     * Parses the raw parameter value (null when absent).
     *
     * @throws IllegalArgumentException with a one-line reason fit for a 400 answer
     */
    static int parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new IllegalArgumentException("missing parameter ms: the time to wait in milliseconds, 0 to " + MAX_MS);
        }
        // Digits only: no sign, no spaces, no fraction; at most 9 so the value always fits an int.
        if (raw.length() > 9 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("ms must be a whole number of milliseconds, 0 to " + MAX_MS
                    + ", was \"" + printable(raw) + "\"");
        }
        int ms = Integer.parseInt(raw);
        if (ms > MAX_MS) {
            throw new IllegalArgumentException("ms must be at most " + MAX_MS + ", was " + ms);
        }
        return ms;
    }

    /** Echoes bad input safely in a plain-text line: short, with control characters replaced. */
    private static String printable(String raw) {
        String shown = raw.length() > 20 ? raw.substring(0, 20) + "..." : raw;
        StringBuilder out = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
