package dev.sluice.servlet.internal.deploy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finds symbolic links in a zip archive, which java.util.zip cannot see: a Unix zip tool stores a link as an entry
 * whose content is the target path and whose "external attributes" (APPNOTE.TXT section 4.4.15) carry the file
 * type {@code S_IFLNK} in their upper 16 bits. Reads the central directory only (section 4.3.12), found through the
 * end of central directory record (section 4.3.16). Archives past 4 GiB (ZIP64 offsets) are refused here: no war
 * within the default bounds needs them.
 */
final class ZipLinks {
    private static final int EOCD = 0x06054b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int UNIX = 3;
    private static final int TYPE_MASK = 0170000;
    private static final int SYMLINK = 0120000;

    private ZipLinks() {
    }

    /** The name of the first symbolic link entry, or null when there is none. @throws IOException when unreadable */
    static String firstLink(Path zip) throws IOException {
        try (FileChannel ch = FileChannel.open(zip, StandardOpenOption.READ)) {
            long size = ch.size();
            int tail = (int) Math.min(size, 22 + 65_535);
            ByteBuffer end = read(ch, size - tail, tail);
            int eocd = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (end.getInt(i) == EOCD) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw new IOException("not a zip archive (no end of central directory)");
            }
            long dirSize = Integer.toUnsignedLong(end.getInt(eocd + 12));
            long dirOffset = Integer.toUnsignedLong(end.getInt(eocd + 16));
            if (dirSize == 0xFFFFFFFFL || dirOffset == 0xFFFFFFFFL || dirOffset + dirSize > size) {
                throw new IOException("zip64 or inconsistent central directory");
            }
            ByteBuffer dir = read(ch, dirOffset, (int) dirSize);
            for (int p = 0; p + 46 <= dir.limit() && dir.getInt(p) == CENTRAL; ) {
                int madeBy = (dir.getShort(p + 4) & 0xFFFF) >>> 8;
                int nameLength = dir.getShort(p + 28) & 0xFFFF;
                int extraLength = dir.getShort(p + 30) & 0xFFFF;
                int commentLength = dir.getShort(p + 32) & 0xFFFF;
                int mode = dir.getInt(p + 38) >>> 16;
                if (madeBy == UNIX && (mode & TYPE_MASK) == SYMLINK && p + 46 + nameLength <= dir.limit()) {
                    byte[] name = new byte[nameLength];
                    dir.get(p + 46, name);
                    return new String(name, StandardCharsets.UTF_8);
                }
                p += 46 + nameLength + extraLength + commentLength;
            }
            return null;
        }
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new IOException("truncated zip archive");
            }
        }
        return b.flip();
    }
}
