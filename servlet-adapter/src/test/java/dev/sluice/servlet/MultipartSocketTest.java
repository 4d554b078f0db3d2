package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.PartsServlet;

/** Multipart uploads through the real connector: exact answers, limits, temporary files. */
class MultipartSocketTest {
    private static final String CD = "Content-Disposition: form-data; name=";

    @TempDir
    static Path dir;
    static ServletContainer container;
    static HttpConnector connector;
    static Path uploads;

    @BeforeAll
    static void start() throws Exception {
        Webapp app = Webapp.at(dir.resolve("up")).classes(PartsServlet.class).webXml("""
                <servlet><servlet-name>parts</servlet-name><servlet-class>testapps.PartsServlet</servlet-class>
                  <init-param><param-name>location</param-name><param-value>uploads</param-value></init-param>
                  <multipart-config><location>uploads</location><max-file-size>65536</max-file-size>
                    <max-request-size>200000</max-request-size><file-size-threshold>1024</file-size-threshold>
                  </multipart-config></servlet>
                <servlet-mapping><servlet-name>parts</servlet-name><url-pattern>/parts</url-pattern></servlet-mapping>
                <servlet><servlet-name>plain</servlet-name><servlet-class>testapps.PartsServlet</servlet-class>
                  </servlet>
                <servlet-mapping><servlet-name>plain</servlet-name><url-pattern>/plain</url-pattern></servlet-mapping>
                """);
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        connector = OverSocket.start(container);
        uploads = dir.resolve("work/temp/up/uploads");
    }

    @AfterAll
    static void stop() {
        connector.close();
        container.close();
    }

    /** Writes the head and body (from another thread, as a client that does not wait) and reads to the close. */
    static String exchange(String head, byte[] body) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(connector.localAddress(), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.UTF_8));
                    out.write(body);
                    out.flush();
                } catch (IOException ignored) {
                    // the server may answer and close before reading everything: the answer is what counts
                }
            });
            writer.start();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            writer.join(30_000);
            return all.toString(StandardCharsets.UTF_8).replaceAll("Date: [^\r]*\r\n", "");
        }
    }

    static String post(String target, String contentType, byte[] body) throws Exception {
        return exchange("POST " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.length + "\r\n\r\n", body);
    }

    static byte[] bytes(Object... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : pieces) {
            out.writeBytes(p instanceof byte[] b ? b : p.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static long uploadsLeft() throws IOException {
        if (!Files.isDirectory(uploads)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(uploads)) {
            return s.filter(p -> p.getFileName().toString().startsWith("upload-")).count();
        }
    }

    static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
    }

    @Test
    void fieldsAndFilesGetTheExactAnswerAndTheSpilledFileIsDeletedAfterwards() throws Exception {
        byte[] big = "0123456789".repeat(200).getBytes(StandardCharsets.US_ASCII);
        byte[] body = bytes("--XyZ\r\n", CD, "\"title\"\r\n\r\nGr\u00fc\u00dfe\r\n",
                "--XyZ\r\n", CD, "\"doc\"; filename=\"\u00e9t\u00e9.txt\"\r\nContent-Type: text/plain\r\n\r\n",
                "hello\r\nworld\r\n",
                "--XyZ\r\n", CD, "\"euro\"; filename=\"x\"; filename*=UTF-8''%E2%82%AC.txt\r\n\r\n\u20ac\r\n",
                "--XyZ\r\n", CD, "\"big\"; filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n",
                big, "\r\n",
                "--XyZ\r\n", CD, "\"title\"\r\n\r\nsecond\r\n",
                "--XyZ\r\n", CD, "\"empty\"\r\n\r\n\r\n",
                "--XyZ--\r\n");
        String expected = "param q=1\n"
                + "param title=Gr\u00fc\u00dfe,second\n"
                + "param empty=\n"
                + "part title|null|7|null|Content-Disposition|Gr\u00fc\u00dfe|same=true\n"
                + "part doc|\u00e9t\u00e9.txt|12|text/plain|Content-Disposition,Content-Type|hello\r\nworld|same=true\n"
                + "part euro|\u20ac.txt|3|null|Content-Disposition|\u20ac|same=true\n"
                + "part big|big.bin|2000|application/octet-stream|Content-Disposition,Content-Type|sha256="
                + sha256(big) + "|same=true\n"
                + "part title|null|6|null|Content-Disposition|second|same=false\n"
                + "part empty|null|0|null|Content-Disposition||same=true\n"
                + "temporary files=1\n";
        assertEquals(ok(expected), post("/up/parts?q=1", "multipart/form-data; boundary=XyZ", body));
        assertTrue(TestSupport.eventually(() -> uploadsLeftQuietly() == 0), "temporary file left behind");
    }

    @Test
    void charsetFieldAndPartCharsetDecodeFields() throws Exception {
        byte[] body = bytes("--b\r\n", CD, "\"_charset_\"\r\n\r\nISO-8859-1\r\n",
                "--b\r\n", CD, "\"latin\"\r\n\r\n", new byte[] {(byte) 0xe9}, "\r\n",
                "--b\r\n", CD, "\"utf\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n\u00e9\r\n--b--\r\n");
        String answer = post("/up/parts", "multipart/form-data; boundary=b", body);
        assertTrue(answer.contains("param _charset_=ISO-8859-1\nparam latin=\u00e9\nparam utf=\u00e9\n"), answer);
    }

    @Test
    void aFileOverMaxFileSizeIs413WithItsReasonAndLeavesNoFile() throws Exception {
        byte[] body = bytes("--b\r\n", CD, "\"f\"; filename=\"a.bin\"\r\n\r\n", new byte[70_000], "\r\n--b--\r\n");
        String answer = post("/up/parts", "multipart/form-data; boundary=b", body);
        assertTrue(answer.startsWith("HTTP/1.1 413 Content Too Large\r\n"), answer);
        assertTrue(answer.contains("<p>Multipart part &quot;f&quot; larger than max-file-size (65536 bytes)</p>"),
                answer);
        assertTrue(TestSupport.eventually(() -> uploadsLeftQuietly() == 0), "temporary file left behind");
    }

    @Test
    void theServletSeesTheIllegalStateExceptionTheSpecificationNames() throws Exception {
        byte[] body = bytes("--b\r\n", CD, "\"f\"; filename=\"a.bin\"\r\n\r\n", new byte[70_000], "\r\n--b--\r\n");
        assertEquals(ok("IllegalStateException: Multipart part \"f\" larger than max-file-size (65536 bytes)\n"),
                post("/up/parts?catch=1", "multipart/form-data; boundary=b", body));
        assertEquals(ok("IllegalStateException: The servlet has no multipart config (@MultipartConfig or"
                        + " <multipart-config>)\n"),
                post("/up/plain?catch=1", "multipart/form-data; boundary=b", bytes("--b--\r\n")));
        assertEquals(ok("ServletException: The request is not multipart/form-data\n"),
                post("/up/parts?catch=1", "text/plain; boundary=b", bytes("--b--\r\n")));
    }

    @Test
    void aRequestOverMaxRequestSizeIs413ByItsLengthOrWhileChunked() throws Exception {
        byte[] part = bytes("--b\r\n", CD, "\"f\"; filename=\"a.bin\"\r\n\r\n", new byte[50_000], "\r\n");
        byte[] body = bytes(part, part, part, part, part, "--b--\r\n");
        String declared = post("/up/parts", "multipart/form-data; boundary=b", body);
        assertTrue(declared.startsWith("HTTP/1.1 413 Content Too Large\r\n"), declared);
        assertTrue(declared.contains("<p>Multipart request larger than max-request-size (200000 bytes)</p>"),
                declared);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int off = 0; off < body.length; off += 10_000) {
            int n = Math.min(10_000, body.length - off);
            chunked.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(body, off, n);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String streamed = exchange("POST /up/parts HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type:"
                + " multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n", chunked.toByteArray());
        assertTrue(streamed.startsWith("HTTP/1.1 413 Content Too Large\r\n"), streamed);
        assertTrue(streamed.contains("<p>Multipart request larger than max-request-size (200000 bytes)</p>"),
                streamed);
        assertTrue(TestSupport.eventually(() -> uploadsLeftQuietly() == 0), "temporary files left behind");
    }

    @Test
    void aBodyWithoutItsClosingBoundaryIs400AndItsSpilledPartIsDeleted() throws Exception {
        byte[] body = bytes("--b\r\n", CD, "\"f\"; filename=\"a.bin\"\r\n\r\n", new byte[5000], "\r\n");
        String answer = post("/up/parts", "multipart/form-data; boundary=b", body);
        assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer);
        assertTrue(answer.contains("<p>Multipart body ended before its closing boundary</p>"), answer);
        assertTrue(TestSupport.eventually(() -> uploadsLeftQuietly() == 0), "temporary file left behind");
        String noBoundary = post("/up/parts", "multipart/form-data", bytes("--b--\r\n"));
        assertTrue(noBoundary.startsWith("HTTP/1.1 400 Bad Request\r\n"), noBoundary);
        assertTrue(noBoundary.contains("<p>multipart/form-data without a valid boundary parameter</p>"), noBoundary);
    }

    @Test
    void partWriteMovesTheFileUnderTheLocationWhereItStays() throws Exception {
        byte[] content = "x".repeat(3000).getBytes(StandardCharsets.US_ASCII);
        byte[] body = bytes("--b\r\n", CD, "\"f\"; filename=\"a.bin\"\r\n\r\n", content, "\r\n--b--\r\n");
        String answer = post("/up/parts?write=kept.bin", "multipart/form-data; boundary=b", body);
        assertTrue(answer.contains("temporary files=1\nwritten kept.bin\n"), answer);
        assertTrue(TestSupport.eventually(() -> uploadsLeftQuietly() == 0), "temporary file left behind");
        assertEquals("x".repeat(3000), Files.readString(uploads.resolve("kept.bin")));
    }

    private static long uploadsLeftQuietly() {
        try {
            return uploadsLeft();
        } catch (IOException e) {
            return -1;
        }
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
