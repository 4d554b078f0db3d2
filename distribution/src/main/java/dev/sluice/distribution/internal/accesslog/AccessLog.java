package dev.sluice.distribution.internal.accesslog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.logging.Logger;

/**
 * Appends one line per exchange to {@code logs/access.<yyyy-MM-dd>.log}, starting a new file when the local date
 * changes (daily rotation). Lines are buffered and flushed at most a second late, so logging costs a worker a
 * string append, not a write system call.
 */
public final class AccessLog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());

    private final Path folder;
    private final AccessLogFormat format;
    private final String software;
    private final Clock clock;
    private final ZoneId zone;
    private LocalDate day;
    private BufferedWriter writer;
    private boolean failed;

    public AccessLog(Path folder, AccessLogFormat format, String software, Clock clock) {
        this.folder = folder;
        this.format = format;
        this.software = software;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    /** Records one exchange. Thread-safe; never throws: a failing disk is reported once in the server log. */
    public synchronized void log(AccessEntry entry) {
        try {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            if (!today.equals(day)) {
                rotate(today);
            }
            writer.write(format.format(entry, zone));
            writer.write('\n');
            failed = false;
        } catch (IOException e) {
            if (!failed) {
                LOG.warning("Cannot write the access log in " + folder + ": " + e.getMessage());
                failed = true;
            }
        }
    }

    /** Writes buffered lines to the file; called every second by the server. */
    public synchronized void flush() {
        if (writer != null) {
            try {
                writer.flush();
            } catch (IOException e) {
                LOG.warning("Cannot flush the access log: " + e.getMessage());
            }
        }
    }

    /** The file lines of {@code day} go to. */
    public Path fileFor(LocalDate day) {
        return folder.resolve("access." + day + ".log");
    }

    private void rotate(LocalDate today) throws IOException {
        closeWriter();
        Files.createDirectories(folder);
        Path file = fileFor(today);
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        day = today;
        String header = format.header(software);
        if (fresh && header != null) {
            writer.write(header);
            writer.write('\n');
        }
    }

    private void closeWriter() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    @Override
    public synchronized void close() {
        try {
            closeWriter();
        } catch (IOException e) {
            LOG.warning("Cannot close the access log: " + e.getMessage());
        }
    }
}
