package dev.sluice.connector.internal;

import dev.sluice.core.Headers;
import dev.sluice.core.HttpException;
import dev.sluice.core.HttpVersion;
import dev.sluice.core.Method;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Status;
import dev.sluice.core.Tokens;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Incremental parser of one request head (RFC 9112 sections 2 to 5): bytes in, a {@link RequestHead} or an
 * {@link HttpException} out. Pure: no sockets, no threads. Resumable at any byte split: {@link #parse} consumes
 * what it is given and keeps the unfinished line, so a head may arrive one byte at a time.
 *
 * <p>Bytes are scanned for line ends and copied in bulk into one line buffer that is reused for the life of the
 * connection; a line is validated once it is complete. Nothing is allocated per byte; per head, only the request's
 * own objects (target, header values, the {@link Headers}, the {@link RequestHead}) are. Frequent header names and
 * the standard methods are shared constants.
 *
 * <p>Not thread-safe: owned by one connection, used by whichever thread owns the connection.
 */
public final class RequestHeadParser {
    /** Empty lines tolerated before a request line (section 2.2 asks for at least one). */
    static final int MAX_EMPTY_LINES = 16;
    /** {@code tchar} of RFC 9110 section 5.6.2, indexed by unsigned byte. */
    private static final boolean[] TCHAR = new boolean[256];

    static {
        for (int c = 0; c < 128; c++) {
            TCHAR[c] = Tokens.isTokenChar(c);
        }
    }

    /**
     * Returned by {@link #parse} for the start of the HTTP/2 connection preface, {@code PRI * HTTP/2.0} and an
     * empty line (RFC 9113 section 3.4): the caller switches the connection to HTTP/2 (h2c by prior knowledge).
     */
    static final RequestHead HTTP2_PREFACE = RequestHead.of(Method.of("PRI"), "/", HttpVersion.HTTP_2_0,
            new Headers(0));
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int maxRequestLine;
    private final int maxHeaderBytes;
    private final int maxHeaderCount;
    private final int maxHeaderValueBytes;

    private byte[] line = new byte[128];
    private int length;
    private boolean sawCr;
    private boolean inHeaders;
    private int emptyLines;
    private int headerBytes;

    private Method method;
    private String target;
    private HttpVersion version;
    private Headers headers;

    public RequestHeadParser(int maxRequestLine, int maxHeaderBytes, int maxHeaderCount) {
        this(maxRequestLine, maxHeaderBytes, maxHeaderCount, maxHeaderBytes);
    }

    /** @param maxHeaderValueBytes most bytes in the values of one field name, its lines together; past it 431 */
    public RequestHeadParser(int maxRequestLine, int maxHeaderBytes, int maxHeaderCount, int maxHeaderValueBytes) {
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxHeaderCount = maxHeaderCount;
        this.maxHeaderValueBytes = maxHeaderValueBytes;
    }

    /**
     * Consumes bytes of {@code in} up to the end of a head. On success the buffer's position is just past the
     * head's final empty line (the body or the next request begin there) and the parser is reset for the next
     * head.
     *
     * @return the head, or null when every remaining byte was consumed and the head is not complete yet
     * @throws HttpException 400, 414, 431 or 505 for a head that cannot be served; the parser must not be used
     *                       again for this connection
     */
    public RequestHead parse(ByteBuffer in) {
        if (!in.hasArray()) {
            return parseDirect(in);
        }
        byte[] a = in.array();
        int offset = in.arrayOffset();
        int pos = in.position() + offset;
        int limit = in.limit() + offset;
        while (pos < limit) {
            if (sawCr) {
                // the previous buffer ended in CR: only LF may follow (RFC 9112 section 2.2)
                if (a[pos] != '\n') {
                    throw HttpException.badRequest("Bare CR in request head");
                }
                pos++;
                sawCr = false;
                RequestHead head = endOfLine(line, 0, length);
                if (head != null) {
                    in.position(pos - offset);
                    return head;
                }
                continue;
            }
            int start = pos;
            // one pass finds the line end and refuses control characters (HTAB is allowed): eight bytes at a
            // time while none of them is below 0x20 or DEL, then byte by byte
            while (pos + 8 <= limit && !hasControl((long) LONGS.get(a, pos))) {
                pos += 8;
            }
            while (pos < limit) {
                int c = a[pos] & 0xFF;
                if ((c < 0x20 && c != '\t') || c == 0x7F) {
                    break;
                }
                pos++;
            }
            if (pos == limit) {
                append(a, start, pos - start);
                break;
            }
            byte b = a[pos];
            if (b != '\n' && b != '\r') {
                checkLength(pos - start);
                throw HttpException.badRequest(inHeaders ? "Control character in header field"
                        : "Control character in request line");
            }
            pos++;
            if (b == '\r') {
                if (pos == limit) {
                    append(a, start, pos - 1 - start);
                    sawCr = true;
                    break;
                }
                if (a[pos] != '\n') {
                    checkLength(pos - 1 - start);
                    throw HttpException.badRequest("Bare CR in request head");
                }
                pos++;
            }
            int end = pos - (b == '\r' ? 2 : 1);
            RequestHead head;
            if (length == 0) {
                head = endOfLine(a, start, end - start); // the common case: the whole line is in this buffer
            } else {
                append(a, start, end - start);
                head = endOfLine(line, 0, length);
            }
            if (head != null) {
                in.position(pos - offset);
                return head;
            }
        }
        in.position(limit - offset);
        return null;
    }

    /** The slow path for direct buffers: copies them through a small array. */
    private RequestHead parseDirect(ByteBuffer in) {
        byte[] chunk = new byte[Math.min(in.remaining(), 4096)];
        while (in.hasRemaining()) {
            int n = Math.min(chunk.length, in.remaining());
            int start = in.position();
            in.get(chunk, 0, n);
            ByteBuffer heap = ByteBuffer.wrap(chunk, 0, n);
            RequestHead head = parse(heap);
            if (head != null) {
                in.position(start + heap.position());
                return head;
            }
        }
        return null;
    }

    /** Whether any byte of a request (other than tolerated empty lines) arrived since the last complete head. */
    public boolean hasStarted() {
        return inHeaders || length > 0;
    }

    /** Forgets a partial head; the connection's next bytes start a new one. */
    public void reset() {
        length = 0;
        sawCr = false;
        inHeaders = false;
        emptyLines = 0;
        headerBytes = 0;
        method = null;
        target = null;
        version = null;
        headers = null;
        if (line.length > 1024) {
            line = new byte[128]; // do not let one large head pin memory on an idle connection
        }
    }

    private void append(byte[] src, int from, int count) {
        int newLength = length + count;
        checkLength(count);
        if (newLength > line.length) {
            byte[] bigger = new byte[Math.max(newLength, line.length * 2)];
            System.arraycopy(line, 0, bigger, 0, length);
            line = bigger;
        }
        System.arraycopy(src, from, line, length, count);
        length = newLength;
    }

    /**
     * Refuses a line that {@code more} bytes would make too long. Called before any other error on the same line, so
     * that a head gets the same answer however it is split (a long line with a bad byte past the limit is 414 or
     * 431 whether the limit or the bad byte arrives first).
     */
    private void checkLength(int more) {
        int newLength = length + more;
        if (!inHeaders && newLength > maxRequestLine) {
            throw new HttpException(Status.URI_TOO_LONG, "Request line longer than " + maxRequestLine + " bytes");
        }
        if (inHeaders && headerBytes + newLength > maxHeaderBytes) {
            throw tooLarge("Header fields larger than " + maxHeaderBytes + " bytes");
        }
    }

    /** Handles one complete line {@code l[from, from+count)}; returns the head when it was the final empty line. */
    private RequestHead endOfLine(byte[] l, int from, int count) {
        length = 0;
        if (!inHeaders) {
            if (count > maxRequestLine) {
                throw new HttpException(Status.URI_TOO_LONG, "Request line longer than " + maxRequestLine
                        + " bytes");
            }
            requestLine(l, from, count);
            return null;
        }
        if (count == 0) {
            return finish();
        }
        if (headerBytes + count > maxHeaderBytes) {
            throw tooLarge("Header fields larger than " + maxHeaderBytes + " bytes");
        }
        headerBytes += count + 2;
        headerLine(l, from, count);
        return null;
    }

    /** {@code request-line = method SP request-target SP HTTP-version} (section 3). */
    private void requestLine(byte[] l, int from, int count) {
        if (count == 0) {
            if (++emptyLines > MAX_EMPTY_LINES) {
                throw HttpException.badRequest("Too many empty lines before the request line");
            }
            return;
        }
        int to = from + count;
        int sp1 = indexOf(l, from, to, (byte) ' ');
        int sp2 = sp1 < 0 ? -1 : indexOf(l, sp1 + 1, to, (byte) ' ');
        if (sp1 <= from || sp2 < 0 || sp2 == sp1 + 1 || indexOf(l, sp2 + 1, to, (byte) ' ') >= 0) {
            throw HttpException.badRequest("Malformed request line");
        }
        version = version(l, sp2 + 1, to);
        method = method(l, from, sp1 - from);
        if (version == HttpVersion.HTTP_2_0 && !(method.name().equals("PRI") && sp2 == sp1 + 2 && l[sp1 + 1] == '*')) {
            throw new HttpException(Status.HTTP_VERSION_NOT_SUPPORTED, "HTTP version not supported");
        }
        for (int i = sp1 + 1; i < sp2; i++) {
            int c = l[i] & 0xFF;
            if (c <= 0x20 || c >= 0x7F) {
                throw HttpException.badRequest("Invalid character in request target");
            }
        }
        target = new String(l, sp1 + 1, sp2 - sp1 - 1, StandardCharsets.ISO_8859_1);
        headers = new Headers(16);
        inHeaders = true;
    }

    /** {@code HTTP-version = HTTP-name "/" DIGIT "." DIGIT}, case-sensitive (section 2.3). */
    private static HttpVersion version(byte[] l, int from, int to) {
        if (to - from != 8 || l[from] != 'H' || l[from + 1] != 'T' || l[from + 2] != 'T' || l[from + 3] != 'P'
                || l[from + 4] != '/' || !digit(l[from + 5]) || l[from + 6] != '.' || !digit(l[from + 7])) {
            throw HttpException.badRequest("Malformed HTTP version");
        }
        if (l[from + 5] == '1' && l[from + 7] == '1') {
            return HttpVersion.HTTP_1_1;
        }
        if (l[from + 5] == '1' && l[from + 7] == '0') {
            return HttpVersion.HTTP_1_0;
        }
        if (l[from + 5] == '2' && l[from + 7] == '0') {
            return HttpVersion.HTTP_2_0; // only as the HTTP/2 preface's "PRI * HTTP/2.0", checked by the caller
        }
        throw new HttpException(Status.HTTP_VERSION_NOT_SUPPORTED, "HTTP version not supported");
    }

    private static Method method(byte[] l, int from, int count) {
        Method known = KnownNames.method(l, from, count);
        if (known != null) {
            return known;
        }
        for (int i = from; i < from + count; i++) {
            if (!Tokens.isTokenChar(l[i])) {
                throw HttpException.badRequest("Invalid method");
            }
        }
        return Method.of(new String(l, from, count, StandardCharsets.ISO_8859_1));
    }

    /** {@code field-line = field-name ":" OWS field-value OWS} (section 5); control characters are already out. */
    private void headerLine(byte[] l, int from, int count) {
        if (l[from] == ' ' || l[from] == '\t') {
            // obs-fold, or whitespace before the first field: both rejected (sections 5.2 and 2.2)
            throw HttpException.badRequest("Obsolete line folding or leading whitespace in header field");
        }
        int to = from + count;
        int colon = from;
        while (colon < to && l[colon] != ':') {
            byte c = l[colon];
            if (!TCHAR[c & 0xFF]) {
                throw HttpException.badRequest(c == ' ' || c == '\t'
                        ? "Whitespace before colon in header field" // section 5.1
                        : "Invalid character in header field name");
            }
            colon++;
        }
        if (colon == to) {
            throw HttpException.badRequest("Header field without colon");
        }
        if (colon == from) {
            throw HttpException.badRequest("Empty header field name");
        }
        int start = colon + 1;
        int end = to;
        while (start < end && (l[start] == ' ' || l[start] == '\t')) {
            start++;
        }
        while (end > start && (l[end - 1] == ' ' || l[end - 1] == '\t')) {
            end--;
        }
        if (headers.size() >= maxHeaderCount) {
            throw tooLarge("More than " + maxHeaderCount + " header fields");
        }
        String name = KnownNames.header(l, from, colon - from);
        if (name == null) {
            name = new String(l, from, colon - from, StandardCharsets.ISO_8859_1);
        }
        String value = start == end ? "" : new String(l, start, end - start, StandardCharsets.ISO_8859_1);
        headers.add(name, value);
    }

    /** The end of the head: core checks the target's form against the method and the Host rules (section 3.2). */
    private RequestHead finish() {
        if (version == HttpVersion.HTTP_2_0) {
            // RFC 9113 section 3.4: the preface is "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"; its first part reads as a
            // head without fields, and the HTTP/2 connection checks the "SM" part
            if (headers.size() != 0) {
                throw new HttpException(Status.HTTP_VERSION_NOT_SUPPORTED, "HTTP version not supported");
            }
            reset();
            return HTTP2_PREFACE;
        }
        if (headerBytes > maxHeaderValueBytes) { // else no name can hold that much: nothing to add up
            String name = HeaderValueBytes.firstNameOver(headers, maxHeaderValueBytes);
            if (name != null) {
                // The name is a token (checked): safe to echo, and it tells the client which field to shorten.
                throw tooLarge("Header field " + name + " larger than " + maxHeaderValueBytes + " bytes");
            }
        }
        RequestHead head = RequestHead.of(method, target, version, headers);
        reset();
        return head;
    }


    private static HttpException tooLarge(String message) {
        return new HttpException(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, message);
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether any byte of {@code w} is below 0x20 or is 0x7F (exact as a zero test; bytes of 0x80 and up pass). */
    private static boolean hasControl(long w) {
        long below = (w - 0x2020202020202020L) & ~w & 0x8080808080808080L;
        long del = w ^ 0x7F7F7F7F7F7F7F7FL;
        long isDel = (del - 0x0101010101010101L) & ~del & 0x8080808080808080L;
        return (below | isDel) != 0;
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }
}
