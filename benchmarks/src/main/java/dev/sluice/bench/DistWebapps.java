package dev.sluice.bench;

import java.nio.file.Path;

/**
 * Writes the benchmark's ROOT webapp (the same {@link HelloWorldServlet} and web.xml as {@link SluiceServletMain})
 * into a webapps folder, for the shipped distribution ({@code sluice-dist} in {@code benchmarks/run.sh}) to deploy
 * as any user webapp.
 *
 * <p>Usage: {@code DistWebapps <webapps folder> [slow-ms]}.
 */
public final class DistWebapps {
    private DistWebapps() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: DistWebapps <webapps folder> [slow-ms]");
        }
        long slowMs = args.length > 1 ? Long.parseLong(args[1]) : 200;
        System.out.println(SluiceServletMain.explodedWebapp(Path.of(args[0]), slowMs));
    }
}
