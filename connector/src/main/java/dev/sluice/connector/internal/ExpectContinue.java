package dev.sluice.connector.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * {@code Expect: 100-continue} (RFC 9110 section 10.1.1): the interim 100 response is sent when the handler first
 * reads the content, never after the final response has begun, and at most once. A handler that answers without
 * reading does not make the client send the content.
 */
final class ExpectContinue {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    private final boolean expected;
    private final Connection connection;
    private final ConnectorContext ctx;
    private final java.util.function.BooleanSupplier committed;
    private boolean sent;

    ExpectContinue(boolean expected, Connection connection, ConnectorContext ctx,
                   java.util.function.BooleanSupplier committed) {
        this.expected = expected;
        this.connection = connection;
        this.ctx = ctx;
        this.committed = committed;
    }

    void beforeFirstRead() throws IOException {
        if (!expected || sent) {
            return;
        }
        if (committed.getAsBoolean()) {
            return; // the final response is under way: a 100 now would be read as its status line
        }
        sent = true;
        connection.uncork(ctx.buffers); // earlier pipelined responses go first
        connection.transport.write(new ByteBuffer[] {ByteBuffer.wrap(CONTINUE)}, 0, 1);
        ctx.stats.bytesOut.add(CONTINUE.length);
    }

    /** Whether the client was told to send the content, or never waited for that. */
    boolean sentOrNotExpected() {
        return !expected || sent;
    }
}
