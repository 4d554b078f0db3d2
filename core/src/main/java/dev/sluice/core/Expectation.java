package dev.sluice.core;

import java.util.List;

/**
 * The Expect field (RFC 9110 section 10.1.1): whether the client waits for an interim {@code 100 Continue} before
 * sending its content. The connector asks once per request, before the handler runs, and sends the 100 when the
 * handler first reads the body (see {@link Request#body()}).
 */
public final class Expectation {
    private Expectation() {
    }

    /**
     * Whether to send {@code 100 Continue} before reading this request's content.
     * <ul>
     * <li>No Expect field: no.</li>
     * <li>{@code 100-continue} (case-insensitive) on HTTP/1.1 with content to come: yes.</li>
     * <li>{@code 100-continue} on HTTP/1.0: ignored, as the section requires (a 1.0 client may not understand
     *     interim responses).</li>
     * <li>{@code 100-continue} without content: no, there is nothing to wait for.</li>
     * <li>Any other expectation, alone or beside 100-continue, on HTTP/1.1 or 1.0: 417. The section lets a server
     *     answer 417 to an expectation it does not know, and requires it to ignore only a 1.0 request's
     *     {@code 100-continue}; ignoring an unknown one would serve a client that counts on something this server
     *     never did. No other expectation is defined.</li>
     * <li>An empty field: no expectation, nothing to refuse.</li>
     * </ul>
     * This is the one place of the rule: the connector's gate asks it before a worker runs.
     *
     * @throws HttpException 417 for an expectation other than 100-continue
     */
    public static boolean expectsContinue(RequestHead head, BodyFraming framing) {
        Headers headers = head.headers();
        if (!headers.contains("Expect")) {
            return false;
        }
        List<String> expectations = headers.tokens("Expect");
        boolean continueExpected = false;
        for (String expectation : expectations) {
            if (!expectation.equalsIgnoreCase("100-continue")) {
                throw new HttpException(Status.EXPECTATION_FAILED, "Only Expect: 100-continue is supported");
            }
            continueExpected = true;
        }
        return continueExpected && head.version() == HttpVersion.HTTP_1_1 && framing.hasContent();
    }
}
