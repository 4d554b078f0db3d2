package dev.sluice.lab;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Drives one connection at a time for one thread: opens it when needed, writes a batch of requests, reads
 * their responses and reports each outcome. A connection is kept only while both sides want it to persist.
 */
final class ConnectionDriver {
    /** How {@link #exchangeRetryingStale()} ended. */
    enum Result { ANSWERED, FAILED, NO_CONNECTION }

    private final RunContext ctx;
    private ClientConnection connection;
    private boolean reused;
    private boolean lastFailedBeforeAnswer;

    ConnectionDriver(RunContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Sends {@code n} requests back to back and reads their answers.
     *
     * @param intendedNanos when the batch was due (open loop), or {@code Long.MIN_VALUE} to measure from the
     *                      actual send (closed loop)
     * @return false when no connection could be made
     */
    boolean exchange(int n, long intendedNanos) {
        RunRecorder rec = ctx.recorder;
        reused = connection != null;
        lastFailedBeforeAnswer = false;
        if (connection == null) {
            try {
                connection = ClientConnection.open(ctx.config.target(), ctx.connectTimeoutMillis(), ctx.sockets);
                rec.count(Count.CONNECTIONS_OPENED, 1, System.nanoTime());
            } catch (IOException e) {
                rec.count(ctx.stopped() ? Count.ABANDONED : RunRecorder.connectFailure(e), n, System.nanoTime());
                return false;
            }
        }
        byte[] batch = batch(n);
        long sent = System.nanoTime();
        long start = intendedNanos == Long.MIN_VALUE ? sent : intendedNanos;
        int answered = 0;
        boolean keep = ctx.config.keepAlive();
        try {
            connection.send(batch);
            rec.count(Count.SENT, n, sent);
            while (answered < n) {
                ResponseReader.Response r = connection.read(ctx.readTimeoutMillis());
                rec.response(r, start, sent, System.nanoTime());
                answered++;
                if (!r.persistent()) {
                    keep = false;
                    break;
                }
            }
            // Pipelined requests behind a response that closed the connection were never answered.
            rec.count(Count.CLOSED, n - answered, System.nanoTime());
        } catch (IOException e) {
            Count c = ctx.stopped() ? Count.ABANDONED : RunRecorder.exchangeFailure(e);
            rec.count(c, n - answered, System.nanoTime());
            lastFailedBeforeAnswer = answered == 0 && (c == Count.CLOSED || c == Count.RESET);
            keep = false;
        }
        if (!keep) {
            close();
        }
        return true;
    }

    /**
     * One request; when it fails before any answer on a connection that was reused (the server closed it while
     * it was idle), it is retried once on a new connection, as browsers do (RFC 9112 section 9.3.1 allows
     * retrying idempotent requests). The failed attempt stays counted.
     */
    Result exchangeRetryingStale() {
        if (!exchange(1, Long.MIN_VALUE)) {
            return Result.NO_CONNECTION;
        }
        boolean stale = reused && lastFailedBeforeAnswer;
        if (stale && !ctx.stopped()) {
            return exchange(1, Long.MIN_VALUE) ? Result.ANSWERED : Result.NO_CONNECTION;
        }
        return lastFailedBeforeAnswer ? Result.FAILED : Result.ANSWERED;
    }

    private byte[] batch(int n) {
        RequestEncoder enc = ctx.encoder;
        RequestMix mix = ctx.config.mix();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (n == 1) {
            return enc.request(mix.pick(random));
        }
        byte[][] parts = new byte[n][];
        int length = 0;
        for (int i = 0; i < n; i++) {
            parts[i] = enc.request(mix.pick(random));
            length += parts[i].length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
