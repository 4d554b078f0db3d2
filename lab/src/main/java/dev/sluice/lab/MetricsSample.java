package dev.sluice.lab;

import java.util.Map;

/** The server's figures at one moment, {@code seconds} after the start of a run. */
public record MetricsSample(double seconds, Map<String, Double> values) {
}
