package dev.sluice.distribution;

import dev.sluice.core.Handler;
import dev.sluice.core.Request;
import dev.sluice.core.Response;

/**
 * Adds {@code Strict-Transport-Security} (RFC 6797 section 6.1) to every response sent over TLS, so browsers use
 * HTTPS for the host from then on; plain HTTP responses never carry it (section 7.2).
 */
final class HstsHandler implements Handler {
    private final Handler next;
    private final String value;

    HstsHandler(Handler next, long maxAgeSeconds) {
        this.next = next;
        this.value = "max-age=" + maxAgeSeconds;
    }

    @Override
    public void handle(Request request, Response response) throws Exception {
        if (request.tls() != null) {
            response.headers().set("Strict-Transport-Security", value);
        }
        next.handle(request, response);
    }
}
