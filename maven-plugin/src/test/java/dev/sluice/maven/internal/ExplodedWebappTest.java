package dev.sluice.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplodedWebappTest {
    @TempDir
    Path dir;

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private ExplodedWebapp webapp() {
        return new ExplodedWebapp(dir.resolve("served"), dir.resolve("src/main/webapp"), dir.resolve("classes"),
                List.of(dir.resolve("repo/lib-1.0.jar")));
    }

    private String served(String relative) throws IOException {
        return Files.readString(dir.resolve("served").resolve(relative));
    }

    @Test
    void laysOutTheProjectAsAnUnpackedWar() throws IOException {
        write("src/main/webapp/index.html", "home");
        write("src/main/webapp/WEB-INF/web.xml", "<web-app/>");
        write("classes/example/A.class", "A");
        write("classes/app.properties", "x=1");
        write("repo/lib-1.0.jar", "jar");
        List<String> changed = webapp().sync();
        assertEquals(List.of("WEB-INF/classes/app.properties", "WEB-INF/classes/example/A.class",
                "WEB-INF/lib/lib-1.0.jar", "WEB-INF/web.xml", "index.html"), changed);
        assertEquals("home", served("index.html"));
        assertEquals("A", served("WEB-INF/classes/example/A.class"));
        assertEquals("jar", served("WEB-INF/lib/lib-1.0.jar"));
    }

    @Test
    void aSecondSyncWithoutChangesCopiesNothing() throws IOException {
        write("src/main/webapp/index.html", "home");
        write("classes/example/A.class", "A");
        write("repo/lib-1.0.jar", "jar");
        ExplodedWebapp webapp = webapp();
        webapp.sync();
        assertEquals(List.of(), webapp.sync());
    }

    @Test
    void copiesAChangedFileAndDeletesAGoneOne() throws IOException {
        Path a = write("classes/example/A.class", "A");
        Path b = write("classes/example/B.class", "B");
        write("repo/lib-1.0.jar", "jar");
        ExplodedWebapp webapp = webapp();
        webapp.sync();
        Files.writeString(a, "A2");
        Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 2000));
        Files.delete(b);
        assertEquals(List.of("WEB-INF/classes/example/B.class", "WEB-INF/classes/example/A.class"), webapp.sync());
        assertEquals("A2", served("WEB-INF/classes/example/A.class"));
        assertFalse(Files.exists(dir.resolve("served/WEB-INF/classes/example/B.class")));
    }

    @Test
    void sameSizeButNewerIsCopied() throws IOException {
        Path page = write("src/main/webapp/index.html", "one");
        write("repo/lib-1.0.jar", "jar");
        ExplodedWebapp webapp = webapp();
        webapp.sync();
        Files.writeString(page, "two");
        Files.setLastModifiedTime(page, FileTime.fromMillis(Files.getLastModifiedTime(page).toMillis() + 2000));
        assertEquals(List.of("index.html"), webapp.sync());
        assertEquals("two", served("index.html"));
    }

    @Test
    void compiledClassesWinOverWebResourcesOfTheSamePath() throws IOException {
        write("src/main/webapp/WEB-INF/classes/app.properties", "stale");
        write("classes/app.properties", "fresh");
        write("repo/lib-1.0.jar", "jar");
        webapp().sync();
        assertEquals("fresh", served("WEB-INF/classes/app.properties"));
    }

    @Test
    void missingSourceFoldersAreEmptyOnes() throws IOException {
        write("repo/lib-1.0.jar", "jar");
        assertEquals(List.of("WEB-INF/lib/lib-1.0.jar"), webapp().sync());
        assertTrue(Files.isDirectory(dir.resolve("served")));
    }
}
