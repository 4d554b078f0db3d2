package dev.sluice.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Request paths with relative weights; a request picks a path with probability weight / total weight. */
public final class RequestMix {
    /** One path and its weight. */
    public record Entry(String path, int weight) {
        public Entry {
            if (path == null || !path.startsWith("/") || path.chars().anyMatch(ch -> ch <= ' ' || ch >= 127)) {
                throw new IllegalArgumentException("path must start with / and hold no spaces or controls: " + path);
            }
            if (weight < 1) {
                throw new IllegalArgumentException("weight must be at least 1: " + path + ":" + weight);
            }
        }
    }

    private final List<Entry> entries;
    private final int[] cumulative;

    private RequestMix(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a request mix needs at least one path");
        }
        this.entries = List.copyOf(entries);
        this.cumulative = new int[entries.size()];
        long sum = 0;
        for (int i = 0; i < entries.size(); i++) {
            sum += entries.get(i).weight();
            if (sum > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("weights add up to more than " + Integer.MAX_VALUE);
            }
            cumulative[i] = (int) sum;
        }
    }

    public static RequestMix of(String path) {
        return new RequestMix(List.of(new Entry(path, 1)));
    }

    public static RequestMix of(List<Entry> entries) {
        return new RequestMix(entries);
    }

    /** Parses {@code /a:3,/b:1} (a missing weight is 1). @throws IllegalArgumentException naming the bad part */
    public static RequestMix parse(String spec) {
        List<Entry> list = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.lastIndexOf(':');
            if (colon > 0 && p.substring(colon + 1).chars().allMatch(Character::isDigit) && colon < p.length() - 1) {
                list.add(new Entry(p.substring(0, colon), Integer.parseInt(p.substring(colon + 1))));
            } else {
                list.add(new Entry(p, 1));
            }
        }
        return new RequestMix(list);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Index of the entry picked by a uniform draw in [0, total weight). */
    int indexFor(int draw) {
        for (int i = 0; i < cumulative.length; i++) {
            if (draw < cumulative[i]) {
                return i;
            }
        }
        throw new IllegalArgumentException("draw out of range: " + draw);
    }

    int totalWeight() {
        return cumulative[cumulative.length - 1];
    }

    int pick(RandomGenerator random) {
        return entries.size() == 1 ? 0 : indexFor(random.nextInt(totalWeight()));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) {
            sb.append(sb.length() == 0 ? "" : ",").append(e.path()).append(':').append(e.weight());
        }
        return sb.toString();
    }
}
