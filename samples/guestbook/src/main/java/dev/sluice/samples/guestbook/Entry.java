package dev.sluice.samples.guestbook;

import java.time.Instant;
import java.util.Objects;

/** One signature in the guestbook: who, what, when. Text is stored as typed; it is escaped only when rendered. */
record Entry(long id, String name, String message, Instant signedAt) {
    Entry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signedAt, "signedAt");
    }
}
