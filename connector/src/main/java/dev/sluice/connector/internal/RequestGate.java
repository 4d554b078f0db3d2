package dev.sluice.connector.internal;

import dev.sluice.core.BodyFraming;
import dev.sluice.core.HttpException;
import dev.sluice.core.HttpVersion;
import dev.sluice.core.Limits;
import dev.sluice.core.Method;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Status;

/**
 * Checks made on a complete head before any worker is used: whether its body can be delimited and accepted, and
 * whether it asks for something this server does not do. A refused head is answered with a canned response and
 * the connection closes, since its body (if any) is not read.
 */
final class RequestGate {
    private final long maxBodyBytes;

    RequestGate(Limits limits) {
        this.maxBodyBytes = limits.maxBodyBytes();
    }

    /**
     * @return the body framing of an acceptable head
     * @throws HttpException the answer to a refused one
     */
    BodyFraming check(RequestHead head) {
        BodyFraming framing = BodyFraming.of(head);
        if (head.method().equals(Method.CONNECT)) {
            // RFC 9110 section 9.3.6: CONNECT asks for a tunnel; Sluice is an origin server, not a proxy
            throw new HttpException(Status.NOT_IMPLEMENTED, "CONNECT is not supported: this server is not a proxy");
        }
        if (framing.kind() == BodyFraming.Kind.LENGTH && framing.length() > maxBodyBytes) {
            throw new HttpException(Status.CONTENT_TOO_LARGE, "Request content larger than " + maxBodyBytes
                    + " bytes");
        }
        String expect = head.headers().get("Expect");
        // RFC 9110 section 10.1.1: only 100-continue is defined; ignored in HTTP/1.0 requests
        if (expect != null && head.version() == HttpVersion.HTTP_1_1 && !expect.trim().equalsIgnoreCase("100-continue")) {
            throw new HttpException(Status.EXPECTATION_FAILED, "Only Expect: 100-continue is supported");
        }
        return framing;
    }

    /** Whether the client waits for a 100 (Continue) before sending the body. */
    static boolean expectsContinue(RequestHead head) {
        return head.version() == HttpVersion.HTTP_1_1 && head.headers().contains("Expect");
    }
}
