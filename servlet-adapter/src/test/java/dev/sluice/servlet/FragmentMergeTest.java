package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.Events;
import testapps.InitParamsServlet;
import testapps.LogFilter;

/** How web.xml and web-fragment.xml declarations combine (Servlet 6.1 section 8.2.3). */
class FragmentMergeTest {
    @TempDir
    Path dir;
    ServletContainer container;
    int deployments;

    @AfterEach
    void close() {
        if (container != null) {
            container.close();
        }
    }

    private static String servlet(String name, String params, String... patterns) {
        StringBuilder sb = new StringBuilder("<servlet><servlet-name>" + name + "</servlet-name><servlet-class>"
                + InitParamsServlet.class.getName() + "</servlet-class>");
        for (String p : params.isEmpty() ? new String[0] : params.split(",")) {
            String[] kv = p.split("=");
            sb.append("<init-param><param-name>").append(kv[0]).append("</param-name><param-value>").append(kv[1])
                    .append("</param-value></init-param>");
        }
        sb.append("</servlet>");
        for (String pattern : patterns) {
            sb.append("<servlet-mapping><servlet-name>").append(name).append("</servlet-name><url-pattern>")
                    .append(pattern).append("</url-pattern></servlet-mapping>");
        }
        return sb.toString();
    }

    private static String filter(String name, String servletName) {
        return "<filter><filter-name>" + name + "</filter-name><filter-class>" + LogFilter.class.getName()
                + "</filter-class></filter><filter-mapping><filter-name>" + name + "</filter-name><servlet-name>"
                + servletName + "</servlet-name></filter-mapping>";
    }

    private static String fragment(String name, String ordering, String body) {
        return "<web-fragment xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\"><name>" + name
                + "</name>" + ordering + body + "</web-fragment>";
    }

    private Http deploy(String webXml, String... fragments) throws Exception {
        Webapp app = Webapp.at(dir.resolve("run" + ++deployments).resolve("app")).classes(InitParamsServlet.class, LogFilter.class, Events.class)
                .file("WEB-INF/web.xml", "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\">"
                        + webXml + "</web-app>");
        for (int i = 0; i < fragments.length; i++) {
            app.jar("f" + i + ".jar", Map.of("META-INF/web-fragment.xml", fragments[i]));
        }
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        return new Http(container);
    }

    @Test
    void theFirstOfTwoInitParamsOfTheSameNameHoldsAndTheWebXmlWins() throws Exception {
        Http http = deploy(servlet("s", "a=first,a=ignore", "/s"),
                fragment("F", "", servlet("s", "a=fragment,b=second,b=ignore")));
        assertEquals("s{a=first, b=second}", http.get("/app/s").text());
    }

    @Test
    void fragmentsAddMappingsToAServletTheWebXmlDoesNotMap() throws Exception {
        Http http = deploy(servlet("s", "a=1"),
                fragment("F1", "", servlet("s", "", "/one")),
                fragment("F2", "", servlet("s", "", "/two")));
        assertEquals("s{a=1}", http.get("/app/one").text());
        assertEquals("s{a=1}", http.get("/app/two").text());
    }

    @Test
    void webXmlMappingsReplaceTheFragmentsOnes() throws Exception {
        Http http = deploy(servlet("s", "", "/main"), fragment("F1", "", servlet("s", "", "/frag")));
        assertEquals(200, http.get("/app/main").code());
        assertEquals(404, http.get("/app/frag").code());
    }

    @Test
    void filterMappingsOfSeveralFragmentsAddUp() throws Exception {
        // F3 declares the filter and maps it to s5; F1, merged after it, maps it to s3 as well.
        Http http = deploy("",
                fragment("F1", "", "<filter-mapping><filter-name>f3</filter-name><servlet-name>s3</servlet-name>"
                        + "</filter-mapping>" + servlet("s3", "", "/s3")),
                fragment("F3", "<ordering><before><others/></before></ordering>",
                        filter("f3", "s5") + servlet("s5", "", "/s5")));
        assertEquals("[f3 REQUEST]s3{}", http.get("/app/s3").text());
        assertEquals("[f3 REQUEST]s5{}", http.get("/app/s5").text());
    }

    @Test
    void webXmlFilterMappingsReplaceTheFragmentsOnes() throws Exception {
        Http http = deploy(filter("f", "main") + servlet("main", "", "/main") + servlet("other", "", "/other"),
                fragment("F", "", "<filter-mapping><filter-name>f</filter-name><servlet-name>other</servlet-name>"
                        + "</filter-mapping>"));
        assertEquals("[f REQUEST]main{}", http.get("/app/main").text());
        assertEquals("other{}", http.get("/app/other").text());
    }

    @Test
    void absoluteOrderingDecidesWhichFragmentsInitParamApplies() throws Exception {
        Http http = deploy(servlet("s", "", "/s") + "<absolute-ordering><name>B</name><name>A</name>"
                        + "</absolute-ordering>",
                fragment("A", "", servlet("s", "p=from A")), fragment("B", "", servlet("s", "p=from B")),
                fragment("C", "", servlet("s", "q=from C")));
        assertEquals("s{p=from B}", http.get("/app/s").text());
    }

    @Test
    void relativeOrderingPutsBeforeOthersFirstAndNamedAfterLater() throws Exception {
        Http http = deploy(servlet("s", "", "/s"),
                fragment("A", "<ordering><after><name>B</name></after></ordering>", servlet("s", "p=from A")),
                fragment("B", "", servlet("s", "p=from B")),
                fragment("C", "<ordering><before><others/></before></ordering>", servlet("s", "p=from C")));
        assertEquals("s{p=from C}", http.get("/app/s").text());
        container.close();
        http = deploy(servlet("s", "", "/s"),
                fragment("A", "<ordering><after><name>B</name></after></ordering>", servlet("s", "p=from A")),
                fragment("B", "", servlet("s", "p=from B")));
        assertEquals("s{p=from B}", http.get("/app/s").text());
    }
}
