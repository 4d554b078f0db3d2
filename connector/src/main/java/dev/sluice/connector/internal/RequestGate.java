package dev.sluice.connector.internal;

import dev.sluice.core.BodyFraming;
import dev.sluice.core.Expectation;
import dev.sluice.core.HttpException;
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
     * The rules are core's ({@link BodyFraming#of(RequestHead)} and {@link BodyFraming#within} for framing and 413,
     * {@link Expectation#expectsContinue} for 417), asked here before a worker is used.
     *
     * @return the body framing of an acceptable head
     * @throws HttpException the answer to a refused one
     */
    BodyFraming check(RequestHead head) {
        BodyFraming framing = BodyFraming.of(head);
        if (head.method().equals(Method.CONNECT)) {
            // RFC 9110 section 9.3.6: CONNECT asks for a tunnel; Sluice is an origin server, not a proxy
            throw new HttpException(Status.NOT_IMPLEMENTED, "CONNECT is not supported: this server is not a proxy");
        }
        framing.within(maxBodyBytes); // 413 before a byte of content is read
        Expectation.expectsContinue(head, framing); // 417 for an expectation other than 100-continue
        return framing;
    }
}
