package dev.sluice.servlet.internal.deploy;

/**
 * Bounds on what unpacking one .war may cost, checked before anything is written and again while writing (the sizes
 * in an archive's directory may lie). A war past any of them is refused with a one-line reason; the server and the
 * other webapps are unaffected.
 *
 * @param maxBytes        most bytes the war may expand to, all entries together
 * @param maxEntries      most entries (files and folders)
 * @param maxRatio        most times an entry may expand over its compressed size, once it expands past
 *                        {@link #RATIO_FLOOR} bytes (smaller entries may compress as well as they like)
 */
public record WarLimits(long maxBytes, int maxEntries, int maxRatio) {
    /** Entries smaller than this are never refused for their ratio: a short run of spaces compresses 100 times. */
    public static final long RATIO_FLOOR = 1024 * 1024;

    /** 1 GiB, 65,536 entries, a ratio of 100: far past real webapps (Tomcat's examples: 3 MiB, 400 entries). */
    public static final WarLimits DEFAULTS = new WarLimits(1L << 30, 65_536, 100);

    public WarLimits {
        if (maxBytes < 1 || maxEntries < 1 || maxRatio < 1) {
            throw new IllegalArgumentException("War limits must be positive");
        }
    }

    public WarLimits withMaxBytes(long bytes) {
        return new WarLimits(bytes, maxEntries, maxRatio);
    }

    public WarLimits withMaxEntries(int entries) {
        return new WarLimits(maxBytes, entries, maxRatio);
    }

    public WarLimits withMaxRatio(int ratio) {
        return new WarLimits(maxBytes, maxEntries, ratio);
    }
}
