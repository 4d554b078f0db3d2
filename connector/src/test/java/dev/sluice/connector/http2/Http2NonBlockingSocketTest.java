package dev.sluice.connector.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import dev.sluice.connector.internal.http2.Frame;
import dev.sluice.connector.internal.http2.FrameWriter;
import dev.sluice.connector.internal.http2.Settings;
import dev.sluice.core.Handler;
import dev.sluice.core.IoCallback;
import dev.sluice.core.Limits;
import dev.sluice.core.NonBlockingInput;
import dev.sluice.core.NonBlockingOutput;
import dev.sluice.core.Request;
import dev.sluice.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Non-blocking request and response content per HTTP/2 stream: no thread waits for the client. */
class Http2NonBlockingSocketTest {
    private HttpConnector connector;

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    /** Reads the whole content without blocking, then writes {@code size} bytes of it back, non-blocking. */
    static final class EchoLength implements Handler {
        final int size;

        EchoLength(int size) {
            this.size = size;
        }

        @Override
        public void handle(Request request, Response response) {
            response.suspend();
            NonBlockingInput in = request.nonBlockingBody();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            in.awaitReadable(new IoCallback() {
                @Override
                public void onReady() {
                    byte[] b = new byte[4096];
                    try {
                        int n;
                        while ((n = in.read(b, 0, b.length)) > 0) {
                            got.write(b, 0, n);
                        }
                        if (n < 0) {
                            write(response, ("read " + got.size() + "\n").getBytes(StandardCharsets.US_ASCII));
                        } else {
                            in.awaitReadable(this);
                        }
                    } catch (IOException e) {
                        onError(e);
                    }
                }

                @Override
                public void onError(Throwable failure) {
                    response.complete();
                }
            });
        }

        private void write(Response response, byte[] first) throws IOException {
            NonBlockingOutput out = response.nonBlockingBody();
            OutputStream body = response.body();
            body.write(first);
            int[] left = {size};
            IoCallback pump = new IoCallback() {
                @Override
                public void onReady() {
                    try {
                        byte[] chunk = new byte[8192];
                        java.util.Arrays.fill(chunk, (byte) 'n');
                        while (left[0] > 0 && out.isReady()) {
                            int n = Math.min(chunk.length, left[0]);
                            body.write(chunk, 0, n);
                            left[0] -= n;
                        }
                        if (left[0] > 0 || !out.isReady()) {
                            if (left[0] == 0) {
                                response.complete();
                                return;
                            }
                            out.awaitWritable(this);
                        } else {
                            response.complete();
                        }
                    } catch (IOException e) {
                        onError(e);
                    }
                }

                @Override
                public void onError(Throwable failure) {
                    response.complete();
                }
            };
            pump.onReady();
        }
    }

    @Test
    void nonBlockingUploadAndDownloadFollowFlowControl() throws Exception {
        connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(new EchoLength(300_000)).build();
        connector.start();
        try (H2Client c = H2Client.connect(connector.localAddress())) {
            byte[] part = new byte[16_000];
            c.send(c.request(1, "POST", "/", false));
            for (int i = 0; i < 4; i++) { // 64,000 bytes: within the 65,535-byte stream window
                c.send(FrameWriter.data(1, part, 0, part.length, i == 3));
            }
            H2Client.Response r = c.response(1); // the client grants window as it reads
            assertEquals("200", r.status());
            String text = r.text();
            assertTrue(text.startsWith("read 64000\n"), text.substring(0, 20));
            assertEquals(11 + 300_000, r.body().length);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (connector.metrics().busyWorkers() != 0 || connector.metrics().activeStreams() != 0) {
                assertTrue(System.nanoTime() < deadline, "the callback thread and the stream end");
                Thread.sleep(5);
            }
        }
    }

    /** A non-blocking writer whose client never grants window is told of the failure at the write timeout. */
    @Test
    void stalledNonBlockingWriterFailsAtTheWriteTimeout() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch failed = new CountDownLatch(1);
        connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .limits(Limits.builder().writeTimeout(Duration.ofMillis(400)).build())
                .handler((request, response) -> {
                    response.suspend();
                    NonBlockingOutput out = response.nonBlockingBody();
                    response.body().write(new byte[50_000]);
                    out.awaitWritable(new IoCallback() {
                        @Override
                        public void onReady() {
                            response.complete();
                        }

                        @Override
                        public void onError(Throwable t) {
                            failure.set(t);
                            failed.countDown();
                            response.complete(); // finishing then fails too, and the stream is reset
                        }
                    });
                }).build();
        connector.start();
        try (H2Client c = H2Client.connect(connector.localAddress(), Settings.INITIAL_WINDOW_SIZE, 0)) {
            c.autoWindow = false;
            c.send(c.request(1, "GET", "/", true));
            assertTrue(failed.await(10, TimeUnit.SECONDS));
            assertTrue(failure.get() instanceof java.net.SocketTimeoutException, String.valueOf(failure.get()));
            assertEquals(Frame.HEADERS, c.nextFor(1).type());
        }
    }
}
