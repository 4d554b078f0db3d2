package dev.sluice.lab;

/**
 * One second of a run (the last one may be shorter): its counts and the latency of the responses that ended
 * in it, in milliseconds.
 *
 * @param second     seconds since the end of the warm-up at the interval's start
 * @param seconds    length of the interval
 */
public record Interval(int second, double seconds, Counts counts, double p50Millis, double p99Millis,
                       double maxMillis) {
    public double responsesPerSecond() {
        return seconds <= 0 ? 0 : counts.responses() / seconds;
    }
}
