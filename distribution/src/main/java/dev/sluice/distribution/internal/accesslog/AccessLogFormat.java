package dev.sluice.distribution.internal.accesslog;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The two line formats of the access log. Both end with the figures this server adds: time taken and time in
 * the queue (milliseconds), the connection id and the request's number on that connection. Lines are appended to
 * a builder the log writer thread reuses, with times and addresses from its {@link LineClock}.
 */
public enum AccessLogFormat {
    /**
     * NCSA Combined, as Apache and Tomcat write it, then
     * {@code time-taken-ms queue-ms connection-id request-number}.
     */
    COMBINED {
        @Override
        String header(String software) {
            return null;
        }

        @Override
        void append(StringBuilder sb, AccessEntry e, LineClock clock) {
            sb.append(clock.client(e.client)).append(" - ").append(dash(e.user)).append(" [")
                    .append(clock.ncsa(e.receivedMillis)).append("] \"");
            quoted(sb, e.method);
            sb.append(' ');
            quoted(sb, e.target);
            sb.append(' ').append(e.protocol).append("\" ").append(e.status).append(' ');
            if (e.bytesSent <= 0) {
                sb.append('-');
            } else {
                sb.append(e.bytesSent);
            }
            sb.append(" \"");
            quoted(sb, dash(e.referer));
            sb.append("\" \"");
            quoted(sb, dash(e.userAgent));
            sb.append("\" ").append(e.timeTakenMillis).append(' ').append(e.queueMillis).append(' ')
                    .append(e.connectionId).append(' ').append(e.requestNumber);
        }
    },
    /**
     * W3C Extended Log File Format as IIS writes it (UTC date and time, {@code +} for spaces in the user agent),
     * with three {@code x-} fields of this server.
     */
    W3C {
        @Override
        String header(String software) {
            return "#Software: " + software + "\n#Version: 1.0\n#Fields: date time s-ip cs-method cs-uri-stem "
                    + "cs-uri-query s-port cs-username c-ip cs-version cs(User-Agent) cs(Referer) sc-status "
                    + "sc-bytes time-taken x-queue-time x-connection-id x-request-number";
        }

        @Override
        void append(StringBuilder sb, AccessEntry e, LineClock clock) {
            int q = e.target.indexOf('?');
            sb.append(clock.w3c(e.receivedMillis)).append(' ').append(clock.server(e.server)).append(' ');
            token(sb, e.method, 0, e.method.length());
            sb.append(' ');
            token(sb, e.target, 0, q < 0 ? e.target.length() : q);
            sb.append(' ');
            if (q < 0) {
                sb.append('-');
            } else {
                token(sb, e.target, q + 1, e.target.length());
            }
            sb.append(' ').append(e.serverPort).append(' ');
            token(sb, e.user);
            sb.append(' ').append(clock.client(e.client)).append(' ').append(e.protocol).append(' ');
            token(sb, e.userAgent);
            sb.append(' ');
            token(sb, e.referer);
            sb.append(' ').append(e.status).append(' ').append(Math.max(0, e.bytesSent)).append(' ')
                    .append(e.timeTakenMillis).append(' ').append(e.queueMillis).append(' ').append(e.connectionId)
                    .append(' ').append(e.requestNumber);
        }
    };

    /** Lines written at the top of each new file, or null. */
    abstract String header(String software);

    /** Appends the line of {@code entry}, without its line end. */
    abstract void append(StringBuilder sb, AccessEntry entry, LineClock clock);

    /** One line on its own. @param zone the server's time zone, for formats that write local time */
    String format(AccessEntry entry, ZoneId zone) {
        StringBuilder sb = new StringBuilder(200);
        append(sb, entry, new LineClock(zone));
        return sb.toString();
    }

    /** {@code combined} or {@code w3c}. */
    public static AccessLogFormat parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** Inside quotes: quotes, backslashes and control characters escaped, so a client cannot forge lines. */
    private static void quoted(StringBuilder sb, String s) {
        int n = s.length();
        int i = 0;
        while (i < n && plain(s.charAt(i))) {
            i++;
        }
        sb.append(s, 0, i); // usually the whole value: nothing to escape
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                sb.append(c);
            }
        }
    }

    private static boolean plain(char c) {
        return c >= 0x20 && c != 0x7f && c != '"' && c != '\\';
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** A W3C field: no spaces (IIS writes {@code +}), control characters dropped, {@code -} when empty. */
    private static void token(StringBuilder sb, String s) {
        if (s == null || s.isEmpty()) {
            sb.append('-');
        } else {
            token(sb, s, 0, s.length());
        }
    }

    private static void token(StringBuilder sb, String s, int from, int to) {
        if (from == to) {
            sb.append('-');
            return;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                sb.append('+');
            } else if (c >= 0x20 && c != 0x7f) {
                sb.append(c);
            }
        }
    }
}
