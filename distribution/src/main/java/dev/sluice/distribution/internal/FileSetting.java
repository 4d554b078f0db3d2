package dev.sluice.distribution.internal;

import java.util.List;
import java.util.stream.Stream;

/**
 * One setting of {@code conf/sluice.properties} that is also a flag of {@code run}: its key (the flag is
 * {@code --key}), its default as the file spells it, and what it means.
 */
record FileSetting(String key, String defaultValue, String description) {
    /** The settings declared this way: HTTPS ({@link TlsSettings}) and scale-out ({@link ScaleOutSettings}). */
    static List<FileSetting> all() {
        return Stream.concat(TlsSettings.ALL.stream(), ScaleOutSettings.ALL.stream()).toList();
    }

    /** The flag's help line: the description and the default ("none" when it is empty). */
    String help() {
        return description + " (default: " + (defaultValue.isEmpty() ? "none" : defaultValue) + ")";
    }
}
