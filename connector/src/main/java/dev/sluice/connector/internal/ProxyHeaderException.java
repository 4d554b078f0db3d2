package dev.sluice.connector.internal;

/** A connection's PROXY protocol header is missing or invalid; the connection is closed without a response. */
final class ProxyHeaderException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Each rule a header can break, with its one-line reason (tests tell them apart by this). */
    enum Reason {
        NOT_A_PROXY_HEADER("Not a PROXY protocol header"),
        V1_TOO_LONG("PROXY v1 line longer than 107 bytes"),
        V1_MALFORMED("Malformed PROXY v1 line"),
        V2_VERSION("PROXY v2 header with a version other than 2"),
        V2_COMMAND("PROXY v2 header with an unknown command"),
        V2_FAMILY("PROXY v2 header with an unsupported address family or protocol"),
        V2_SHORT_ADDRESSES("PROXY v2 address block shorter than its family needs"),
        V2_TLV("PROXY v2 TLV longer than the address block that holds it");

        final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    ProxyHeaderException(Reason reason) {
        super(reason.message, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
