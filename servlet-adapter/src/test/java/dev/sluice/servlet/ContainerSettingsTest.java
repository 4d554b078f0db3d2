package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import testapps.SettingsServlet;

/** The container settings: locale-to-charset table, allowed request trailers, cross-context access. */
class ContainerSettingsTest {
    @TempDir
    Path dir;
    ServletContainer container;
    HttpConnector connector;

    @AfterEach
    void close() {
        if (connector != null) {
            connector.close();
        }
        if (container != null) {
            container.close();
        }
    }

    private Http deploy(ServletContainer.Builder builder, String webXmlExtra, String... names) throws Exception {
        container = builder.workDir(dir.resolve("work")).build();
        for (String name : names) {
            container.deploy(app(dir.resolve(name), dir.resolve("events.txt"),
                    TestSupport.servlet("settings", SettingsServlet.class, "/s/*") + webXmlExtra)
                    .classes(SettingsServlet.class).path());
        }
        return new Http(container);
    }

    @ParameterizedTest
    @CsvSource({
        "ja, Shift_JIS", "ja-JP, Shift_JIS", "ko, EUC-KR", "zh-CN, GB2312", "zh-TW, Big5", "ru, ISO-8859-5",
        "de-AT, ISO-8859-1", "pl, ISO-8859-2", "el, ISO-8859-7", "tr, ISO-8859-9",
        // no entry: the default encoding stays
        "sw, ISO-8859-1"})
    void setLocaleAppliesTheDefaultTable(String tag, String charset) throws Exception {
        Http http = deploy(ServletContainer.builder(), "", "app");
        MemoryExchange x = http.get("/app/s/locale?arg=" + tag);
        assertEquals("encoding=" + charset, x.text());
        assertEquals("text/plain;charset=" + charset, x.header("Content-Type"));
    }

    @Test
    void webappMappingWinsOverTheContainerTableAndAnExplicitCharsetWinsOverBoth() throws Exception {
        Http http = deploy(ServletContainer.builder().localeEncodings(Map.of("ja", "EUC-JP", "fr", "UTF-8")),
                "<locale-encoding-mapping-list><locale-encoding-mapping><locale>ja_JP</locale>"
                        + "<encoding>UTF-8</encoding></locale-encoding-mapping></locale-encoding-mapping-list>",
                "app");
        assertEquals("encoding=UTF-8", http.get("/app/s/locale?arg=ja-JP").text());
        assertEquals("encoding=EUC-JP", http.get("/app/s/locale?arg=ja").text());
        assertEquals("encoding=UTF-8", http.get("/app/s/locale?arg=fr").text());
        // the configured table replaces the defaults
        assertEquals("encoding=ISO-8859-1", http.get("/app/s/locale?arg=ko").text());
        assertEquals("encoding=UTF-8", http.get("/app/s/localeAfterEncoding?arg=ja").text());
    }

    @Test
    void getContextReturnsOtherWebappsOnlyWithCrossContext() throws Exception {
        Http off = deploy(ServletContainer.builder(), "", "one", "two");
        assertEquals("null", off.get("/one/s/context?arg=/two").text());
        assertEquals("self", off.get("/one/s/context?arg=/one/x").text());
        assertEquals("null", off.get("/one/s/context?arg=/nowhere").text());
        container.close();
        Http on = deploy(ServletContainer.builder().crossContext(true), "", "three", "four");
        assertEquals("/four", on.get("/three/s/context?arg=/four/page").text());
        assertEquals("null", on.get("/three/s/context?arg=relative").text());
    }

    private String exchange(String request) throws Exception {
        connector = OverSocket.start(container);
        try (Socket socket = new Socket()) {
            socket.connect(connector.localAddress(), 10_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.ISO_8859_1).replaceAll("Date: [^\r]*\r\n", "");
        }
    }

    private static final String CHUNKED_WITH_TRAILERS = "POST /app/s/trailersIn HTTP/1.1\r\nHost: x\r\n"
            + "Connection: close\r\nTransfer-Encoding: chunked\r\nTrailer: X-Sum, X-Secret\r\n\r\n"
            + "5\r\nhello\r\n0\r\nX-Sum: 42\r\nX-Secret: s3\r\n\r\n";

    @Test
    void allTrailersAreShownByDefault() throws Exception {
        deploy(ServletContainer.builder(), "", "app");
        assertTrue(exchange(CHUNKED_WITH_TRAILERS).endsWith("body=hello trailers={x-secret=s3, x-sum=42}"));
    }

    @Test
    void onlyAllowedTrailersAreShown() throws Exception {
        deploy(ServletContainer.builder().setting("allowedTrailers", "x-SUM, other"), "", "app");
        assertTrue(exchange(CHUNKED_WITH_TRAILERS).endsWith("body=hello trailers={x-sum=42}"));
    }

    @Test
    void noTrailerIsShownWhenNoneIsAllowed() throws Exception {
        deploy(ServletContainer.builder().allowedTrailers(List.of()), "", "app");
        assertTrue(exchange(CHUNKED_WITH_TRAILERS).endsWith("body=hello trailers={}"));
    }

    @Test
    void responseTrailersMakeAShortResponseChunked() throws Exception {
        // RFC 9112 section 7.1.2: trailers follow the last chunk, so complete content is still sent chunked.
        deploy(ServletContainer.builder(), "", "app");
        assertEquals("HTTP/1.1 200 OK\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n"
                + "7\r\ncontent\r\n0\r\nx-checksum: abc\r\n\r\n",
                exchange("GET /app/s/trailersOut HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "localeEncodings | ja             | Invalid value for localeEncodings: 'ja' (locale encoding 'ja' is not locale=charset)",
        "localeEncodings | ja=NoSuchCs    | Invalid value for localeEncodings: 'ja=NoSuchCs' (locale encoding 'ja=NoSuchCs' names an unknown charset)",
        "crossContext    | yes            | Invalid value for crossContext: 'yes' (true or false)",
        "maxFormBytes    | lots           | Invalid value for maxFormBytes: 'lots' (For input string: \"lots\")",
        "noSuchSetting   | 1              | Unknown setting noSuchSetting"})
    void badSettingsAreRefusedWithTheirName(String key, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServletContainer.builder().setting(key, value));
        assertEquals(message, e.getMessage());
    }

    @Test
    void textSettingsReachTheContainer() throws Exception {
        Http http = deploy(ServletContainer.builder().setting("localeEncodings", "ja=UTF-8\n ko = EUC-KR")
                .setting("crossContext", "true"), "", "one", "two");
        assertEquals("encoding=UTF-8", http.get("/one/s/locale?arg=ja").text());
        assertEquals("encoding=EUC-KR", http.get("/one/s/locale?arg=ko").text());
        assertEquals("/two", http.get("/one/s/context?arg=/two").text());
    }
}
