package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import testapps.AsyncCasesServlet;

/**
 * What the AsyncContext javadoc says of hasOriginalRequestAndResponse, of dispatch() in a forwarded request, of a
 * dispatch after the response was committed, of the request and response a dispatch runs with, and of an async
 * cycle started again in an async dispatch.
 */
class AsyncContextDetailsTest {
    @TempDir
    static Path dir;
    static ServletContainer container;
    static Http http;

    @BeforeAll
    static void deploy() throws Exception {
        Webapp app = Webapp.at(dir.resolve("a")).classes(AsyncCasesServlet.class).webXml("""
                <servlet><servlet-name>cases</servlet-name><servlet-class>testapps.AsyncCasesServlet</servlet-class>
                  <async-supported>true</async-supported></servlet>
                <servlet-mapping><servlet-name>cases</servlet-name><url-pattern>/cases/*</url-pattern>
                </servlet-mapping>
                """);
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        http = new Http(container);
    }

    @AfterAll
    static void close() {
        container.close();
    }

    @ParameterizedTest
    @CsvSource({
        "original, startAsync()=true",
        // The very objects the container passed are the original request and response.
        "originalArgs, startAsync(req;res)=true",
        "wrappedRequest, startAsync(wrapper;res)=false",
        "wrappedResponse, startAsync(req;wrapper)=false",
    })
    void hasOriginalRequestAndResponseIsFalseOnlyForApplicationWrappers(String path, String expected)
            throws Exception {
        assertEquals(expected.replace(';', ',') + "\n", http.get("/a/cases/" + path).text());
    }

    @Test
    void dispatchAfterStartAsyncInAForwardGoesToTheOriginalUri() throws Exception {
        assertEquals("async forwardNoArgs uri=/a/cases/forwardNoArgs who=null type=ASYNC\n",
                http.get("/a/cases/forwardNoArgs").text());
    }

    @Test
    void dispatchAfterStartAsyncWithTheForwardedRequestGoesToTheForwardTarget() throws Exception {
        // The forwarded request shows the forward's URI and its query parameters; so does the dispatch.
        assertEquals("async inner-forwardArgs uri=/a/cases/inner-forwardArgs who=target type=ASYNC\n",
                http.get("/a/cases/forwardArgs").text());
    }

    @Test
    void dispatchAfterTheResponseWasCommittedStillRunsTheTarget() throws Exception {
        MemoryExchange x = http.get("/a/cases/afterCommit");
        assertEquals(200, x.code());
        assertEquals("committed first;target ran: X-Mark=null response wrapped=false type=ASYNC", x.text());
    }

    @Test
    void dispatchRunsWithTheWrappersPassedToStartAsync() throws Exception {
        assertEquals("target ran: X-Mark=wrapped response wrapped=true type=ASYNC",
                http.get("/a/cases/wrappers").text());
    }

    @Test
    void asyncStartedAgainInAnAsyncDispatchCompletesOnlyAfterTheLastDispatch() throws Exception {
        String response = OverSocket.exchange(container, "GET /a/cases/twice HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n", response.substring(0, response.indexOf("\r\n\r\n") + 4));
        assertEquals("first;second;third;still third", dechunk(response.substring(response.indexOf("\r\n\r\n") + 4)));
    }

    /** Issue 14: it was a NullPointerException inside Sluice, and the client waited for the async timeout. */
    @Test
    void dispatchToANullContextFailsAtOnceWithAClearException() throws Exception {
        MemoryExchange x = http.get("/a/cases/otherContext");
        assertEquals(200, x.code());
        assertEquals("IllegalArgumentException: AsyncContext.dispatch: the ServletContext is null (getContext returns"
                + " null for another webapp unless crossContext is on)", x.text());
    }

    /** Servlet 6.1 section 2.3.3.3: an exception after startAsync ends the exchange with its error at once. */
    @Test
    void anUncaughtDispatchFailureAnswers500WithoutWaitingForATimeout() throws Exception {
        MemoryExchange x = http.get("/a/cases/otherContextUncaught"); // the servlet set no timeout at all
        assertEquals(500, x.code());
        assertEquals(0, container.suspendedRequests());
    }

    static String dechunk(String chunked) {
        return SameAsTomcatTest.Answer.dechunk(chunked);
    }
}
