package dev.sluice.bench;

import dev.sluice.bench.jmh.RequestHeadParserBenchmark;
import dev.sluice.connector.internal.ResponseWriterBenchmark;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Thread CPU nanoseconds per operation of the JMH benchmark methods (parser and response writer), for a machine
 * shared with other work: JMH reports wall time, which on a loaded 2-core machine mostly measures how long the
 * thread waited for a core. CPU time leaves that out (not cache pollution by the neighbours). 4 s warm-up, then
 * 40 batches of 20,000 operations each; prints median, min and quartiles of the batches.
 *
 * <pre>java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath-jmh.txt)" dev.sluice.bench.CpuPerOp</pre>
 */
public final class CpuPerOp {
    /** Every result escapes here, so the JIT cannot drop the work that made it. */
    static Object sink;

    private CpuPerOp() {
    }

    public static void main(String[] args) throws Exception {
        RequestHeadParserBenchmark wrk = new RequestHeadParserBenchmark();
        wrk.head = "wrk";
        wrk.setUp();
        RequestHeadParserBenchmark browser = new RequestHeadParserBenchmark();
        browser.head = "browser";
        browser.setUp();
        ResponseWriterBenchmark writer = new ResponseWriterBenchmark();
        writer.setUp();
        run("parse[wrk]", wrk::parse);
        run("parse[browser]", browser::parse);
        run("encodeHead", writer::encodeHead);
        run("exchange", writer::exchange);
    }

    static void run(String name, Supplier<Object> op) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        int batch = 20_000;
        long warmEnd = System.nanoTime() + 4_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            for (int i = 0; i < batch; i++) {
                sink = op.get();
            }
        }
        int batches = 40;
        double[] cpu = new double[batches];
        double[] wall = new double[batches];
        for (int b = 0; b < batches; b++) {
            long c0 = bean.getCurrentThreadCpuTime();
            long w0 = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                sink = op.get();
            }
            cpu[b] = (bean.getCurrentThreadCpuTime() - c0) / (double) batch;
            wall[b] = (System.nanoTime() - w0) / (double) batch;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf("%s\tcpu_median %.0f\tcpu_min %.0f\tcpu_p25 %.0f\tcpu_p75 %.0f\twall_median %.0f%n", name,
                cpu[batches / 2], cpu[0], cpu[batches / 4], cpu[3 * batches / 4], wall[batches / 2]);
    }
}
