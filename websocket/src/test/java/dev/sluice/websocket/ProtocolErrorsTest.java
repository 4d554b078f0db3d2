package dev.sluice.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.websocket.app.EchoEndpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken frames sent over a raw socket get the RFC 6455 answer, a close frame with the right code followed by
 * the end of the connection, never a stuck or crashed connection.
 */
class ProtocolErrorsTest {
    private static final int FIN_TEXT = 0x81;
    private static final int FIN_BINARY = 0x82;

    @TempDir
    static Path dir;
    static WsServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WsServer.start(dir, "raw", """
                <context-param>
                  <param-name>dev.sluice.websocket.maxFrameBytes</param-name><param-value>65536</param-value>
                </context-param>""", EchoEndpoint.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private RawSocket open() throws Exception {
        return RawSocket.open(server.port(), server.contextPath + "/echo");
    }

    @Test
    void aMaskedTextFrameIsEchoedUnmasked() throws Exception {
        try (RawSocket s = open()) {
            s.frame(FIN_TEXT, "hi".getBytes(StandardCharsets.UTF_8), true);
            assertEquals(FIN_TEXT, s.in.read());
            assertEquals(2, s.in.read()); // no mask bit from the server (RFC 6455 section 5.1)
            assertEquals("hi", new String(s.in.readNBytes(2), StandardCharsets.UTF_8));
        }
    }

    /** RFC 6455 section 5.1: a server closes the connection on an unmasked client frame (1002). */
    @Test
    void unmaskedClientFrame() throws Exception {
        try (RawSocket s = open()) {
            s.frame(FIN_TEXT, "hi".getBytes(StandardCharsets.UTF_8), false);
            assertEquals("1002 Client frames must be masked", s.closeFrame());
        }
    }

    /** Section 5.2: a reserved bit without a negotiated extension. */
    @Test
    void reservedBitSet() throws Exception {
        try (RawSocket s = open()) {
            s.frame(FIN_TEXT | 0x40, "hi".getBytes(StandardCharsets.UTF_8), true);
            assertTrue(s.closeFrame().startsWith("1002 "));
        }
    }

    /** Section 5.2: opcodes 0x3-0x7 and 0xB-0xF are reserved. */
    @Test
    void reservedOpcodes() throws Exception {
        for (int opcode : new int[] {0x3, 0xB}) {
            try (RawSocket s = open()) {
                s.frame(0x80 | opcode, new byte[] {1}, true);
                assertTrue(s.closeFrame().startsWith("1002 "), "opcode " + opcode);
            }
        }
    }

    /** Section 5.5: control frames must not be fragmented. */
    @Test
    void fragmentedPing() throws Exception {
        try (RawSocket s = open()) {
            s.frame(0x09, "x".getBytes(StandardCharsets.UTF_8), true); // ping without FIN
            assertTrue(s.closeFrame().startsWith("1002 "));
        }
    }

    /** Section 8.1: text must be valid UTF-8 (1007). */
    @Test
    void invalidUtf8Text() throws Exception {
        try (RawSocket s = open()) {
            s.frame(FIN_TEXT, new byte[] {'a', (byte) 0xC3, (byte) 0x28}, true);
            assertTrue(s.closeFrame().startsWith("1007 "));
        }
    }

    /** A frame over the webapp's maxFrameBytes is refused from its header alone (1009), its payload unsent. */
    @Test
    void oversizeFrame() throws Exception {
        try (RawSocket s = open()) {
            // Header only: 127 + 64-bit length of 1 GiB, mask key; no payload follows.
            s.raw(new byte[] {(byte) FIN_BINARY, (byte) (0x80 | 127), 0, 0, 0, 0, 0x40, 0, 0, 0, 1, 2, 3, 4});
            assertEquals("1009 Frame of 1073741824 bytes is larger than 65536", s.closeFrame());
        }
    }

    /** A frame at the limit still passes. */
    @Test
    void frameAtTheLimit() throws Exception {
        try (RawSocket s = open()) {
            s.frame(FIN_BINARY, new byte[65536], true);
            assertEquals(FIN_BINARY, s.in.read());
            assertEquals(127, s.in.read()); // 64-bit length, unmasked
            byte[] length = s.in.readNBytes(8);
            assertEquals(1, length[5]); // 0x0000000000010000
            assertEquals(65536, s.in.readNBytes(65536).length);
        }
    }

    /** Section 5.5.1: the server answers a close frame with a close frame and ends the connection. */
    @Test
    void closeHandshake() throws Exception {
        try (RawSocket s = open()) {
            s.frame(0x88, new byte[] {0x03, (byte) 0xE8, 'o', 'k'}, true);
            assertEquals("1000 ok", s.closeFrame());
        }
    }

    /**
     * Section 7.1.5: the client vanishing without a close frame ends the session, the endpoint's {@code @OnClose}
     * hears 1006 (CLOSED_ABNORMALLY, section 7.4.1), and the slot is freed.
     */
    @Test
    void closeWithoutHandshake() throws Exception {
        // Earlier tests' sockets may still be closing on the server; this test's session is then the only one.
        Waits.until(() -> openSessions() == 0, "no open sessions");
        RawSocket s = open();
        Waits.until(() -> openSessions() == 1, "one open session");
        s.frame(FIN_TEXT, "name:abrupt".getBytes(StandardCharsets.UTF_8), true);
        assertEquals("named", new String(s.in.readNBytes(7), StandardCharsets.UTF_8).substring(2));
        s.socket.shutdownOutput();
        s.in.readAllBytes(); // until the server closed too (Tyrus may first send a close frame)
        s.close();
        Waits.until(() -> openSessions() == 0, "no open sessions");
        // @OnClose runs right after the session is counted out: ask until it has been heard
        Client observer = Client.open(server.ws("/echo"));
        String[] closes = {""};
        Waits.until(() -> !(closes[0] = closesHeard(observer)).isEmpty(), "the endpoint's @OnClose");
        assertEquals("abrupt=1006", closes[0]);
    }

    private static String closesHeard(Client observer) {
        try {
            return observer.send("closes").substring("text:".length());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long openSessions() {
        return server.module.figures().get("websocket_sessions_open");
    }
}
