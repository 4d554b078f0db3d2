import dev.sluice.connector.ExchangeRecord;
import dev.sluice.core.Headers;
import dev.sluice.core.HttpVersion;
import dev.sluice.core.Method;
import dev.sluice.core.RequestHead;
import dev.sluice.distribution.internal.accesslog.AccessLog;
import dev.sluice.distribution.internal.accesslog.AccessLogFormat;
import dev.sluice.distribution.internal.accesslog.AccessLogListener;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * CPU per access log line, through the listener the connector calls: the logging threads' own CPU (what the
 * request path pays) and the whole process's (with the writer thread, GC and JIT). Four threads log as fast as
 * they can, so the queue is often full: a worst case. Not built by Maven (it needs the distribution's jars); run
 * with the single-file launcher against a laid-out distribution:
 *   java -Xmx512m -cp "distribution/target/sluice/lib/*" benchmarks/src/accesslog/AccessLogCost.java [lines per thread]
 */
public class AccessLogCost {
    public static void main(String[] args) throws Exception {
        int threads = 4, perThread = Integer.parseInt(args.length > 0 ? args[0] : "250000");
        Headers h = new Headers();
        h.add("Host", "127.0.0.1:8080");
        h.add("User-Agent", "wrk/4.1.0 (compatible)");
        h.add("Referer", "http://127.0.0.1:8080/");
        RequestHead head = RequestHead.of(Method.GET, "/hello", HttpVersion.HTTP_1_1, h);
        InetSocketAddress client = new InetSocketAddress("127.0.0.1", 51234);
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", 8080);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < 3; round++) { // round 0 is warm-up
            Path dir = Files.createTempDirectory("alog");
            AccessLog log = new AccessLog(dir, AccessLogFormat.COMBINED, "Sluice", Clock.systemDefaultZone());
            AccessLogListener listener = new AccessLogListener(log);
            long[] threadCpu = new long[threads];
            Thread[] ts = new Thread[threads];
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int id = t;
                ts[t] = new Thread(() -> {
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < perThread; i++) {
                        listener.exchangeCompleted(new ExchangeRecord(head, client, local, 200, 13,
                                System.currentTimeMillis(), 20_000, 150_000, id, i + 1));
                    }
                    threadCpu[id] = mx.getCurrentThreadCpuTime() - c0;
                });
                ts[t].start();
            }
            for (Thread t : ts) t.join();
            log.close();
            long cpu = os.getProcessCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            long lines = (long) threads * perThread;
            long loggers = 0;
            for (long c : threadCpu) loggers += c;
            long bytes = 0;
            try (var files = Files.list(dir)) { for (Path p : (Iterable<Path>) files::iterator) { bytes += Files.size(p); Files.delete(p); } }
            Files.delete(dir);
            if (round > 0) {
                System.out.printf("round %d: %d lines, %.0f bytes/line, logging threads %.0f CPU ns/line, process %.0f CPU ns/line, wall %.0f ms%n",
                        round, lines, (double) bytes / lines, (double) loggers / lines, (double) cpu / lines, wall / 1e6);
            }
        }
    }
}
