package dev.sluice.servlet.internal.staticfiles;

/** A container response that can tell how many body bytes were already written through it. */
public interface ContentWritten {
    public long contentWritten();
}
