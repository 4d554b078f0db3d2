package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.EchoServlet;

/**
 * Archives are input too (issue 21): a .war that would expand past maxWarBytes or maxWarEntries, holds a zip-bomb
 * entry (declared, or hidden behind a lying size), a symbolic link, two entries for one path or a {@code ..} name
 * is refused with a one-line reason, writes nothing, and leaves the server and the other webapps serving. The wars
 * are built here, the hostile ones by patching what ZipOutputStream writes (it can write neither a link nor a
 * duplicate).
 */
class HostileWarTest {
    private static final int CENTRAL_HEADER = 0x02014b50;

    @TempDir
    Path dir;
    private ServletContainer container;

    @AfterEach
    void close() {
        if (container != null) {
            container.close();
        }
    }

    private ServletContainer container(ServletContainer.Builder b) {
        container = b.workDir(dir.resolve("work")).build();
        return container;
    }

    private static Map<String, byte[]> entries(String... pathsAndTexts) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            m.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    private static Path war(Path war, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(war.getParent());
        try (OutputStream out = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return war;
    }

    /** Patches the central directory header of the entry named {@code name}: {@code patch} gets its offset. */
    private static void patchCentral(Path war, String name, java.util.function.BiConsumer<ByteBuffer, Integer> patch)
            throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(war)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int p = 0; p + 46 < b.limit(); p++) {
            if (b.getInt(p) == CENTRAL_HEADER && (b.getShort(p + 28) & 0xFFFF) == wanted.length
                    && java.util.Arrays.equals(b.array(), p + 46, p + 46 + wanted.length, wanted, 0, wanted.length)) {
                patch.accept(b, p);
                Files.write(war, b.array());
                return;
            }
        }
        throw new AssertionError("no central header for " + name);
    }

    private void assertRefused(Path war, String reason) {
        IOException e = assertThrows(IOException.class, () -> container.deploy(war));
        String m = e.getMessage();
        assertTrue(m.contains(reason) && m.endsWith("archive refused") && !m.contains("\n"), m);
        String name = war.getFileName().toString().replace(".war", "");
        assertFalse(Files.exists(dir.resolve("work").resolve(name).resolve("WEB-INF")), "files were written");
        assertEquals(List.of(), container.contextPaths());
    }

    @Test
    void warExpandingPastMaxWarBytesIsRefused() throws Exception {
        container(ServletContainer.builder().maxWarBytes(10_000));
        assertRefused(war(dir.resolve("big.war"), Map.of("big.txt", new byte[20_000])), "more than maxWarBytes 10000");
    }

    @Test
    void warWithMoreThanMaxWarEntriesIsRefused() throws Exception {
        container(ServletContainer.builder().maxWarEntries(5));
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            many.put("f" + i + ".txt", new byte[1]);
        }
        assertRefused(war(dir.resolve("many.war"), many), "has 6 entries, more than maxWarEntries 5");
    }

    @Test
    void zipBombEntryIsRefusedFromItsDeclaredRatio() throws Exception {
        container(ServletContainer.builder());
        // 8 MiB of zeros deflate to about 8 KiB: a ratio near 1000, over the default 100
        assertRefused(war(dir.resolve("bomb.war"), Map.of("zeros.bin", new byte[8 << 20])),
                "'zeros.bin' expands more than maxWarRatio 100 times");
    }

    @Test
    void zipBombBehindALyingSizeIsStoppedWhileWriting() throws Exception {
        container(ServletContainer.builder());
        Path war = war(dir.resolve("liar.war"), Map.of("zeros.bin", new byte[8 << 20]));
        patchCentral(war, "zeros.bin", (b, p) -> b.putInt(p + 24, 1000)); // uncompressed size: "1000 bytes"
        assertRefused(war, "'zeros.bin' expands more than maxWarRatio 100 times");
        assertFalse(Files.exists(dir.resolve("work/liar")), "the half-written folder is deleted");
    }

    @Test
    void symbolicLinkEntryIsRefused() throws Exception {
        container(ServletContainer.builder());
        Path war = war(dir.resolve("link.war"), entries("index.html", "hi", "passwd", "/etc/passwd"));
        patchCentral(war, "passwd", (b, p) -> {
            b.putShort(p + 4, (short) ((3 << 8) | 20)); // made by Unix
            b.putInt(p + 38, 0120777 << 16); // S_IFLNK, rwxrwxrwx
        });
        assertRefused(war, "'passwd' is a symbolic link");
    }

    @Test
    void duplicateEntriesAreRefused() throws Exception {
        container(ServletContainer.builder());
        Path war = war(dir.resolve("dup.war"), entries("WEB-INF/a.xml", "<one/>", "WEB-INF/b.xml", "<two/>"));
        byte[] bytes = Files.readAllBytes(war);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1).replace("WEB-INF/b.xml", "WEB-INF/a.xml");
        Files.write(war, latin.getBytes(StandardCharsets.ISO_8859_1)); // both local and central names
        assertRefused(war, "holds two entries for 'WEB-INF/a.xml'");
    }

    @Test
    void parentSegmentIsRefusedEvenWhenItStaysInside() throws Exception {
        container(ServletContainer.builder());
        assertRefused(war(dir.resolve("dots.war"), entries("css/../WEB-INF/web.xml", "<web-app/>")),
                "names a parent folder (..)");
    }

    @Test
    void notAZipIsRefused() throws Exception {
        container(ServletContainer.builder());
        Path war = dir.resolve("junk.war");
        Files.writeString(war, "not a zip");
        assertRefused(war, "not a readable zip file");
    }

    @Test
    void deployAllLogsOneLinePerHostileWarAndServesTheRest() throws Exception {
        Path apps = dir.resolve("apps");
        Webapp good = Webapp.at(dir.resolve("src")).classes(EchoServlet.class)
                .webXml(TestSupport.servlet("echo", EchoServlet.class, "/e"));
        DeploymentTest.zip(good.path(), apps.resolve("good.war"), null);
        war(apps.resolve("bomb.war"), Map.of("zeros.bin", new byte[8 << 20]));
        war(apps.resolve("dots.war"), entries("../../outside.txt", "x"));
        Path link = war(apps.resolve("link.war"), entries("passwd", "/etc/passwd"));
        patchCentral(link, "passwd", (b, p) -> {
            b.putShort(p + 4, (short) ((3 << 8) | 20));
            b.putInt(p + 38, 0120777 << 16);
        });
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    lines.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("dev.sluice.servlet");
        logger.addHandler(capture);
        try {
            assertEquals(List.of("/good"), container(ServletContainer.builder()).deployAll(apps));
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("Failed to deploy webapp bomb.war: Archive entry 'zeros.bin' expands"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("Failed to deploy webapp dots.war: Archive entry '../../outside.txt'"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("Failed to deploy webapp link.war: Archive entry 'passwd' is a symbolic"),
                lines.get(2));
        lines.forEach(l -> assertFalse(l.contains("\n"), l));
        assertFalse(Files.exists(dir.resolve("outside.txt")));
        assertTrue(new Http(container).get("/good/e").text().contains("contextPath=/good\n"));
    }
}
