package dev.sluice.distribution.internal.accesslog;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The two line formats of the access log. Both end with the figures this server adds: time taken and time in
 * the queue (milliseconds), the connection id and the request's number on that connection.
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
        String format(AccessEntry e, ZoneId zone) {
            StringBuilder sb = new StringBuilder(200);
            sb.append(e.clientIp).append(" - ").append(dash(e.user)).append(" [")
                    .append(NCSA_TIME.withZone(zone).format(e.received)).append("] \"").append(quoted(e.method))
                    .append(' ')
                    .append(quoted(e.target)).append(' ').append(e.protocol).append("\" ").append(e.status)
                    .append(' ').append(e.bytesSent <= 0 ? "-" : Long.toString(e.bytesSent)).append(" \"")
                    .append(quoted(dash(e.referer))).append("\" \"").append(quoted(dash(e.userAgent)))
                    .append("\" ").append(e.timeTakenMillis).append(' ').append(e.queueMillis).append(' ')
                    .append(e.connectionId).append(' ').append(e.requestNumber);
            return sb.toString();
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
        String format(AccessEntry e, ZoneId zone) {
            int q = e.target.indexOf('?');
            String stem = q < 0 ? e.target : e.target.substring(0, q);
            String query = q < 0 ? "-" : e.target.substring(q + 1);
            StringBuilder sb = new StringBuilder(200);
            sb.append(W3C_TIME.format(e.received)).append(' ').append(e.serverIp).append(' ')
                    .append(token(e.method)).append(' ').append(token(stem)).append(' ').append(token(query))
                    .append(' ').append(e.serverPort).append(' ').append(token(e.user)).append(' ')
                    .append(e.clientIp).append(' ').append(e.protocol).append(' ').append(token(e.userAgent))
                    .append(' ').append(token(e.referer)).append(' ').append(e.status).append(' ')
                    .append(Math.max(0, e.bytesSent)).append(' ').append(e.timeTakenMillis).append(' ')
                    .append(e.queueMillis).append(' ').append(e.connectionId).append(' ')
                    .append(e.requestNumber);
            return sb.toString();
        }
    };

    private static final DateTimeFormatter NCSA_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US);
    private static final DateTimeFormatter W3C_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.US).withZone(ZoneOffset.UTC);

    /** Lines written at the top of each new file, or null. */
    abstract String header(String software);

    /** @param zone the server's time zone, for formats that write local time (W3C is always UTC) */
    abstract String format(AccessEntry entry, ZoneId zone);

    /** {@code combined} or {@code w3c}. */
    public static AccessLogFormat parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** Inside quotes: quotes, backslashes and control characters escaped, so a client cannot forge lines. */
    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A W3C field: no spaces (IIS writes {@code +}), control characters dropped, {@code -} when empty. */
    private static String token(String s) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                sb.append('+');
            } else if (c >= 0x20 && c != 0x7f) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
