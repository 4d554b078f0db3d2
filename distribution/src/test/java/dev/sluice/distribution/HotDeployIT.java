package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import dev.sluice.servlet.internal.files.FileTrees;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server watching a real webapps folder: a webapp dropped in, changed and removed. */
class HotDeployIT {
    @TempDir
    Path webapps;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void dropChangeAndRemoveAWebapp() throws Exception {
        try (SluiceServer server = SluiceServer.builder().host("127.0.0.1").port(0).webapps(webapps)
                .hotDeploy(Duration.ofMillis(200)).start()) {
            String url = "http://127.0.0.1:" + server.localAddress().getPort() + "/greeting/";
            assertEquals(404, status(url));

            copyTree(Paths.get("target/sluice/webapps/hello"), webapps.resolve("greeting"));
            awaitStatus(url, code -> code == 200, "dropped-in webapp not deployed");
            assertTrue(body(url).startsWith("Hello from Sluice\n"));

            // A static file is no reason to redeploy, but a changed WEB-INF is: web.xml mapping a new servlet.
            Path webXml = webapps.resolve("greeting/WEB-INF/web.xml");
            Files.writeString(webXml, "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\">"
                    + "<context-param><param-name>v</param-name><param-value>2</param-value></context-param>"
                    + "<servlet><servlet-name>hello2</servlet-name>"
                    + "<servlet-class>dev.sluice.samples.hello.HelloServlet</servlet-class></servlet>"
                    + "<servlet-mapping><servlet-name>hello2</servlet-name><url-pattern>/v2/*</url-pattern>"
                    + "</servlet-mapping></web-app>");
            awaitStatus(url + "v2/x", code -> code == 200 && body(url + "v2/x").contains("path: /greeting/v2/x"),
                    "changed web.xml not redeployed");

            FileTrees.delete(webapps.resolve("greeting"));
            awaitStatus(url, code -> code == 404, "removed webapp still deployed");
        }
    }

    private void awaitStatus(String url, IntPredicate wanted, String failure) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (wanted.test(status(url))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(failure + " within 30 s");
    }

    private int status(String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private String body(String url) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Copies under a hidden name, then renames, as `bin/sluice deploy` does: the watcher never sees half. */
    private static void copyTree(Path from, Path to) throws IOException {
        Path staging = to.resolveSibling("." + to.getFileName() + ".copying");
        FileTrees.copy(from, staging);
        Files.move(staging, to, StandardCopyOption.ATOMIC_MOVE);
    }
}
