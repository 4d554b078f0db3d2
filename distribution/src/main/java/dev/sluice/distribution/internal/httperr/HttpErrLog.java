package dev.sluice.distribution.internal.httperr;

import dev.sluice.connector.Refusal;
import dev.sluice.connector.RefusalListener;
import dev.sluice.distribution.internal.logfiles.DailyLogFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * {@code logs/httperr.<yyyy-MM-dd>.log}: one line per response the connector wrote itself (its 503s and canned
 * errors), as IIS writes HTTPERR, in the W3C extended format with UTC date and time:
 * <pre>
 * #Fields: date time c-ip c-port sc-status s-reason s-limit s-message
 * 2026-12-07 20:22:13 127.0.0.1 53422 503 QUEUE_FULL acceptQueue=1000 Server+busy,+try+again+later
 * 2026-12-07 20:22:14 127.0.0.1 53430 - TLS_CLIENT_CERTIFICATE tlsClientAuth=need Empty+client+certificate+chain
 * </pre>
 * A connection the HTTPS listener refused before any HTTP was spoken (the {@code TLS_*} reasons) has {@code -} as
 * its status.
 * The connector calls {@link #refused} on its selector thread, which must never wait for a disk: the event only
 * joins a bounded in-memory queue there. {@link #flush}, run every second by the server's housekeeping thread,
 * formats and writes the queued lines. Past {@value #MAX_QUEUED} waiting lines (a flood of refusals faster than
 * a disk) further ones are counted and the count is written instead, so memory stays bounded.
 */
public final class HttpErrLog implements RefusalListener, AutoCloseable {
    static final int MAX_QUEUED = 10_000;
    static final String HEADER = "#Software: Sluice\n#Version: 1.0\n"
            + "#Fields: date time c-ip c-port sc-status s-reason s-limit s-message";
    private static final Logger LOG = Logger.getLogger(HttpErrLog.class.getName());
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path folder;
    private final Queue<Refusal> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final DailyLogFile file;
    private boolean failed;

    public HttpErrLog(Path folder) {
        this.folder = folder;
        this.file = new DailyLogFile(folder, "httperr", HEADER);
    }

    /** On the selector thread: queues the event, never blocks. */
    @Override
    public void refused(Refusal refusal) {
        if (size.incrementAndGet() > MAX_QUEUED) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queued.add(refusal);
    }

    /** Writes every queued line and flushes the file; on the housekeeping thread. */
    public synchronized void flush() {
        try {
            Refusal r;
            while ((r = queued.poll()) != null) {
                size.decrementAndGet();
                file.write(LocalDate.ofInstant(r.time(), ZoneOffset.UTC), format(r));
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                LOG.warning(lost + " HTTPERR lines dropped: refusals came faster than the log could write them");
            }
            file.flush();
            failed = false;
        } catch (IOException e) {
            if (!failed) {
                LOG.warning("Cannot write the HTTPERR log in " + folder + ": " + e.getMessage());
                failed = true;
            }
        }
    }

    /** One line of the log. */
    static String format(Refusal r) {
        String ip = r.client() == null ? "-" : r.client().getAddress().getHostAddress();
        String port = r.client() == null ? "-" : Integer.toString(r.client().getPort());
        // status 0: refused before HTTP could be spoken (a TLS handshake), so no status was sent
        String status = r.status() == 0 ? "-" : Integer.toString(r.status());
        return TIME.format(r.time()) + ' ' + ip + ' ' + port + ' ' + status + ' ' + r.reason() + ' '
                + token(r.limit()) + ' ' + token(r.message());
    }

    /** A W3C field: {@code +} for spaces, as IIS writes them; control characters dropped; {@code -} if empty. */
    private static String token(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                sb.append('+');
            } else if (c > ' ' && c != 0x7f) {
                sb.append(c);
            }
        }
        return sb.length() == 0 ? "-" : sb.toString();
    }

    /** The file lines of {@code day} (UTC) go to. */
    public Path fileFor(LocalDate day) {
        return file.fileFor(day);
    }

    @Override
    public synchronized void close() {
        flush();
        try {
            file.close();
        } catch (IOException e) {
            LOG.warning("Cannot close the HTTPERR log: " + e.getMessage());
        }
    }
}
