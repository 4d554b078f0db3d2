package dev.sluice.connector.internal;

import dev.sluice.core.Headers;
import dev.sluice.core.HttpException;
import dev.sluice.core.Tokens;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the chunked transfer coding (RFC 9112 section 7.1): chunk sizes in hex, extensions ignored, data
 * copied out, trailer fields collected. Pure and resumable at any byte split, like the head parser.
 */
final class ChunkedDecoder {
    /** Longest chunk-size line (size plus ignored extensions) we accept. */
    static final int MAX_SIZE_LINE = 1024;

    private enum State { SIZE, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF, TRAILER, DONE }

    private final int maxTrailerBytes;
    private final Headers trailers;
    private State state = State.SIZE;
    private long chunkRemaining;
    private int sizeDigits;
    private int lineLength;
    private int trailerBytes;
    private byte[] trailerLine;
    private boolean sawCr;

    ChunkedDecoder(int maxTrailerBytes, Headers trailers) {
        this.maxTrailerBytes = maxTrailerBytes;
        this.trailers = trailers;
    }

    boolean isDone() {
        return state == State.DONE;
    }

    /**
     * Decodes from {@code in} into {@code out[off, off+len)}.
     *
     * @return bytes of content produced; 0 when {@code in} is exhausted first or the body ended
     * @throws HttpException 400 for malformed coding
     */
    int decode(ByteBuffer in, byte[] out, int off, int len) {
        int produced = 0;
        while (in.hasRemaining() && state != State.DONE) {
            if (state == State.DATA) {
                if (produced == len) {
                    return produced;
                }
                int n = (int) Math.min(Math.min(chunkRemaining, in.remaining()), len - produced);
                in.get(out, off + produced, n);
                produced += n;
                chunkRemaining -= n;
                if (chunkRemaining == 0) {
                    state = State.DATA_CR;
                }
                continue;
            }
            byte b = in.get();
            switch (state) {
                case SIZE -> size(b);
                case EXTENSION -> extension(b);
                case SIZE_LF -> {
                    if (b != '\n') {
                        throw bad("Bare CR in chunk size line");
                    }
                    endOfSizeLine();
                }
                case DATA_CR -> {
                    if (b == '\n') {
                        state = State.SIZE; // bare LF tolerated (RFC 9112 section 2.2)
                    } else if (b == '\r') {
                        state = State.DATA_LF;
                    } else {
                        throw bad("Chunk data longer than its size");
                    }
                }
                case DATA_LF -> {
                    if (b != '\n') {
                        throw bad("Bare CR after chunk data");
                    }
                    state = State.SIZE;
                }
                case TRAILER -> trailer(b);
                default -> throw new IllegalStateException(state.name());
            }
        }
        return produced;
    }

    private void size(byte b) {
        int digit = Character.digit(b, 16);
        if (digit >= 0) {
            if (++sizeDigits > 15) {
                throw bad("Chunk size too large");
            }
            chunkRemaining = chunkRemaining * 16 + digit;
            lineLength++;
            return;
        }
        if (sizeDigits == 0) {
            throw bad("Invalid chunk size");
        }
        if (b == ';' || b == ' ' || b == '\t') {
            state = State.EXTENSION;
            lineLength++;
        } else if (b == '\r') {
            state = State.SIZE_LF;
        } else if (b == '\n') {
            endOfSizeLine();
        } else {
            throw bad("Invalid chunk size");
        }
    }

    /** Chunk extensions are ignored (section 7.1.1), but bounded and free of control characters. */
    private void extension(byte b) {
        if (b == '\r') {
            state = State.SIZE_LF;
        } else if (b == '\n') {
            endOfSizeLine();
        } else if ((b >= 0 && b < 0x20 && b != '\t') || b == 0x7F) {
            throw bad("Control character in chunk extension");
        } else if (++lineLength > MAX_SIZE_LINE) {
            throw bad("Chunk extension too long");
        }
    }

    private void endOfSizeLine() {
        sizeDigits = 0;
        lineLength = 0;
        if (chunkRemaining == 0) {
            state = State.TRAILER;
            trailerLine = new byte[64];
        } else {
            state = State.DATA;
        }
    }

    /** {@code trailer-section = *( field-line CRLF ) CRLF} (section 7.1.2). */
    private void trailer(byte b) {
        if (b == '\r') {
            if (sawCr) {
                throw bad("Bare CR in trailer");
            }
            sawCr = true;
            return;
        }
        if (b != '\n') {
            if (sawCr) {
                throw bad("Bare CR in trailer");
            }
            if (++trailerBytes > maxTrailerBytes) {
                throw bad("Trailer section too large");
            }
            if (lineLength == trailerLine.length) {
                trailerLine = java.util.Arrays.copyOf(trailerLine, lineLength * 2);
            }
            trailerLine[lineLength++] = b;
            return;
        }
        sawCr = false;
        if (lineLength == 0) {
            state = State.DONE;
            trailerLine = null;
            return;
        }
        int colon = 0;
        while (colon < lineLength && trailerLine[colon] != ':') {
            if (!Tokens.isTokenChar(trailerLine[colon])) {
                throw bad("Invalid trailer field name");
            }
            colon++;
        }
        if (colon == 0 || colon == lineLength) {
            throw bad("Malformed trailer field");
        }
        int start = colon + 1;
        int end = lineLength;
        while (start < end && (trailerLine[start] == ' ' || trailerLine[start] == '\t')) {
            start++;
        }
        while (end > start && (trailerLine[end - 1] == ' ' || trailerLine[end - 1] == '\t')) {
            end--;
        }
        for (int i = start; i < end; i++) {
            int c = trailerLine[i] & 0xFF;
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw bad("Control character in trailer field");
            }
        }
        trailers.add(new String(trailerLine, 0, colon, StandardCharsets.ISO_8859_1),
                new String(trailerLine, start, end - start, StandardCharsets.ISO_8859_1));
        lineLength = 0;
    }

    private static HttpException bad(String message) {
        return HttpException.badRequest(message);
    }
}
