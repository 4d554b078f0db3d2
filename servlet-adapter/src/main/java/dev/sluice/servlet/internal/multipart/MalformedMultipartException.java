package dev.sluice.servlet.internal.multipart;

import java.io.IOException;

/**
 * A multipart body that does not follow RFC 2046 / RFC 7578. An IOException, as getParts declares for a body
 * that cannot be read; uncaught, the client gets a 400 with this message, which never echoes request bytes.
 */
public final class MalformedMultipartException extends IOException implements UploadFailure {
    private static final long serialVersionUID = 1L;

    public MalformedMultipartException(String safeMessage) {
        super(safeMessage);
    }

    @Override
    public int status() {
        return 400;
    }
}
