package dev.sluice.connector.internal;

import dev.sluice.core.Headers;
import dev.sluice.core.HttpException;
import dev.sluice.core.HttpVersion;
import dev.sluice.core.Method;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Status;
import dev.sluice.core.Tokens;
import java.nio.ByteBuffer;
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

    private final int maxRequestLine;
    private final int maxHeaderBytes;
    private final int maxHeaderCount;

    private byte[] line = new byte[128];
    private int length;
    private boolean sawCr;
    private boolean inHeaders;
    private int emptyLines;
    private int headerBytes;
    private int hostCount;

    private Method method;
    private String target;
    private HttpVersion version;
    private Headers headers;

    public RequestHeadParser(int maxRequestLine, int maxHeaderBytes, int maxHeaderCount) {
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderBytes = maxHeaderBytes;
        this.maxHeaderCount = maxHeaderCount;
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
        if (in.hasArray()) {
            byte[] a = in.array();
            int offset = in.arrayOffset();
            int pos = in.position() + offset;
            int limit = in.limit() + offset;
            while (pos < limit) {
                int start = pos;
                while (pos < limit && a[pos] != '\n' && a[pos] != '\r') {
                    pos++;
                }
                if (pos > start) {
                    if (sawCr) {
                        throw HttpException.badRequest("Bare CR in request head");
                    }
                    append(a, start, pos - start);
                }
                if (pos < limit) {
                    RequestHead head = lineBreak(a[pos++]);
                    if (head != null) {
                        in.position(pos - offset);
                        return head;
                    }
                }
            }
            in.position(limit - offset);
            return null;
        }
        return parseDirect(in);
    }

    private RequestHead parseDirect(ByteBuffer in) {
        byte[] one = new byte[1];
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n' || b == '\r') {
                RequestHead head = lineBreak(b);
                if (head != null) {
                    return head;
                }
            } else {
                if (sawCr) {
                    throw HttpException.badRequest("Bare CR in request head");
                }
                one[0] = b;
                append(one, 0, 1);
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
        hostCount = 0;
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
        if (!inHeaders && newLength > maxRequestLine) {
            throw new HttpException(Status.URI_TOO_LONG, "Request line longer than " + maxRequestLine + " bytes");
        }
        if (inHeaders && headerBytes + newLength > maxHeaderBytes) {
            throw tooLarge("Header fields larger than " + maxHeaderBytes + " bytes");
        }
        if (newLength > line.length) {
            byte[] bigger = new byte[Math.max(newLength, line.length * 2)];
            System.arraycopy(line, 0, bigger, 0, length);
            line = bigger;
        }
        System.arraycopy(src, from, line, length, count);
        length = newLength;
    }

    /** Handles a CR or LF; returns the head when this LF ended it. */
    private RequestHead lineBreak(byte b) {
        if (b == '\r') {
            if (sawCr) {
                throw HttpException.badRequest("Bare CR in request head");
            }
            sawCr = true;
            return null;
        }
        // LF, with or without CR: a bare LF ends a line too (section 2.2)
        sawCr = false;
        int count = length;
        length = 0;
        if (!inHeaders) {
            requestLine(count);
            return null;
        }
        if (count == 0) {
            return finish();
        }
        headerBytes += count + 2;
        headerLine(count);
        return null;
    }

    /** {@code request-line = method SP request-target SP HTTP-version} (section 3). */
    private void requestLine(int count) {
        if (count == 0) {
            if (++emptyLines > MAX_EMPTY_LINES) {
                throw HttpException.badRequest("Too many empty lines before the request line");
            }
            return;
        }
        byte[] l = line;
        int sp1 = indexOf(l, 0, count, (byte) ' ');
        int sp2 = sp1 < 0 ? -1 : indexOf(l, sp1 + 1, count, (byte) ' ');
        if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1 || indexOf(l, sp2 + 1, count, (byte) ' ') >= 0) {
            throw HttpException.badRequest("Malformed request line");
        }
        version = version(l, sp2 + 1, count);
        method = method(l, sp1);
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
        throw new HttpException(Status.HTTP_VERSION_NOT_SUPPORTED, "HTTP version not supported");
    }

    private static Method method(byte[] l, int count) {
        Method known = KnownNames.method(l, count);
        if (known != null) {
            return known;
        }
        for (int i = 0; i < count; i++) {
            if (!Tokens.isTokenChar(l[i])) {
                throw HttpException.badRequest("Invalid method");
            }
        }
        return Method.of(new String(l, 0, count, StandardCharsets.ISO_8859_1));
    }

    /** {@code field-line = field-name ":" OWS field-value OWS} (section 5). */
    private void headerLine(int count) {
        byte[] l = line;
        if (l[0] == ' ' || l[0] == '\t') {
            // obs-fold, or whitespace before the first field: both rejected (sections 5.2 and 2.2)
            throw HttpException.badRequest("Obsolete line folding or leading whitespace in header field");
        }
        int colon = 0;
        while (colon < count && l[colon] != ':') {
            byte c = l[colon];
            if (c == ' ' || c == '\t') {
                throw HttpException.badRequest("Whitespace before colon in header field"); // section 5.1
            }
            if (!Tokens.isTokenChar(c)) {
                throw HttpException.badRequest("Invalid character in header field name");
            }
            colon++;
        }
        if (colon == count) {
            throw HttpException.badRequest("Header field without colon");
        }
        if (colon == 0) {
            throw HttpException.badRequest("Empty header field name");
        }
        int start = colon + 1;
        int end = count;
        while (start < end && (l[start] == ' ' || l[start] == '\t')) {
            start++;
        }
        while (end > start && (l[end - 1] == ' ' || l[end - 1] == '\t')) {
            end--;
        }
        for (int i = start; i < end; i++) {
            int c = l[i] & 0xFF;
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw HttpException.badRequest("Control character in header field value"); // section 5.5
            }
        }
        if (headers.size() >= maxHeaderCount) {
            throw tooLarge("More than " + maxHeaderCount + " header fields");
        }
        String name = KnownNames.header(l, colon);
        if (name == null) {
            name = new String(l, 0, colon, StandardCharsets.ISO_8859_1);
        }
        String value = start == end ? "" : new String(l, start, end - start, StandardCharsets.ISO_8859_1);
        if (name.equalsIgnoreCase("Host")) {
            hostCount++;
            checkHost(value);
        }
        headers.add(name, value);
    }

    /** RFC 9112 section 3.2: one Host on HTTP/1.1, never two, never an invalid value; then the target's form. */
    private RequestHead finish() {
        if (hostCount > 1) {
            throw HttpException.badRequest("More than one Host header field");
        }
        if (hostCount == 0 && version == HttpVersion.HTTP_1_1) {
            throw HttpException.badRequest("Missing Host header field");
        }
        RequestHead head = RequestHead.of(method, target, version, headers);
        reset();
        return head;
    }

    /** {@code Host = uri-host [ ":" port ]} (RFC 9110 section 7.2); empty is allowed. */
    private static void checkHost(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:[]%".indexOf(c) >= 0;
            if (!ok) {
                throw HttpException.badRequest("Invalid Host header field");
            }
        }
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

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }
}
