package dev.sluice.servlet.internal.multipart;

import dev.sluice.servlet.internal.http.HeaderParams;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;

/**
 * One received part (Servlet 6.1 {@link Part}): content up to the multipart config's file-size-threshold is held
 * in memory, a larger one in a temporary file under the config's location, which {@link #discard} removes when
 * the request completes unless {@link #write} has moved it to the application's own file.
 */
public final class UploadPart implements Part {
    /** The container's logger, the one WebApp uses, named here so this package needs no upward reference. */
    private static final Logger LOG = Logger.getLogger("dev.sluice.servlet");

    private static final byte[] EMPTY = new byte[0];

    private final PartHeaders headers;
    private final HeaderParams disposition;
    private final Path location;
    private final long threshold;
    private byte[] memory = EMPTY;
    private Path file;
    private OutputStream fileOut;
    private boolean temporary;
    private long size;

    /** @param location folder of temporary files and of relative {@link #write} names */
    public UploadPart(PartHeaders headers, HeaderParams disposition, Path location, long threshold) {
        this.headers = headers;
        this.disposition = disposition;
        this.location = location;
        this.threshold = Math.max(0, threshold);
    }

    /** Appends received content: in memory while the part stays within the threshold, then on disk. */
    public void append(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        long newSize = size + len;
        if (fileOut == null && newSize <= threshold) {
            if (newSize > memory.length) {
                memory = Arrays.copyOf(memory, (int) Math.min(threshold, Math.max(newSize, memory.length * 2L)));
            }
            System.arraycopy(b, off, memory, (int) size, len);
        } else {
            if (fileOut == null) {
                spill();
            }
            fileOut.write(b, off, len);
        }
        size = newSize;
    }

    private void spill() throws IOException {
        Files.createDirectories(location);
        file = Files.createTempFile(location, "upload-", ".part");
        temporary = true;
        fileOut = Files.newOutputStream(file);
        fileOut.write(memory, 0, (int) size);
        memory = EMPTY;
    }

    /** The part's content is complete. */
    public void finish() throws IOException {
        if (fileOut != null) {
            fileOut.close();
        } else if (memory.length != size) {
            memory = Arrays.copyOf(memory, (int) size);
        }
    }

    /** Removes the temporary file, if any is still the container's. Safe to call more than once. */
    public void discard() {
        try {
            if (fileOut != null) {
                fileOut.close();
            }
        } catch (IOException ignored) {
            // the file goes anyway
        }
        if (temporary) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warning("Cannot delete the upload temporary file " + file + ": " + e.getMessage());
            }
            temporary = false;
        }
    }

    /** Whether the content went to a temporary file (for tests and the cleanup). */
    public Path temporaryFile() {
        return temporary ? file : null;
    }

    public boolean isFormField() {
        return disposition.fileName() == null;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(memory, 0, (int) size);
    }

    @Override
    public String getContentType() {
        return headers.get("Content-Type");
    }

    @Override
    public String getName() {
        return disposition.get("name");
    }

    @Override
    public String getSubmittedFileName() {
        return disposition.fileName();
    }

    @Override
    public long getSize() {
        return size;
    }

    /**
     * Part.write: a relative name is resolved against the multipart location; the temporary file is moved
     * (renamed) there when it can be, so a large upload is not copied. The moved file is the application's
     * and is never deleted by the container.
     */
    @Override
    public void write(String fileName) throws IOException {
        File named = new File(fileName);
        Path target = named.isAbsolute() ? named.toPath() : location.resolve(fileName);
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        if (file != null && temporary) {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            file = target;
            temporary = false;
        } else if (file != null) {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.write(target, Arrays.copyOf(memory, (int) size));
        }
    }

    @Override
    public void delete() throws IOException {
        discard();
        if (file == null || !Files.exists(file)) {
            memory = EMPTY;
            file = null;
            size = 0;
        }
    }

    @Override
    public String getHeader(String name) {
        return headers.get(name);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return headers.all(name);
    }

    @Override
    public Collection<String> getHeaderNames() {
        return headers.names();
    }

    @Override
    public String toString() {
        return "Part " + getName() + (getSubmittedFileName() == null ? "" : " (" + getSubmittedFileName() + ")")
                + ", " + size + " bytes";
    }
}
