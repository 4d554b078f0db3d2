package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The servlet API over HTTP/2 through the real connector, with the JDK's HttpClient (h2c by Upgrade, then streams
 * of one connection): getProtocol, request content, sendError and an async request on their own streams.
 */
class Http2ServletTest {
    @TempDir
    static Path dir;
    static ServletContainer container;
    static HttpConnector connector;
    static HttpClient client;

    /** Says the protocol, the content length read, and answers /missing with sendError, /async asynchronously. */
    public static final class ProtocolServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getPathInfo() != null && req.getPathInfo().equals("/missing")) {
                resp.sendError(404, "no such thing");
                return;
            }
            if (req.getPathInfo() != null && req.getPathInfo().equals("/async")) {
                AsyncContext async = req.startAsync();
                async.start(() -> {
                    try {
                        async.getResponse().getWriter().print("async " + req.getProtocol());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    async.complete();
                });
                return;
            }
            byte[] content = req.getInputStream().readAllBytes();
            resp.setContentType("text/plain");
            resp.getWriter().print(req.getProtocol() + " " + req.getServletConnection().getProtocol() + " "
                    + req.getMethod() + " " + content.length);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Webapp app = Webapp.at(dir.resolve("app")).classes(ProtocolServlet.class).webXml(
                "<servlet><servlet-name>p</servlet-name><servlet-class>" + ProtocolServlet.class.getName()
                + "</servlet-class><async-supported>true</async-supported></servlet>"
                + "<servlet-mapping><servlet-name>p</servlet-name><url-pattern>/*</url-pattern></servlet-mapping>");
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(container).build();
        connector.start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
    }

    @AfterAll
    static void stop() {
        connector.close();
        container.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.localAddress().getPort() + "/app"
                + path));
    }

    @Test
    void servletsSeeHttp2AndTheirErrorsAndAsyncWorkPerStream() throws Exception {
        HttpResponse<String> first = send(request("/x"));
        assertEquals(HttpClient.Version.HTTP_2, first.version());
        assertEquals("HTTP/2.0 h2c GET 0", first.body());
        HttpResponse<String> post = send(request("/x").POST(HttpRequest.BodyPublishers.ofString("y".repeat(100_000))));
        assertEquals("HTTP/2.0 h2c POST 100000", post.body());
        HttpResponse<String> missing = send(request("/missing"));
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("no such thing"), missing.body());
        HttpResponse<String> async = send(request("/async"));
        assertEquals("async HTTP/2.0", async.body());
        assertEquals(1, connector.metrics().accepted()); // all of it on one connection
    }
}
