package dev.sluice.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes everything a sweep produced into one folder: CSV, charts (PNG and SVG) and the HTML page. */
public final class Reports {
    private Reports() {
    }

    /** @return the files written, the HTML page last */
    public static List<Path> write(SweepResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>(CsvReport.write(result, dir));
        List<Charts.Chart> charts = Charts.draw(result);
        files.addAll(Charts.save(charts, dir));
        List<String> findings = result.sweep().findings() == null ? List.of()
                : result.sweep().findings().apply(result);
        files.add(HtmlReport.write(result, charts, findings, dir));
        return files;
    }
}
