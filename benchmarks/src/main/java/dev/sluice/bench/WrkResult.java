package dev.sluice.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of one wrk run, read from its text output (run with {@code --latency}).
 *
 * @param requests responses wrk counted, including non-2xx
 * @param requestsPerSecond wrk's "Requests/sec"
 * @param p99Millis the 99th percentile of the latency distribution, or NaN when wrk printed none
 * @param socketErrors connect + read + write + timeout errors
 * @param non2xx responses with a status outside 2xx and 3xx
 */
public record WrkResult(long requests, double requestsPerSecond, double p99Millis, long socketErrors, long non2xx) {
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P99 = Pattern.compile("\\n\\s*99(?:\\.000)?%\\s+([0-9.]+)(us|ms|s|m|h)\\b");
    private static final Pattern ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    /** @throws IllegalArgumentException when the text is not a finished wrk run */
    public static WrkResult parse(String output) {
        Matcher requests = REQUESTS.matcher(output);
        Matcher rps = RPS.matcher(output);
        if (!requests.find() || !rps.find()) {
            throw new IllegalArgumentException("no wrk summary in output");
        }
        double p99 = Double.NaN;
        Matcher latency = P99.matcher(output);
        if (latency.find()) {
            p99 = toMillis(Double.parseDouble(latency.group(1)), latency.group(2));
        }
        long errors = 0;
        Matcher socket = ERRORS.matcher(output);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        Matcher non2xx = NON_2XX.matcher(output);
        return new WrkResult(Long.parseLong(requests.group(1)), Double.parseDouble(rps.group(1)), p99, errors,
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
    }

    private static double toMillis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
            default -> value * 3_600_000;
        };
    }
}
