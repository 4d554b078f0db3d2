package dev.sluice.core;

import java.util.List;

/** How a request's content is delimited (RFC 9112 section 6.3), decided once from its head. */
public final class BodyFraming {
    /** The three ways a request body can be delimited. */
    public enum Kind { NONE, LENGTH, CHUNKED }

    public static final BodyFraming NONE = new BodyFraming(Kind.NONE, 0);
    public static final BodyFraming CHUNKED = new BodyFraming(Kind.CHUNKED, -1);

    private final Kind kind;
    private final long length;

    private BodyFraming(Kind kind, long length) {
        this.kind = kind;
        this.length = length;
    }

    /**
     * Decides the framing of a request body.
     * <ul>
     * <li>Transfer-Encoding whose final coding is chunked: chunked (section 6.3 rule 4). A final coding other
     *     than chunked cannot be delimited: 400. Chunked applied twice: 400 (section 7). Any coding before
     *     chunked: 501, since Sluice implements none (section 6.1: a coding it does not understand).</li>
     * <li>Transfer-Encoding together with Content-Length: 400, a smuggling signal (section 6.1).</li>
     * <li>Transfer-Encoding in an HTTP/1.0 request: 400 (section 6.1).</li>
     * <li>Content-Length: that many bytes; invalid or conflicting values: 400 (rule 5).</li>
     * <li>Neither: no content (rule 7).</li>
     * </ul>
     */
    public static BodyFraming of(RequestHead head) {
        Headers headers = head.headers();
        if (headers.contains("Transfer-Encoding")) {
            if (headers.contains("Content-Length")) {
                throw HttpException.badRequest("Both Transfer-Encoding and Content-Length");
            }
            if (head.version() == HttpVersion.HTTP_1_0) {
                throw HttpException.badRequest("Transfer-Encoding in an HTTP/1.0 request");
            }
            List<String> codings = headers.transferEncodings();
            if (codings.isEmpty() || !codings.get(codings.size() - 1).equals("chunked")) {
                throw HttpException.badRequest("Transfer-Encoding must end with chunked");
            }
            if (codings.subList(0, codings.size() - 1).contains("chunked")) {
                throw HttpException.badRequest("Chunked applied more than once");
            }
            if (codings.size() > 1) {
                throw new HttpException(Status.NOT_IMPLEMENTED, "Unsupported transfer coding");
            }
            return CHUNKED;
        }
        long length = headers.contentLength();
        return length < 0 ? NONE : new BodyFraming(Kind.LENGTH, length);
    }

    /**
     * {@link #of(RequestHead)}, and 413 when a Content-Length already exceeds {@code maxBodyBytes}, so the
     * refusal comes before a byte of content is read (RFC 9110 section 15.5.14). Chunked content is not known in
     * advance; its reader must count.
     */
    public static BodyFraming of(RequestHead head, long maxBodyBytes) {
        return of(head).within(maxBodyBytes);
    }

    /**
     * This framing, or 413 when its Content-Length exceeds {@code maxBodyBytes}, as {@link #of(RequestHead, long)}
     * (for a caller that has other checks to make between the two).
     */
    public BodyFraming within(long maxBodyBytes) {
        if (kind == Kind.LENGTH && length > maxBodyBytes) {
            throw new HttpException(Status.CONTENT_TOO_LARGE, "Request content larger than " + maxBodyBytes
                    + " bytes");
        }
        return this;
    }

    public Kind kind() {
        return kind;
    }

    /** The exact length for {@link Kind#LENGTH}, 0 for none, -1 for chunked. */
    public long length() {
        return length;
    }

    /** Whether any content may follow the head. */
    public boolean hasContent() {
        return kind == Kind.CHUNKED || length > 0;
    }

    @Override
    public String toString() {
        return kind == Kind.LENGTH ? "LENGTH(" + length + ")" : kind.name();
    }
}
