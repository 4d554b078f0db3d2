package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.PartsServlet;

/** Multipart against the container's parameter limits, an absolute location, Part.delete (in memory). */
class MultipartLimitsTest {
    private static final String TYPE = "Content-Type: multipart/form-data; boundary=b";

    @TempDir
    Path dir;
    ServletContainer container;

    @AfterEach
    void close() {
        if (container != null) {
            container.close();
        }
    }

    private Http deploy(ServletContainer.Builder builder, String multipartConfig) throws Exception {
        container = builder.workDir(dir.resolve("work")).build();
        container.deploy(Webapp.at(dir.resolve("up")).classes(PartsServlet.class).webXml(
                "<servlet><servlet-name>parts</servlet-name><servlet-class>testapps.PartsServlet</servlet-class>"
                        + "<init-param><param-name>location</param-name><param-value>" + dir.resolve("abs")
                        + "</param-value></init-param>"
                        + "<multipart-config>" + multipartConfig + "</multipart-config></servlet>"
                        + "<servlet-mapping><servlet-name>parts</servlet-name><url-pattern>/parts</url-pattern>"
                        + "</servlet-mapping>").path());
        return new Http(container);
    }

    private static String fields(int n, String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("--b\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\n").append(value)
                    .append("\r\n");
        }
        return sb.append("--b--\r\n").toString();
    }

    @Test
    void partsCountAgainstMaxParameterCount() throws Exception {
        Http http = deploy(ServletContainer.builder().maxParameterCount(3), "");
        assertEquals(200, http.send("POST", "/up/parts", fields(3, "v"), TYPE).code());
        MemoryExchange x = http.send("POST", "/up/parts", fields(4, "v"), TYPE);
        assertEquals(400, x.code());
        assertTrue(x.text().contains("More than 3 multipart parts"), x.text());
        MemoryExchange withQuery = http.send("POST", "/up/parts?q=1", fields(3, "v"), TYPE);
        assertEquals(400, withQuery.code());
        assertTrue(withQuery.text().contains("More than 3 request parameters"), withQuery.text());
    }

    @Test
    void fieldValuesCountAgainstMaxFormBytes() throws Exception {
        Http http = deploy(ServletContainer.builder().maxFormBytes(10), "");
        assertEquals(200, http.send("POST", "/up/parts", fields(2, "12345"), TYPE).code());
        MemoryExchange x = http.send("POST", "/up/parts", fields(2, "123456"), TYPE);
        assertEquals(413, x.code());
        assertTrue(x.text().contains("Multipart form fields larger than 10 bytes"), x.text());
    }

    @Test
    void anAbsoluteLocationHoldsTheSpilledPartUntilDelete() throws Exception {
        Http http = deploy(ServletContainer.builder(), "<location>" + dir.resolve("abs") + "</location>"
                + "<file-size-threshold>4</file-size-threshold>");
        String body = "--b\r\nContent-Disposition: form-data; name=\"small\"\r\n\r\nabcd\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\nabcde\r\n--b--\r\n";
        MemoryExchange x = http.send("POST", "/up/parts?delete=1", body, TYPE);
        assertTrue(x.text().contains("part small|null|4|null|Content-Disposition|abcd|same=true\n"
                + "part f|a|5|null|Content-Disposition|abcde|same=true\n"
                + "temporary files=1\nafter delete temporary files=0\n"), x.text());
        try (var files = Files.list(dir.resolve("abs"))) {
            assertEquals(0, files.count());
        }
    }

    /** What the TCK's PartTests and Part1Tests check, in our own words: the field is a parameter first. */
    @Test
    void aFieldIsAParameterBeforeGetPartsAlsoThroughAWrapper() throws Exception {
        Http http = deploy(ServletContainer.builder(), "<max-file-size>200</max-file-size>");
        String body = "--AaB03x\r\nContent-Disposition: form-data; name=\"xyz\"\r\nContent-Type: text/plain\r\n\r\n"
                + "1234567abcdefg\r\n--AaB03x--\r\n";
        for (String query : new String[] {"", "?wrap=1"}) {
            MemoryExchange x = http.send("POST", "/up/parts" + query, body,
                    "Content-Type: multipart/form-data; boundary=AaB03x");
            assertTrue(x.text().startsWith((query.isEmpty() ? "" : "param wrap=1\n") + "param xyz=1234567abcdefg\n"
                    + "part xyz|null|14|text/plain|Content-Disposition,Content-Type|1234567abcdefg|same=true\n"),
                    x.text());
        }
    }

    @Test
    void fieldsAreParametersAlsoWhenGetPartsComesFirst() throws Exception {
        Http http = deploy(ServletContainer.builder(), "");
        MemoryExchange x = http.send("POST", "/up/parts?partsFirst", fields(2, "v\u00e9"), TYPE);
        assertTrue(x.text().startsWith("parts first: 2\nparam partsFirst=\nparam f0=v\u00e9\nparam f1=v\u00e9\n"),
                x.text());
    }

    @Test
    void withoutMultipartConfigTheBodyStaysAStream() throws Exception {
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(Webapp.at(dir.resolve("up")).classes(PartsServlet.class).webXml(
                "<servlet><servlet-name>plain</servlet-name><servlet-class>testapps.PartsServlet</servlet-class>"
                        + "</servlet><servlet-mapping><servlet-name>plain</servlet-name><url-pattern>/plain"
                        + "</url-pattern></servlet-mapping>").path());
        MemoryExchange x = new Http(container).send("POST", "/up/plain?catch=1", fields(1, "v"), TYPE);
        assertEquals("IllegalStateException: The servlet has no multipart config (@MultipartConfig or"
                + " <multipart-config>)\n", x.text());
    }
}
