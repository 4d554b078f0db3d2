package dev.sluice.distribution.internal.accesslog;

import dev.sluice.distribution.internal.logfiles.DailyLogFile;
import java.io.IOException;
import java.nio.file.Path;
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
    private final Clock clock;
    private final ZoneId zone;
    private final DailyLogFile file;
    private boolean failed;

    public AccessLog(Path folder, AccessLogFormat format, String software, Clock clock) {
        this.folder = folder;
        this.format = format;
        this.clock = clock;
        this.zone = clock.getZone();
        this.file = new DailyLogFile(folder, "access", format.header(software));
    }

    /** Records one exchange. Thread-safe; never throws: a failing disk is reported once in the server log. */
    public synchronized void log(AccessEntry entry) {
        try {
            file.write(LocalDate.now(clock.withZone(zone)), format.format(entry, zone));
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
        try {
            file.flush();
        } catch (IOException e) {
            LOG.warning("Cannot flush the access log: " + e.getMessage());
        }
    }

    /** The file lines of {@code day} go to. */
    public Path fileFor(LocalDate day) {
        return file.fileFor(day);
    }

    @Override
    public synchronized void close() {
        try {
            file.close();
        } catch (IOException e) {
            LOG.warning("Cannot close the access log: " + e.getMessage());
        }
    }
}
