package dev.sluice.servlet.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one folder-tree copy and delete of the distribution, the Arquillian container and war unpacking. */
class FileTreesTest {
    @TempDir
    Path temp;

    @Test
    void copyKeepsEveryFileAndItsTime() throws IOException {
        Path from = Files.createDirectories(temp.resolve("app/WEB-INF/classes"));
        Files.writeString(from.resolve("A.class"), "bytes");
        Files.writeString(temp.resolve("app/index.html"), "<p>hi</p>");
        Files.setLastModifiedTime(from.resolve("A.class"), FileTime.fromMillis(1_600_000_000_000L));
        Files.createDirectories(temp.resolve("app/empty"));

        FileTrees.copy(temp.resolve("app"), temp.resolve("copy"));

        assertEquals("bytes", Files.readString(temp.resolve("copy/WEB-INF/classes/A.class")));
        assertEquals("<p>hi</p>", Files.readString(temp.resolve("copy/index.html")));
        assertEquals(FileTime.fromMillis(1_600_000_000_000L),
                Files.getLastModifiedTime(temp.resolve("copy/WEB-INF/classes/A.class")));
        assertTrue(Files.isDirectory(temp.resolve("copy/empty")));
    }

    @Test
    void copyRecreatesLinksInsideTheTreeAsLinksIntoTheCopy() throws IOException {
        Path app = Files.createDirectories(temp.resolve("app/css"));
        Files.writeString(temp.resolve("app/site.css"), "body {}");
        Files.createSymbolicLink(app.resolve("relative.css"), Path.of("../site.css"));
        Files.createSymbolicLink(app.resolve("absolute.css"), temp.resolve("app/site.css").toAbsolutePath());

        FileTrees.copy(temp.resolve("app"), temp.resolve("copy"));

        Path copy = temp.resolve("copy").toRealPath();
        assertEquals(Path.of("../site.css"), Files.readSymbolicLink(copy.resolve("css/relative.css")));
        assertEquals(copy.resolve("site.css"), Files.readSymbolicLink(copy.resolve("css/absolute.css")));
        assertEquals("body {}", Files.readString(copy.resolve("css/absolute.css")));
    }

    @Test
    void copyRefusesALinkThatLeadsOutOfTheTree() throws IOException {
        Files.writeString(temp.resolve("secret.txt"), "not for the web");
        Path app = Files.createDirectories(temp.resolve("app"));
        Files.createSymbolicLink(app.resolve("leak.txt"), Path.of("../secret.txt"));

        IOException e = assertThrows(IOException.class, () -> FileTrees.copy(app, temp.resolve("copy")));

        assertTrue(e.getMessage().startsWith("Symbolic link leak.txt points out of "), e.getMessage());
        assertFalse(Files.exists(temp.resolve("copy/leak.txt"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void deleteRemovesLinksButNeverWhatTheyPointTo() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("shared/lib"));
        Files.writeString(outside.resolve("keep.jar"), "jar");
        Files.writeString(temp.resolve("shared/keep.txt"), "text");
        Path app = Files.createDirectories(temp.resolve("app/WEB-INF"));
        Files.createSymbolicLink(app.resolve("lib"), outside);
        Files.createSymbolicLink(app.resolve("notes.txt"), temp.resolve("shared/keep.txt"));
        Path linkToApp = Files.createSymbolicLink(temp.resolve("link-to-shared"), temp.resolve("shared"));

        FileTrees.delete(temp.resolve("app"));
        FileTrees.delete(linkToApp);

        assertFalse(Files.exists(temp.resolve("app"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(linkToApp, LinkOption.NOFOLLOW_LINKS));
        assertEquals("jar", Files.readString(outside.resolve("keep.jar")));
        assertEquals("text", Files.readString(temp.resolve("shared/keep.txt")));
    }

    /**
     * A read-only file in a folder without write permission (as a war unpacked by another tool may leave them).
     * Run as root, permissions stop nothing, so there this passes whatever FileTrees does; as any other user the
     * folder's entries cannot be removed unless the folder is made writable first.
     */
    @Test
    void deleteRemovesReadOnlyFilesAndFolders() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("work/app/WEB-INF"));
        Path file = Files.writeString(folder.resolve("web.xml"), "<web-app/>");
        assertTrue(file.toFile().setWritable(false, false));
        assertTrue(folder.toFile().setWritable(false, false));

        FileTrees.delete(temp.resolve("work"));

        assertFalse(Files.exists(temp.resolve("work")));
    }

    @Test
    void deleteOfNothingIsNothing() throws IOException {
        FileTrees.delete(temp.resolve("absent"));
        assertFalse(Files.exists(temp.resolve("absent")));
    }
}
