package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored attribute is bytes from outside the JVM (a shared Redis, a session folder): one crafted to exhaust the
 * stack or the heap when deserialized is refused by the read limits, dropped with one log line naming the limit,
 * and the rest of the session still reads back. The file store is driven here; the Redis store reads its fields
 * through the same code.
 */
class HostileSessionBlobTest {
    private static final Logger SESSION_LOG = Logger.getLogger("dev.sluice.servlet.session");

    @TempDir
    Path dir;
    Webapp app;
    ServletContainer container;
    final List<String> warnings = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (warnings) {
                    warnings.add(r.getMessage());
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void deploy() throws Exception {
        app = app(dir.resolve("s"), dir.resolve("events.txt"),
                TestSupport.servlet("script", testapps.ActionServlet.class, "/x"));
        container = start();
        SESSION_LOG.addHandler(capture);
    }

    @AfterEach
    void close() {
        SESSION_LOG.removeHandler(capture);
        container.close();
    }

    private ServletContainer start() throws Exception {
        ServletContainer c = ServletContainer.builder().workDir(dir.resolve("work"))
                .setting("sessionStore", "file").build();
        c.deploy(app.path());
        return c;
    }

    private MemoryExchange run(String actions, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of("X-Do: " + actions));
        all.addAll(List.of(headers));
        return new Http(container).send("GET", "/s/x", null, all.toArray(String[]::new));
    }

    @Test
    void aTooDeepAndAnArrayBombAttributeAreDroppedAndTheRestReadsBack() throws Exception {
        Matcher m = Pattern.compile("JSESSIONID=([0-9A-F]+)")
                .matcher(run("session;set:note=kept;set:deep=x;set:bomb=y").header("Set-Cookie"));
        assertTrue(m.find());
        String id = m.group(1);
        container.close();
        replaceFields(dir.resolve("work/sessions/s/" + id + ".session"),
                Map.of("a:deep", nestedArrays(20_000), "a:bomb", longArrayClaiming(Integer.MAX_VALUE)));
        container = start();

        MemoryExchange after = run("get:note;get:deep;get:bomb", "Cookie: JSESSIONID=" + id);
        assertEquals(200, after.code());
        assertEquals("note=kept webappClass=true\ndeep=null\nbomb=null\n", after.text());
        synchronized (warnings) {
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.contains("Session attribute deep of /s cannot be read back, dropped: "
                    + "java.io.InvalidClassException: past the session read limits: nested deeper than 500 levels"),
                    warnings.toString());
            assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Session attribute bomb of /s cannot be read "
                    + "back, dropped: java.io.InvalidClassException: past the session read limits: an array of "
                    + Integer.MAX_VALUE + " elements in ")), warnings.toString());
        }
    }

    /** {@code Object[]{Object[]{...}}}, {@code depth} levels: written on a thread with a stack big enough. */
    private static byte[] nestedArrays(int depth) throws Exception {
        Object[] inner = new Object[0];
        for (int i = 0; i < depth; i++) {
            inner = new Object[] {inner};
        }
        Object[] root = inner;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Throwable[] failed = new Throwable[1];
        Thread writer = new Thread(null, () -> {
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(root);
            } catch (Throwable e) {
                failed[0] = e;
            }
        }, "deep-writer", 512L * 1024 * 1024);
        writer.start();
        writer.join();
        if (failed[0] != null) {
            throw new AssertionError("could not write the deep blob", failed[0]);
        }
        return bytes.toByteArray();
    }

    /** A serialized one-element long[] whose length field is made to claim {@code length} (16 GiB for 2^31-1). */
    private static byte[] longArrayClaiming(int length) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new long[] {42});
        }
        byte[] b = bytes.toByteArray();
        ByteBuffer.wrap(b).putInt(b.length - Long.BYTES - Integer.BYTES, length); // the length precedes the element
        return b;
    }

    /** Rewrites fields of a session file in the file store's format (FileSessionPersistence). */
    private static void replaceFields(Path file, Map<String, byte[]> replaced) throws IOException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file));
             DataOutputStream out = new DataOutputStream(copy)) {
            out.writeInt(in.readInt());
            out.writeUTF(in.readUTF());
            for (int i = 0; i < 4; i++) {
                out.writeLong(in.readLong());
            }
            out.writeInt(in.readInt());
            int count = in.readInt();
            Map<String, byte[]> fields = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                fields.put(name, in.readNBytes(in.readInt()));
            }
            assertTrue(fields.keySet().containsAll(replaced.keySet()), fields.keySet().toString());
            fields.putAll(replaced);
            out.writeInt(fields.size());
            for (Map.Entry<String, byte[]> f : fields.entrySet()) {
                out.writeUTF(f.getKey());
                out.writeInt(f.getValue().length);
                out.write(f.getValue());
            }
        }
        Files.write(file, copy.toByteArray());
    }
}
