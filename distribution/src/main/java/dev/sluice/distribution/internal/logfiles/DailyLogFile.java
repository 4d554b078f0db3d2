package dev.sluice.distribution.internal.logfiles;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;

/**
 * {@code <folder>/<prefix>.<yyyy-MM-dd>.log}: lines appended to the file of their day, a new file when the day
 * changes (daily rotation), header lines at the top of each new file. Buffered: lines reach the disk on
 * {@link #flush}, or when the buffer fills. The access log and the HTTPERR log both write through one.
 *
 * <p>Not thread-safe: its owner serializes calls.
 */
public final class DailyLogFile implements AutoCloseable {
    private final Path folder;
    private final String prefix;
    private final String header;
    private LocalDate day;
    private OutputStream out;

    /** @param header lines written at the top of each new file (without the last newline), or null */
    public DailyLogFile(Path folder, String prefix, String header) {
        this.folder = folder;
        this.prefix = prefix;
        this.header = header;
    }

    /** Appends {@code line} to the file of {@code today}, starting that file if it is a new day. */
    public void write(LocalDate today, String line) throws IOException {
        if (!today.equals(day)) {
            rotate(today);
        }
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /** Appends {@code text} (whole lines, each with its line end) to the file of {@code today}. */
    public void append(LocalDate today, CharSequence text) throws IOException {
        if (!today.equals(day)) {
            rotate(today);
        }
        // one encoding pass over the whole batch: ASCII text (the usual) is copied as it is
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /** The file lines of {@code day} go to. */
    public Path fileFor(LocalDate day) {
        return folder.resolve(prefix + "." + day + ".log");
    }

    private void rotate(LocalDate today) throws IOException {
        close();
        Files.createDirectories(folder);
        Path file = fileFor(today);
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        // 64 KiB: the access log writes batches of lines (the default 8 KiB made a system call per ~50 lines)
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), 64 * 1024);
        day = today;
        if (fresh && header != null) {
            out.write(header.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            OutputStream o = out;
            out = null;
            day = null;
            o.close();
        }
    }
}
