package dev.sluice.distribution.internal;

/** A configuration or startup problem to report as one line with exit code 2, without a stack trace. */
final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartupException(String message) {
        super(message, null, false, false);
    }
}
