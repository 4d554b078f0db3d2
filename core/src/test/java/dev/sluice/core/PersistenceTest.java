package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersistenceTest {

    static RequestHead head(String version, String connection) {
        Headers h = new Headers().add("Host", "example.com");
        if (!connection.equals("-")) {
            for (String line : connection.split("\\^")) {
                h.add("Connection", line);
            }
        }
        return RequestHead.of(Method.GET, "/", HttpVersion.parse(version), h);
    }

    /** RFC 9112 section 9.3 and C.2.2: what the client asked for. */
    @ParameterizedTest(name = "RFC 9112 9.3: {0} Connection=[{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1|-|true",
            "HTTP/1.1|close|false",
            "HTTP/1.1|Close|false",
            "HTTP/1.1|keep-alive, close|false",
            "HTTP/1.1|Upgrade^close|false",
            "HTTP/1.1|keep-alive|true",
            "HTTP/1.1|closed|true",
            "HTTP/1.0|-|false",
            "HTTP/1.0|keep-alive|true",
            "HTTP/1.0|Keep-Alive|true",
            "HTTP/1.0|TE, keep-alive|true",
            "HTTP/1.0|keep-alive, close|false",
            "HTTP/1.0|keep-alive-please|false",
    })
    void clientWantsPersistence(String version, String connection, boolean expected) {
        assertEquals(expected, Persistence.clientWantsPersistence(head(version, connection)));
    }

    /**
     * RFC 9112 section 9.3 (persistence), 9.6 (close from either side), 6.3 rule 8 (close-delimited content),
     * plus the per-connection limit, draining and an unread body. Columns: version, request Connection, response
     * Connection, framing, request number, max requests, draining, body consumed, verdict.
     */
    @ParameterizedTest(name = "RFC 9112 9.3: {0} req=[{1}] resp=[{2}] {3} #{4}/{5} draining={6} consumed={7} -> {8}")
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1|-|-|LENGTH|1|100|false|true|KEEP_ALIVE",
            "HTTP/1.1|-|-|CHUNKED|99|100|false|true|KEEP_ALIVE",
            "HTTP/1.1|-|-|NONE|1|100|false|true|KEEP_ALIVE",
            "HTTP/1.0|keep-alive|-|LENGTH|1|100|false|true|KEEP_ALIVE",
            "HTTP/1.0|keep-alive|keep-alive|NONE|5|100|false|true|KEEP_ALIVE",
            // the per-connection limit: request 100 of 100 is the last
            "HTTP/1.1|-|-|LENGTH|100|100|false|true|REQUEST_LIMIT",
            "HTTP/1.1|-|-|LENGTH|1|1|false|true|REQUEST_LIMIT",
            // close from the client, from the handler
            "HTTP/1.1|close|-|LENGTH|1|100|false|true|CLIENT_CLOSE",
            "HTTP/1.1|-|close|LENGTH|1|100|false|true|HANDLER_CLOSE",
            "HTTP/1.1|-|Close|CHUNKED|1|100|false|true|HANDLER_CLOSE",
            "HTTP/1.0|keep-alive|close|LENGTH|1|100|false|true|HANDLER_CLOSE",
            // HTTP/1.0 without keep-alive
            "HTTP/1.0|-|-|LENGTH|1|100|false|true|HTTP_1_0_WITHOUT_KEEP_ALIVE",
            "HTTP/1.0|-|keep-alive|LENGTH|1|100|false|true|HTTP_1_0_WITHOUT_KEEP_ALIVE",
            // close-delimited content ends the connection
            "HTTP/1.0|keep-alive|-|CLOSE|1|100|false|true|CLOSE_DELIMITED",
            "HTTP/1.1|-|-|CLOSE|1|100|false|true|CLOSE_DELIMITED",
            // draining and an unread body, first in order
            "HTTP/1.1|-|-|LENGTH|1|100|true|true|DRAINING",
            "HTTP/1.1|close|close|CLOSE|100|100|true|false|DRAINING",
            "HTTP/1.1|-|-|LENGTH|1|100|false|false|UNREAD_BODY",
            "HTTP/1.1|close|-|LENGTH|1|100|false|false|UNREAD_BODY",
    })
    void decide(String version, String requestConnection, String responseConnection, String framing,
                int number, int max, boolean draining, boolean consumed, String expected) {
        RequestHead head = head(version, requestConnection);
        Headers response = new Headers();
        if (!responseConnection.equals("-")) {
            response.add("Connection", responseConnection);
        }
        ResponseFraming f = ResponseFraming.valueOf(framing);
        Persistence.Verdict verdict = Persistence.decide(head, response, f, number, max, draining, consumed);
        assertEquals(Persistence.Verdict.valueOf(expected), verdict);
        assertEquals(expected.equals("KEEP_ALIVE"), verdict.persists());
        if (consumed) {
            assertEquals(verdict.persists(), Persistence.persists(head, response, f, number, max, draining));
        }
    }
}
