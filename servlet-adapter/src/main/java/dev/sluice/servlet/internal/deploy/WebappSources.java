package dev.sluice.servlet.internal.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Which entries of a webapps folder are webapps, and the context path each names: a folder or a {@code .war}
 * file, {@code ROOT} for the root context, {@code a#b} for {@code /a/b}. Pure file-system rules, no state.
 */
public final class WebappSources {
    private WebappSources() {
    }

    public static boolean isWar(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".war");
    }

    /** The webapp's name: the folder's, or the archive's without {@code .war}. */
    public static String name(Path webapp) {
        String fileName = webapp.getFileName().toString();
        return isWar(webapp) ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    public static String contextPath(String name) {
        return name.equals("ROOT") ? "" : "/" + name.replace('#', '/');
    }

    /**
     * The webapps in {@code dir}, in name order: folders and {@code .war} files, not hidden ones. A folder next to
     * a {@code .war} of the same name is that archive unpacked, so only the {@code .war} counts.
     */
    public static List<Path> in(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().filter(p -> {
                String n = p.getFileName().toString();
                boolean unpackedWar = Files.isDirectory(p) && Files.isRegularFile(p.resolveSibling(n + ".war"));
                return !n.startsWith(".") && (isWar(p) || Files.isDirectory(p)) && !unpackedWar;
            }).toList();
        }
    }
}
