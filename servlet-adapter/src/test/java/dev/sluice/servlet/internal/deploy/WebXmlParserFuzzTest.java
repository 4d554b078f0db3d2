package dev.sluice.servlet.internal.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the deployment descriptor parser ({@link WebXmlParser}) with arbitrary bytes as WEB-INF/web.xml and as
 * META-INF/web-fragment.xml. Properties: the only failure is an {@link IOException} with a one-line reason (which
 * deployment turns into one log line), never a runtime exception or an error; nothing is fetched (the parser has no
 * network or file access to give: Jazzer's SSRF and path traversal sanitizers watch for any attempt). Seeds:
 * descriptors of every schema version with each element the parser reads, a DOCTYPE, entities and a fragment with
 * ordering.
 */
class WebXmlParserFuzzTest {
    @FuzzTest
    void parse(byte[] input) {
        try {
            WebXmlParser.parseWebXml(new ByteArrayInputStream(input), new WebAppConfig());
        } catch (IOException e) {
            oneLine(e);
        }
        try {
            WebXmlParser.parseFragment(new ByteArrayInputStream(input));
        } catch (IOException e) {
            oneLine(e);
        }
    }

    private static void oneLine(IOException e) {
        String m = e.getMessage();
        assertFalse(m == null || m.isBlank() || m.contains("\n") || m.length() > 400, () -> "reason: " + m);
    }
}
