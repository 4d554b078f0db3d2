package dev.sluice.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the Prometheus text exposition format (version 0.0.4) as far as the lab needs: one value per sample
 * line, keyed by the metric name with its labels as written ({@code sluice_rejected_total{reason="queue_full"}}).
 * Comment lines, timestamps and unparsable lines are skipped, so an unexpected line never fails a run.
 */
final class PrometheusText {
    private PrometheusText() {
    }

    static Map<String, Double> parse(String text) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int close = line.lastIndexOf('}');
            int split = line.indexOf(' ', close < 0 ? 0 : close);
            if (split <= 0) {
                continue;
            }
            String key = line.substring(0, split).trim();
            String rest = line.substring(split + 1).trim();
            int space = rest.indexOf(' ');
            String number = space < 0 ? rest : rest.substring(0, space);
            try {
                values.put(key, switch (number) {
                    case "+Inf" -> Double.POSITIVE_INFINITY;
                    case "-Inf" -> Double.NEGATIVE_INFINITY;
                    case "NaN" -> Double.NaN;
                    default -> Double.parseDouble(number);
                });
            } catch (NumberFormatException e) {
                // not a sample line we understand
            }
        }
        return values;
    }

    /** Renders values as sample lines (no TYPE or HELP comments). */
    static String render(Map<String, ? extends Number> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        return sb.toString();
    }

    /**
     * Whether a sample looks like a level worth plotting over time (open connections, busy workers, queue
     * depth) rather than a counter or a histogram part.
     */
    static boolean isGauge(String key) {
        String name = key.contains("{") ? key.substring(0, key.indexOf('{')) : key;
        return !(name.endsWith("_total") || name.endsWith("_bucket") || name.endsWith("_sum")
                || name.endsWith("_count") || name.endsWith("_created") || name.endsWith("_info"));
    }
}
