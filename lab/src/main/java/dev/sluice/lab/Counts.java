package dev.sluice.lab;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/** An immutable snapshot of every {@link Count}; differences of snapshots give per-interval numbers. */
public final class Counts {
    private static final Count[] ALL = Count.values();
    public static final Counts ZERO = new Counts(new long[ALL.length]);

    private final long[] values;

    private Counts(long[] values) {
        this.values = values;
    }

    static Counts of(AtomicLongArray live) {
        long[] v = new long[ALL.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = live.get(i);
        }
        return new Counts(v);
    }

    /** For tests and parsing: values in {@link Count} order. */
    static Counts of(long... values) {
        if (values.length != ALL.length) {
            throw new IllegalArgumentException("need " + ALL.length + " values, got " + values.length);
        }
        return new Counts(values.clone());
    }

    public long get(Count c) {
        return values[c.ordinal()];
    }

    /** Responses of any status. */
    public long responses() {
        return get(Count.OK_2XX) + get(Count.SHED_503) + get(Count.OTHER_STATUS);
    }

    /** Requests that ended in a transport error. */
    public long transportErrors() {
        long sum = 0;
        for (Count c : ALL) {
            if (c.isTransportError()) {
                sum += get(c);
            }
        }
        return sum;
    }

    /** Requests that reached an end: responses, errors and abandoned ones. */
    public long finished() {
        long sum = 0;
        for (Count c : ALL) {
            if (c.isOutcome()) {
                sum += get(c);
            }
        }
        return sum;
    }

    /** Share of responses that were 503, 0 when there were none. */
    public double shedRate() {
        long r = responses();
        return r == 0 ? 0 : (double) get(Count.SHED_503) / r;
    }

    public Counts minus(Counts other) {
        long[] v = new long[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i] - other.values[i];
        }
        return new Counts(v);
    }

    public Counts plus(Counts other) {
        long[] v = new long[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i] + other.values[i];
        }
        return new Counts(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Counts && Arrays.equals(values, ((Counts) o).values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Count c : ALL) {
            if (get(c) != 0) {
                sb.append(sb.length() > 1 ? ", " : "").append(c.column()).append('=').append(get(c));
            }
        }
        return sb.append('}').toString();
    }
}
