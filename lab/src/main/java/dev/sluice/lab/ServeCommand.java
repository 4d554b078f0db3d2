package dev.sluice.lab;

import dev.sluice.core.Limits;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lab serve}: an embedded Sluice with the lab endpoints, to load from another shell or another tool. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the lab endpoints (/delay?ms=N, /bytes?n=N, /, /sluice/metrics) on 127.0.0.1.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080")
    int port;

    @Option(names = "--maxThreads", defaultValue = "200")
    int maxThreads;

    @Option(names = "--acceptQueue", defaultValue = "1000")
    int acceptQueue;

    @Option(names = "--maxConnections", defaultValue = "10000")
    int maxConnections;

    @Option(names = "--queueTimeout", defaultValue = "0ms", converter = DurationConverter.class)
    Duration queueTimeout;

    @Option(names = "--keepAliveTimeout", defaultValue = "20s", converter = DurationConverter.class)
    Duration keepAliveTimeout;

    @Option(names = "--for", defaultValue = "0s", converter = DurationConverter.class,
            description = "Stop after this long (0: until interrupted).")
    Duration serveFor;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Limits limits = Limits.builder().maxThreads(maxThreads).acceptQueue(acceptQueue)
                .maxConnections(maxConnections).queueTimeout(queueTimeout).keepAliveTimeout(keepAliveTimeout).build();
        PrintWriter out = spec.commandLine().getOut();
        try (ServerFactory.Running server = EmbeddedSluice.startOn(port, limits)) {
            out.println("lab server on http://127.0.0.1:" + server.address().getPort() + "/ with " + limits);
            out.flush();
            CountDownLatch never = new CountDownLatch(1);
            if (serveFor.isZero()) {
                never.await();
            } else {
                never.await(serveFor.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return 0;
    }
}
