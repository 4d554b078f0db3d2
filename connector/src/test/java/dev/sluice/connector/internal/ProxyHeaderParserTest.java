package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.connector.internal.ProxyHeaderException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Cases from haproxy's proxy-protocol.txt (sections 2.1 and 2.2), each fed whole, split at every offset and byte
 * by byte, with HTTP bytes after the header that must stay unread.
 */
class ProxyHeaderParserTest {
    private static final String SIG = "0d0a0d0a000d0a515549540a";
    private static final byte[] HTTP = "GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Columns: input (text, or hex after {@code hex:}), expected {@code version source destination}. */
    @ParameterizedTest(name = "valid: {0}")
    @CsvSource(delimiter = '|', value = {
            "PROXY TCP4 192.0.2.1 10.0.0.1 56324 8080\\r\\n|1 /192.0.2.1:56324 /10.0.0.1:8080",
            "PROXY TCP4 255.255.255.255 255.255.255.255 65535 65535\\r\\n"
                    + "|1 /255.255.255.255:65535 /255.255.255.255:65535",
            "PROXY TCP6 2001:db8::1 ::1 443 8080\\r\\n|1 /[2001:db8:0:0:0:0:0:1]:443 /[0:0:0:0:0:0:0:1]:8080",
            "PROXY UNKNOWN\\r\\n|1 null null",
            "PROXY UNKNOWN ffff:f...f:ffff ffff:f...f:ffff 65535 65535\\r\\n|1 null null",
            // v2 PROXY, TCP over IPv4: 192.0.2.1:56324 -> 10.0.0.1:8080, no TLV
            "hex:" + SIG + "21" + "11" + "000c" + "c0000201" + "0a000001" + "dc04" + "1f90"
                    + "|2 /192.0.2.1:56324 /10.0.0.1:8080",
            // the same with a 7-byte TLV (PP2_TYPE_AUTHORITY "a.b.c"... skipped unread)
            "hex:" + SIG + "21" + "11" + "0014" + "c0000201" + "0a000001" + "dc04" + "1f90" + "0200056162632e64"
                    + "|2 /192.0.2.1:56324 /10.0.0.1:8080",
            // PP2_TYPE_SSL with PP2_CLIENT_SSL (section 2.2.5, haproxy's send-proxy-v2-ssl): verify 0 and a
            // PP2_SUBTYPE_SSL_VERSION sub-TLV "TLSv1.3"; the client used TLS
            "hex:" + SIG + "21" + "11" + "001e" + "c0000201" + "0a000001" + "dc04" + "1f90"
                    + "20000f" + "01" + "00000000" + "210007544c5376312e33"
                    + "|2 /192.0.2.1:56324 /10.0.0.1:8080 ssl",
            // the same after another TLV (PP2_TYPE_AUTHORITY)
            "hex:" + SIG + "21" + "11" + "0026" + "c0000201" + "0a000001" + "dc04" + "1f90" + "0200056162632e64"
                    + "20000f" + "01" + "00000000" + "210007544c5376312e33"
                    + "|2 /192.0.2.1:56324 /10.0.0.1:8080 ssl",
            // PP2_TYPE_SSL without PP2_CLIENT_SSL: not TLS; an empty TLV (length 0) is fine
            "hex:" + SIG + "21" + "11" + "0017" + "c0000201" + "0a000001" + "dc04" + "1f90"
                    + "200005" + "00" + "00000000" + "040000"
                    + "|2 /192.0.2.1:56324 /10.0.0.1:8080",
            // v2 PROXY, TCP over IPv6: 2001:db8::1:443 -> ::1:8080
            "hex:" + SIG + "21" + "21" + "0024" + "20010db8000000000000000000000001"
                    + "00000000000000000000000000000001" + "01bb" + "1f90"
                    + "|2 /[2001:db8:0:0:0:0:0:1]:443 /[0:0:0:0:0:0:0:1]:8080",
            // v2 LOCAL (the balancer's own health check): no addresses, the peer stands
            "hex:" + SIG + "20" + "00" + "0000|2 null null",
            "hex:" + SIG + "20" + "11" + "000c" + "000000000000000000000000|2 null null",
            // v2 PROXY with AF_UNSPEC and AF_UNIX: nothing usable, the peer stands (section 2.2)
            "hex:" + SIG + "21" + "00" + "0000|2 null null",
            "hex:" + SIG + "21" + "31" + "0004" + "2f746d70|2 null null",
    })
    void parsesAtEverySplit(String input, String expected) throws Exception {
        byte[] header = bytes(input);
        byte[] all = concat(header, HTTP);
        for (int split = 0; split <= all.length; split++) {
            ProxyHeaderParser parser = new ProxyHeaderParser();
            ByteBuffer first = ByteBuffer.wrap(all, 0, split);
            ProxyHeader h = parser.parse(first);
            ByteBuffer rest = ByteBuffer.wrap(all, split, all.length - split);
            if (h == null) {
                assertFalse(first.hasRemaining(), "split " + split + ": an incomplete header consumes all");
                h = parser.parse(rest);
                assertNotNull(h, "split " + split + ": header not complete");
                assertEquals(HTTP.length, rest.remaining(), "split " + split + ": HTTP bytes left");
            } else {
                assertEquals(header.length, first.position(), "split " + split + ": HTTP bytes left");
            }
            assertEquals(expected, describe(h), "split " + split);
        }
        ProxyHeaderParser byteByByte = new ProxyHeaderParser();
        ProxyHeader h = null;
        for (int i = 0; i < header.length; i++) {
            assertNull(h, "complete before byte " + i);
            h = byteByByte.parse(ByteBuffer.wrap(header, i, 1));
        }
        assertEquals(expected, describe(h));
    }

    /** Columns: input, the reason; the error must come at whatever split, and never later than its byte. */
    @ParameterizedTest(name = "invalid: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "GET / HTTP/1.1\\r\\n|NOT_A_PROXY_HEADER",
            "proxy TCP4 1.2.3.4 5.6.7.8 1 2\\r\\n|NOT_A_PROXY_HEADER",
            "\\r\\nGET|NOT_A_PROXY_HEADER",
            "PROXY TCP4 1.2.3.4 5.6.7.8 1 2\\n|V1_MALFORMED",
            "PROXY TCP4 1.2.3.4 5.6.7.8 1\\r\\n|V1_MALFORMED",
            "PROXY TCP4  1.2.3.4 5.6.7.8 1 2\\r\\n|V1_MALFORMED",
            "PROXY TCP4 1.2.3.4 5.6.7.8 1 2 \\r\\n|V1_MALFORMED",
            "PROXY TCP4 1.2.3 5.6.7.8 1 2\\r\\n|V1_MALFORMED",
            "PROXY TCP4 example.com 5.6.7.8 1 2\\r\\n|V1_MALFORMED",
            "PROXY TCP4 ::1 5.6.7.8 1 2\\r\\n|V1_MALFORMED",
            "PROXY TCP6 1.2.3.4 ::1 1 2\\r\\n|V1_MALFORMED",
            "PROXY TCP4 1.2.3.4 5.6.7.8 65536 2\\r\\n|V1_MALFORMED",
            "PROXY TCP4 1.2.3.4 5.6.7.8 080 2\\r\\n|V1_MALFORMED",
            "PROXY UDP4 1.2.3.4 5.6.7.8 1 2\\r\\n|V1_MALFORMED",
            "PROXY TCP4 1.2.3.4 5.6.7.8 1 2"
                    + " xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                    + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\\r\\n|V1_TOO_LONG",
            "hex:0d0a0d0a000d0a5155495420|NOT_A_PROXY_HEADER",
            "hex:" + SIG + "11" + "11" + "000c|V2_VERSION",
            "hex:" + SIG + "22" + "11" + "000c|V2_COMMAND",
            "hex:" + SIG + "21" + "12" + "000c|V2_FAMILY",
            "hex:" + SIG + "21" + "41" + "000c|V2_FAMILY",
            "hex:" + SIG + "21" + "11" + "0008|V2_SHORT_ADDRESSES",
            "hex:" + SIG + "21" + "21" + "000c|V2_SHORT_ADDRESSES",
            // a TLV whose length runs past the address block, and a block that ends inside a TLV's head
            "hex:" + SIG + "21" + "11" + "0012" + "c0000201" + "0a000001" + "dc04" + "1f90" + "200009" + "01000000"
                    + "00|V2_TLV",
            "hex:" + SIG + "21" + "11" + "000e" + "c0000201" + "0a000001" + "dc04" + "1f90" + "2000|V2_TLV",
    })
    void refusesAtEverySplit(String input, Reason expected) {
        byte[] all = bytes(input);
        for (int split = 0; split <= all.length; split++) {
            ProxyHeaderParser parser = new ProxyHeaderParser();
            ByteBuffer first = ByteBuffer.wrap(all, 0, split);
            ByteBuffer rest = ByteBuffer.wrap(all, split, all.length - split);
            int at = split;
            ProxyHeaderException e = assertThrows(ProxyHeaderException.class, () -> {
                if (parser.parse(first) != null || parser.parse(rest) != null) {
                    fail("split " + at + ": parsed");
                }
                fail("split " + at + ": still waiting for bytes");
            }, "split " + split);
            assertEquals(expected, e.reason(), "split " + split);
            assertEquals(expected.message, e.getMessage());
        }
    }

    @Test
    void anIncompleteHeaderWaits() throws Exception {
        ProxyHeaderParser parser = new ProxyHeaderParser();
        assertFalse(parser.hasStarted());
        assertNull(parser.parse(ByteBuffer.wrap(bytes("PROXY TCP4 1.2.3.4"))));
        assertEquals(true, parser.hasStarted());
        assertNull(new ProxyHeaderParser().parse(ByteBuffer.wrap(bytes("hex:" + SIG + "21"))));
    }

    private static String describe(ProxyHeader h) {
        return h.version() + " " + h.source() + " " + h.destination() + (h.ssl() ? " ssl" : "");
    }

    private static byte[] bytes(String input) {
        if (input.startsWith("hex:")) {
            return HexFormat.of().parseHex(input.substring(4));
        }
        return input.replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
