package dev.sluice.servlet.internal.multipart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A pure, resumable {@code multipart/form-data} parser (RFC 7578 over the syntax of RFC 2046 section 5.1.1):
 * bytes go in at any split through {@link #feed}, parts come out as calls on a {@link Handler}; no streams, no
 * sockets. It buffers at most one input chunk plus a partial delimiter or an unfinished part head, so a body of
 * any size passes through in bounded memory.
 *
 * <pre>
 *  PREAMBLE ──"CRLF--boundary"──► AFTER_DELIMITER ──"--"──► EPILOGUE (ignored; end of body)
 *                                   │ transport padding, CRLF
 *                                   ▼
 *                                HEADERS ──empty line──► BODY ──"CRLF--boundary"──► AFTER_DELIMITER
 * </pre>
 *
 * Not thread-safe: one parser per request body, fed by one thread at a time.
 */
public final class MultipartParser {

    /** Receives the parts in order; each partStarted is followed by content and exactly one partEnded. */
    public interface Handler {
        void partStarted(PartHeaders headers) throws IOException;

        /** Content bytes, valid only during the call. */
        void partContent(byte[] b, int off, int len) throws IOException;

        void partEnded() throws IOException;
    }

    private enum State { PREAMBLE, AFTER_DELIMITER, CLOSE_DASH, PADDING, LINE_FEED, HEADERS, BODY, EPILOGUE }

    private final byte[] delimiter;
    private final int maxHeaderBytes;
    private final int maxHeaderCount;
    private final Handler handler;
    private State state = State.PREAMBLE;
    private byte[] buf = new byte[256];
    private int pos;
    private int end;
    private PartHeaders.Builder head;
    private int headBytes;
    private int maxBuffered;

    /**
     * @param boundary       the boundary parameter of the Content-Type (1 to 70 characters, RFC 2046 5.1.1)
     * @param maxHeaderBytes most bytes of one part's header block; past it a 400
     * @param maxHeaderCount most header fields in one part; past it a 400
     */
    public MultipartParser(String boundary, int maxHeaderBytes, int maxHeaderCount, Handler handler) {
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxHeaderCount = maxHeaderCount;
        this.handler = handler;
        // The first delimiter may open the body without a preceding CRLF (RFC 2046 5.1.1: the CRLF before it
        // belongs to the preamble, which may be empty); a virtual CRLF lets one search serve both cases.
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /** Parses {@code len} more bytes of the body. */
    public void feed(byte[] b, int off, int len) throws IOException {
        append(b, off, len);
        while (step()) {
            // each step consumes input or changes state
        }
        maxBuffered = Math.max(maxBuffered, end - pos);
    }

    /** The body ended: it must have ended with the close delimiter (RFC 2046 5.1.1). */
    public void endOfInput() throws MalformedMultipartException {
        if (state != State.EPILOGUE) {
            throw new MalformedMultipartException("Multipart body ended before its closing boundary");
        }
    }

    public boolean isComplete() {
        return state == State.EPILOGUE;
    }

    /** The most bytes held between two feeds so far (a test and a bound, not a tuning knob). */
    public int maxBuffered() {
        return maxBuffered;
    }

    /** Capacity of the internal buffer: input chunk plus carry-over. */
    public int bufferCapacity() {
        return buf.length;
    }

    private void append(byte[] b, int off, int len) {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
        }
        if (end + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(end + len, buf.length * 2));
        }
        System.arraycopy(b, off, buf, end, len);
        end += len;
    }

    /** One step of the state machine; false when it needs more input. */
    private boolean step() throws IOException {
        return switch (state) {
            case PREAMBLE, BODY -> scanForDelimiter();
            case AFTER_DELIMITER -> afterDelimiter();
            case CLOSE_DASH -> closeDash();
            case PADDING -> padding();
            case LINE_FEED -> lineFeed();
            case HEADERS -> headerLine();
            case EPILOGUE -> {
                pos = end; // RFC 2046 5.1.1: the epilogue is ignored
                yield false;
            }
        };
    }

    /** Passes content (or skips preamble) up to the next delimiter, holding back a possible partial one. */
    private boolean scanForDelimiter() throws IOException {
        int found = indexOfDelimiter();
        int contentEnd = found >= 0 ? found : partialDelimiterStart();
        if (state == State.BODY && contentEnd > pos) {
            handler.partContent(buf, pos, contentEnd - pos);
        }
        if (found < 0) {
            pos = contentEnd;
            return false;
        }
        if (state == State.BODY) {
            handler.partEnded();
        }
        pos = found + delimiter.length;
        state = State.AFTER_DELIMITER;
        return true;
    }

    private int indexOfDelimiter() {
        byte first = delimiter[0];
        int last = end - delimiter.length;
        outer:
        for (int i = pos; i <= last; i++) {
            if (buf[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Where a tail of the buffer that could still become a delimiter begins (end if none). */
    private int partialDelimiterStart() {
        for (int i = Math.max(pos, end - delimiter.length + 1); i < end; i++) {
            if (buf[i] == delimiter[0] && Arrays.equals(buf, i, end, delimiter, 0, end - i)) {
                return i;
            }
        }
        return end;
    }

    /** After the boundary: "--" closes the body; otherwise transport padding and CRLF open a part. */
    private boolean afterDelimiter() {
        if (pos == end) {
            return false;
        }
        if (buf[pos] == '-') {
            pos++;
            state = State.CLOSE_DASH;
        } else {
            state = State.PADDING;
        }
        return true;
    }

    private boolean closeDash() throws MalformedMultipartException {
        if (pos == end) {
            return false;
        }
        if (buf[pos++] != '-') {
            throw new MalformedMultipartException("Unexpected bytes after a multipart boundary");
        }
        state = State.EPILOGUE;
        return true;
    }

    /** RFC 2046 5.1.1 transport-padding: linear white space the sender may add before the CRLF. */
    private boolean padding() throws MalformedMultipartException {
        while (pos < end) {
            byte c = buf[pos++];
            if (c == '\r') {
                state = State.LINE_FEED;
                return true;
            }
            if (c != ' ' && c != '\t') {
                throw new MalformedMultipartException("Unexpected bytes after a multipart boundary");
            }
        }
        return false;
    }

    private boolean lineFeed() throws MalformedMultipartException {
        if (pos == end) {
            return false;
        }
        if (buf[pos++] != '\n') {
            throw new MalformedMultipartException("Unexpected bytes after a multipart boundary");
        }
        head = new PartHeaders.Builder();
        headBytes = 0;
        state = State.HEADERS;
        return true;
    }

    /** One CRLF-terminated header line; an empty line ends the part's head (RFC 2046 5.1.1, RFC 5322 2.2). */
    private boolean headerLine() throws IOException {
        int lf = -1;
        for (int i = pos; i < end; i++) {
            if (buf[i] == '\n') {
                lf = i;
                break;
            }
        }
        if (lf < 0) {
            if (headBytes + (end - pos) > maxHeaderBytes) {
                throw tooLargeHead();
            }
            return false;
        }
        headBytes += lf + 1 - pos;
        if (headBytes > maxHeaderBytes) {
            throw tooLargeHead();
        }
        if (lf == pos || buf[lf - 1] != '\r') {
            throw new MalformedMultipartException("Multipart part header line not ended by CRLF");
        }
        int lineEnd = lf - 1;
        if (lineEnd == pos) {
            pos = lf + 1;
            PartHeaders headers = head.build();
            head = null;
            state = State.BODY;
            handler.partStarted(headers);
            return true;
        }
        if (buf[pos] == ' ' || buf[pos] == '\t') {
            head.continueLast(buf, pos, lineEnd); // obsolete line folding: joined with one space
        } else {
            if (head.count() >= maxHeaderCount) {
                throw new MalformedMultipartException("More than " + maxHeaderCount + " headers in a multipart part");
            }
            head.add(buf, pos, lineEnd);
        }
        pos = lf + 1;
        return true;
    }

    private MalformedMultipartException tooLargeHead() {
        return new MalformedMultipartException(dev.sluice.servlet.internal.caps.Cap.PART_HEADER_BYTES,
                "Multipart part headers larger than " + maxHeaderBytes + " bytes");
    }
}
