package dev.sluice.servlet.internal.multipart;

import java.io.IOException;

/**
 * A multipart body that does not follow RFC 2046 / RFC 7578. An IOException, as getParts declares for a body
 * that cannot be read; uncaught, the client gets a 400 with this message, which never echoes request bytes.
 */
public final class MalformedMultipartException extends IOException implements UploadFailure {
    private static final long serialVersionUID = 1L;

    /** The cap this body went past, or null when it is malformed otherwise. */
    private final transient dev.sluice.servlet.internal.caps.Cap cap;

    public MalformedMultipartException(String safeMessage) {
        this(null, safeMessage);
    }

    /** A body that went past {@code cap} (counted by the caller), still a 400 as a malformed one. */
    public MalformedMultipartException(dev.sluice.servlet.internal.caps.Cap cap, String safeMessage) {
        super(safeMessage);
        this.cap = cap;
    }

    public dev.sluice.servlet.internal.caps.Cap cap() {
        return cap;
    }

    @Override
    public int status() {
        return 400;
    }
}
