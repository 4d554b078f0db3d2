package dev.sluice.connector.internal.http2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frames written by FrameWriter and read back by FrameReader, fed at every split (RFC 9113 section 4). */
class FrameCodecTest {
    static List<Frame> readAll(FrameReader r, ByteBuffer in) throws Http2Exception {
        List<Frame> out = new ArrayList<>();
        Frame f;
        while ((f = r.next(in)) != null) {
            out.add(f);
        }
        return out;
    }

    static ByteBuffer concat(ByteBuffer... parts) {
        int n = 0;
        for (ByteBuffer p : parts) {
            n += p.remaining();
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (ByteBuffer p : parts) {
            b.put(p.duplicate());
        }
        return b.flip();
    }

    @Test
    void everyFrameSurvivesEverySplit() throws Exception {
        byte[] body = "hello".getBytes();
        ByteBuffer wire = concat(FrameWriter.settings(Settings.MAX_CONCURRENT_STREAMS, 100),
                FrameWriter.ping(true, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}),
                FrameWriter.data(3, body, 0, body.length, true),
                FrameWriter.windowUpdate(0, 1000), FrameWriter.rstStream(5, Http2Error.CANCEL),
                FrameWriter.goAway(7, Http2Error.ENHANCE_YOUR_CALM, "calm"), FrameWriter.settingsAck());
        for (int split = 0; split <= wire.remaining(); split++) {
            FrameReader r = new FrameReader(16384);
            ByteBuffer a = wire.duplicate().limit(split);
            ByteBuffer b = wire.duplicate().position(split);
            List<Frame> frames = readAll(r, a);
            frames.addAll(readAll(r, b));
            assertEquals(7, frames.size(), "split at " + split);
            Frame settings = frames.get(0);
            assertEquals(Frame.SETTINGS, settings.type(), "split at " + split);
            assertEquals(6, settings.length());
            Frame ping = frames.get(1);
            assertTrue(ping.has(Frame.FLAG_ACK));
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, ping.payload());
            Frame data = frames.get(2);
            assertEquals(3, data.streamId());
            assertTrue(data.has(Frame.FLAG_END_STREAM));
            assertArrayEquals(body, data.payload());
            assertEquals(1000, frames.get(3).int31(0));
            assertEquals(5, frames.get(4).streamId());
            assertEquals(Http2Error.CANCEL.code(), frames.get(4).int32(0));
            Frame goAway = frames.get(5);
            assertEquals(7, goAway.int31(0));
            assertEquals(Http2Error.ENHANCE_YOUR_CALM.code(), goAway.int32(4));
            assertEquals(Frame.SETTINGS, frames.get(6).type());
            assertTrue(frames.get(6).has(Frame.FLAG_ACK));
        }
    }

    @Test
    void reservedBitOfTheStreamIdIsIgnored() throws Exception {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 0, (byte) 0x80, 0, 0, 1});
        assertEquals(1, new FrameReader(16384).next(b).streamId());
    }

    @Test
    void oversizedFrameIsRefusedFromItsHeader() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {0, 0x40, 1, 0, 0, 0, 0, 0, 1}); // 16385 bytes
        Http2Exception e = assertThrows(Http2Exception.class, () -> new FrameReader(16384).next(b));
        assertEquals(Http2Error.FRAME_SIZE_ERROR, e.error());
        assertTrue(e.isConnectionError());
    }

    @Test
    void headersSplitIntoContinuations() throws Exception {
        byte[] block = new byte[40_000];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) i;
        }
        List<Frame> frames = readAll(new FrameReader(16384), FrameWriter.headers(1, block, true, 16384));
        assertEquals(3, frames.size());
        assertEquals(Frame.HEADERS, frames.get(0).type());
        assertTrue(frames.get(0).has(Frame.FLAG_END_STREAM));
        assertEquals(Frame.CONTINUATION, frames.get(1).type());
        assertEquals(Frame.CONTINUATION, frames.get(2).type());
        assertTrue(frames.get(2).has(Frame.FLAG_END_HEADERS));
        assertEquals(0, frames.get(1).flags());
        ByteBuffer joined = ByteBuffer.allocate(block.length);
        frames.forEach(f -> joined.put(f.payload()));
        assertArrayEquals(block, joined.array());
    }

    @Test
    void partialFrameWaits() throws Exception {
        FrameReader r = new FrameReader(16384);
        assertNull(r.next(ByteBuffer.wrap(new byte[] {0, 0, 4})));
        assertTrue(r.inFrame());
    }

    @Test
    void settingsAreCheckedAsSection652Says() throws Exception {
        Settings s = new Settings();
        assertEquals(-65535 + 100, s.apply(frame(FrameWriter.settings(Settings.INITIAL_WINDOW_SIZE, 100)))
                .windowDelta());
        assertEquals(100, s.initialWindowSize());
        assertEquals(Http2Error.FLOW_CONTROL_ERROR, assertThrows(Http2Exception.class,
                () -> s.apply(frame(FrameWriter.settings(Settings.INITIAL_WINDOW_SIZE, 0x8000_0000)))).error());
        assertEquals(Http2Error.PROTOCOL_ERROR, assertThrows(Http2Exception.class,
                () -> s.apply(frame(FrameWriter.settings(Settings.MAX_FRAME_SIZE, 16383)))).error());
        assertEquals(Http2Error.PROTOCOL_ERROR, assertThrows(Http2Exception.class,
                () -> s.apply(frame(FrameWriter.settings(Settings.ENABLE_PUSH, 2)))).error());
        assertEquals(Http2Error.FRAME_SIZE_ERROR, assertThrows(Http2Exception.class,
                () -> s.apply(new Frame(Frame.SETTINGS, 0, 0, new byte[5]))).error());
        s.apply(frame(FrameWriter.settings(0x99, 7, Settings.MAX_FRAME_SIZE, 65536))); // unknown ignored
        assertEquals(65536, s.maxFrameSize());
    }

    private static Frame frame(ByteBuffer b) throws Http2Exception {
        return new FrameReader(1 << 20).next(b);
    }
}
