package dev.sluice.servlet.internal;

/** A container response that can tell how many body bytes were already written through it. */
public interface ContentWritten {
    long contentWritten();
}
