package dev.sluice.servlet;

import java.nio.file.Files;
import java.nio.file.Path;
import testapps.EchoServlet;

/**
 * Prints how many in-memory requests per second one thread pushes through the adapter (no connector, no socket):
 * the adapter's own per-request cost. A benchmark, not a test: run its main method.
 */
public final class AdapterThroughput {
    private AdapterThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("sluice-bench");
        Webapp app = Webapp.at(dir.resolve("b")).classes(EchoServlet.class, testapps.ActionServlet.class,
                testapps.Events.class).file("static.txt", "static content")
                .webXml(TestSupport.action("hello", "type:text/plain;write:Hello", "/hello"));
        try (ServletContainer container = ServletContainer.builder().workDir(dir.resolve("work")).build()) {
            container.deploy(app.path());
            Http http = new Http(container);
            for (String target : new String[] {"/b/hello", "/b/static.txt"}) {
                for (int round = 0; round < 3; round++) {
                    int n = 200_000;
                    long start = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        http.begin("GET", target, null);
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("%s round %d: %.0f requests/s (%.2f us each)%n", target, round, n / seconds,
                            seconds * 1e6 / n);
                }
            }
        }
    }
}
