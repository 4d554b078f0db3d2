package dev.sluice.websocket.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.websocket.CloseReason;

/**
 * Fuzzes {@link FrameHeaderGuard}, the one WebSocket frame reader that is Sluice's own (Tyrus parses the rest), with
 * arbitrary client byte streams. Properties: no exception; fed whole, one byte at a time or in two pieces, it stops
 * at the same frame with the same close code; and that verdict is the reference reading of RFC 6455 section 5.2:
 * walking the frames in order, the first unmasked one is 1002 and the first whose payload length (7, 16 or 64 bits,
 * section 5.2) exceeds the limit is 1009; payloads are skipped.
 */
class FrameHeaderGuardFuzzTest {
    private static final long MAX_PAYLOAD = 1000;

    @FuzzTest
    void feed(byte[] input) {
        String expected = reference(input);
        assertEquals(expected, outcome(input, Math.max(1, input.length)), "fed whole");
        assertEquals(expected, outcome(input, 1), "fed one byte at a time");
        assertEquals(expected, outcome(input, Math.max(1, input.length / 3)), "fed in pieces");
    }

    private static String outcome(byte[] input, int piece) {
        FrameHeaderGuard guard = new FrameHeaderGuard(MAX_PAYLOAD);
        // A feed stops after a data message's last byte (fed() tells how many it took), as the reader hands Tyrus
        // one message at a time; the rest of the piece is fed again.
        for (int off = 0; off < input.length; off += guard.fed()) {
            CloseReason r = guard.feed(input, off, Math.min(piece, input.length - off));
            if (r != null) {
                return String.valueOf(r.getCloseCode().getCode());
            }
        }
        return "open";
    }

    /** Frame by frame, without state carried across calls. */
    private static String reference(byte[] b) {
        int p = 0;
        while (p + 2 <= b.length) {
            boolean masked = (b[p + 1] & 0x80) != 0;
            int len7 = b[p + 1] & 0x7F;
            int extended = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
            int headerLength = 2 + extended + (masked ? 4 : 0);
            if (p + headerLength > b.length) {
                return "open";
            }
            long payload = len7;
            if (extended > 0) {
                payload = 0;
                for (int i = 0; i < extended; i++) {
                    payload = (payload << 8) | (b[p + 2 + i] & 0xFF);
                }
            }
            if (!masked) {
                return "1002";
            }
            if (payload > MAX_PAYLOAD) {
                return "1009";
            }
            // a negative 64-bit length is Tyrus's protocol error; the guard then reads the next bytes as a header
            long next = p + headerLength + Math.max(payload, 0);
            if (next >= b.length) {
                return "open";
            }
            p = (int) next;
        }
        return "open";
    }
}
