package dev.sluice.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulated browsers loading a page with many embedded resources, over and over: the HTML first, then every
 * resource, either over up to {@code connectionsPerBrowser} parallel keep-alive connections (what browsers do
 * with HTTP/1.1, six per host) or all pipelined on one connection. One page load is one measured "response":
 * its latency is the time from asking for the HTML to the last resource's last byte, and it is 2xx only when
 * every part was. Connections are kept between pages, as a browser keeps them.
 */
final class PageLoad implements Workload {
    private final int browsers;
    private final String page;
    private final List<String> resources;
    private final int connectionsPerBrowser;
    private final boolean pipelined;

    PageLoad(int browsers, String page, List<String> resources, int connectionsPerBrowser, boolean pipelined) {
        if (browsers < 1 || connectionsPerBrowser < 1 || resources.isEmpty()) {
            throw new IllegalArgumentException("need browsers, connections and resources");
        }
        this.browsers = browsers;
        this.page = page;
        this.resources = List.copyOf(resources);
        this.connectionsPerBrowser = pipelined ? 1 : connectionsPerBrowser;
        this.pipelined = pipelined;
    }

    @Override
    public RunResult run(RunConfig config) throws InterruptedException {
        RunContext ctx = new RunContext(config, System.nanoTime());
        List<Thread> threads = new ArrayList<>();
        for (int b = 0; b < browsers; b++) {
            Browser browser = new Browser(ctx);
            Thread t = LoadGenerator.thread("lab-browser-" + b, browser::loop);
            threads.add(t);
            t.start();
        }
        String what = browsers + " browsers loading a page of 1 + " + resources.size() + " resources "
                + (pipelined ? "pipelined on 1 connection each" : "over " + connectionsPerBrowser + " connections each")
                + ", " + config.duration().toMillis() / 1000.0 + " s after " + config.warmup().toMillis() / 1000.0
                + " s warm-up";
        return LoadGenerator.measure(ctx, what, () -> LoadGenerator.allDead(threads),
                () -> LoadGenerator.joinAll(threads), null);
    }

    /** One browser: its connections, used by its own thread and, for parallel fetches, its helper threads. */
    private final class Browser {
        private final RunContext ctx;
        private final ClientConnection[] connections = new ClientConnection[connectionsPerBrowser];
        private final byte[] htmlRequest;
        private final byte[][] resourceRequests;
        private ExecutorService helpers;

        Browser(RunContext ctx) {
            this.ctx = ctx;
            String authority = ctx.config.target().getHostString() + ":" + ctx.config.target().getPort();
            htmlRequest = RequestEncoder.encode("GET", page, authority, false, true);
            resourceRequests = new byte[resources.size()][];
            for (int i = 0; i < resourceRequests.length; i++) {
                resourceRequests[i] = RequestEncoder.encode("GET", resources.get(i), authority, false, true);
            }
        }

        void loop() {
            try {
                while (!ctx.stopped() && ctx.acquire(1) == 1) {
                    loadPage();
                }
            } finally {
                if (helpers != null) {
                    helpers.shutdownNow();
                }
                for (int i = 0; i < connections.length; i++) {
                    closeConnection(i);
                }
            }
        }

        private void loadPage() {
            long start = System.nanoTime();
            int[] worst = {200};
            long[] firstByte = {0};
            try {
                fetch(0, htmlRequest, 1, worst, firstByte);
                if (pipelined) {
                    ByteArrayOutputStream all = new ByteArrayOutputStream();
                    for (byte[] r : resourceRequests) {
                        all.writeBytes(r);
                    }
                    fetch(0, all.toByteArray(), resourceRequests.length, worst, null);
                } else {
                    fetchParallel(worst);
                }
                long end = System.nanoTime();
                ctx.recorder.response(new ResponseReader.Response(worst[0], false, true, 0, firstByte[0]),
                        start, start, end);
            } catch (IOException e) {
                ctx.recorder.count(ctx.stopped() ? Count.ABANDONED : RunRecorder.exchangeFailure(e), 1,
                        System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Every resource once, each connection taking the next one not yet fetched. The browser's own thread
         * drives the first connection; helper threads, started once per browser, drive the others.
         */
        private void fetchParallel(int[] worst) throws IOException, InterruptedException {
            AtomicInteger next = new AtomicInteger();
            int used = Math.min(connections.length, resourceRequests.length);
            CountDownLatch done = new CountDownLatch(used);
            IOException[] failure = new IOException[1];
            Runnable own = null;
            for (int c = 0; c < used; c++) {
                int conn = c;
                Runnable job = () -> {
                    try {
                        int i;
                        while ((i = next.getAndIncrement()) < resourceRequests.length && failure[0] == null) {
                            fetch(conn, resourceRequests[i], 1, worst, null);
                        }
                    } catch (IOException e) {
                        synchronized (failure) {
                            failure[0] = e;
                        }
                    } finally {
                        done.countDown();
                    }
                };
                if (c == 0) {
                    own = job;
                } else {
                    helpers().execute(job);
                }
            }
            own.run();
            done.await();
            synchronized (failure) {
                if (failure[0] != null) {
                    throw failure[0];
                }
            }
        }

        private ExecutorService helpers() {
            if (helpers == null) {
                helpers = Executors.newFixedThreadPool(connections.length - 1,
                        r -> LoadGenerator.thread("lab-browser-conn", r));
            }
            return helpers;
        }

        /** Sends {@code count} requests on connection {@code c} and reads their responses. */
        private void fetch(int c, byte[] requests, int count, int[] worst, long[] firstByte) throws IOException {
            if (connections[c] == null) {
                try {
                    connections[c] = ClientConnection.open(ctx.config.target(), ctx.connectTimeoutMillis(), ctx.sockets);
                } catch (IOException e) {
                    throw new ResponseReader.UnansweredException();
                }
                ctx.recorder.count(Count.CONNECTIONS_OPENED, 1, System.nanoTime());
            }
            try {
                connections[c].send(requests);
                ctx.recorder.count(Count.SENT, count, System.nanoTime());
                for (int i = 0; i < count; i++) {
                    ResponseReader.Response r = connections[c].read(ctx.readTimeoutMillis());
                    if (firstByte != null && i == 0) {
                        firstByte[0] = r.firstByteNanos();
                    }
                    synchronized (worst) {
                        if (r.status() / 100 != 2 && worst[0] / 100 == 2) {
                            worst[0] = r.status();
                        }
                    }
                    if (!r.persistent()) {
                        closeConnection(c);
                        if (i < count - 1) {
                            throw new ResponseReader.UnansweredException();
                        }
                    }
                }
            } catch (IOException e) {
                closeConnection(c);
                throw e;
            }
        }

        private void closeConnection(int c) {
            if (connections[c] != null) {
                connections[c].close();
                connections[c] = null;
            }
        }
    }
}
