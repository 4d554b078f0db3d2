package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Fuzzes {@link RequestPath#decode} with request targets as the connector hands them over (ISO-8859-1 text).
 * Properties: the only failure is a 400 {@link HttpException}; an accepted path starts with {@code /}, holds no
 * empty, {@code .} or {@code ..} segment (parameters stripped), no backslash and no control character; normalizing
 * it again changes nothing; resolved under a root folder it stays under that root. Seeds: the cases of
 * {@code RequestPathTest}, in {@code RequestPathFuzzTestInputs/decode}. docs/reliability.md says how to fuzz.
 */
class RequestPathFuzzTest {
    private static final Path ROOT = Path.of("/srv/webapp");

    @FuzzTest
    void decode(byte[] input) {
        String raw = new String(input, StandardCharsets.ISO_8859_1);
        String path;
        try {
            path = RequestPath.decode(raw);
        } catch (HttpException e) {
            assertEquals(400, e.status().code(), e.getMessage());
            return;
        }
        assertTrue(path.startsWith("/"), path);
        assertFalse(path.contains("//"), path);
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String bare = segments[i].split(";", -1)[0];
            assertFalse(bare.equals(".") || bare.equals(".."), () -> "dot segment left in " + path);
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            assertFalse(c < 0x20 || c == 0x7F || c == '\\', () -> "control character or backslash in " + path);
        }
        assertEquals(path, RequestPath.normalize(path), "normalizing twice changes the path");
        assertTrue(ROOT.resolve(path.substring(1)).normalize().startsWith(ROOT), () -> path + " escapes the root");
    }
}
