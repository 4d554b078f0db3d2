package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input must become a clear 4xx, never another exception that would surface as a 500 or kill a thread. Feeds
 * every parser strings built from the characters that matter to HTTP (seeded, so a failure repeats) and checks
 * that each either answers within its invariants or throws {@link HttpException}.
 */
class RobustnessTest {
    private static final String ALPHABET = "/.%2e2E5cCfF0aAzZ9-,;=:*?#@[]\"'W\\ \t\u0000\u00e9\u20ac"
            + "GHTPbytesgzipq1";
    private static final int CASES = 20_000;

    private final Random random = new Random(20261126L);

    private String randomText() {
        int length = random.nextInt(24);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private String randomPath() {
        return "/" + randomText();
    }

    @Test
    void requestPathIsDecodedOrRefused() {
        for (int i = 0; i < CASES; i++) {
            String raw = random.nextInt(4) == 0 ? randomText() : randomPath();
            try {
                String path = RequestPath.decode(raw);
                assertTrue(path.startsWith("/"), raw);
                for (String segment : path.split("/")) {
                    String bare = segment.contains(";") ? segment.substring(0, segment.indexOf(';')) : segment;
                    assertFalse(bare.equals("..") || bare.equals("."), "dot segment left in " + path + " from "
                            + raw);
                }
                assertFalse(path.contains("//"), path);
                assertFalse(path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0, path);
            } catch (HttpException e) {
                assertEquals(400, e.status().code(), raw);
            } catch (RuntimeException e) {
                fail("RequestPath.decode(" + raw + ") threw " + e);
            }
        }
    }

    @Test
    void requestHeadsAreBuiltOrRefused() {
        List<Method> methods = List.of(Method.GET, Method.OPTIONS, Method.CONNECT, Method.of("X"));
        for (int i = 0; i < CASES; i++) {
            String target = random.nextBoolean() ? randomPath() : randomText();
            Headers headers = new Headers();
            int hosts = random.nextInt(3);
            for (int h = 0; h < hosts; h++) {
                headers.add("Host", randomText().replaceAll("[\\r\\n\\u0000]", ""));
            }
            Method method = methods.get(random.nextInt(methods.size()));
            HttpVersion version = random.nextBoolean() ? HttpVersion.HTTP_1_1 : HttpVersion.HTTP_1_0;
            try {
                RequestHead head = RequestHead.of(method, target, version, headers);
                assertTrue(head.form() != TargetForm.ORIGIN || head.path().startsWith("/"), target);
                assertTrue(head.form() != TargetForm.ASTERISK || method.equals(Method.OPTIONS), target);
                assertEquals(head.form() == TargetForm.AUTHORITY, method.equals(Method.CONNECT), target);
                assertTrue(hosts <= 1, "two Host fields accepted");
                assertTrue(hosts == 1 || version == HttpVersion.HTTP_1_0, "HTTP/1.1 without Host accepted");
            } catch (HttpException e) {
                assertEquals(400, e.status().code(), target);
            } catch (RuntimeException e) {
                fail("RequestHead.of(" + method + ", " + target + ") threw " + e);
            }
        }
    }

    @Test
    void smallParsersAnswerOrRefuse() {
        for (int i = 0; i < CASES; i++) {
            String text = randomText();
            try {
                HttpVersion.parse(text);
            } catch (HttpException e) {
                assertTrue(e.status().code() == 400 || e.status().code() == 505, text);
            }
            try {
                Method.of(text);
            } catch (HttpException e) {
                assertEquals(400, e.status().code(), text);
            }
            String value = text.replaceAll("[\\r\\n\\u0000]", "");
            try {
                long length = new Headers().add("Content-Length", value).contentLength();
                assertTrue(length >= 0, value);
            } catch (HttpException e) {
                assertEquals(400, e.status().code(), value);
            }
            HttpDate.parse(text);
            EntityTag.parseList(text);
            EntityTag.parse(text);
            ContentCodings.negotiate(text, List.of("br", "gzip"));
        }
    }

    @Test
    void badLimitValuesAlwaysNameTheirKey() {
        List<String> keys = List.copyOf(Limits.propertyKeys());
        String chars = "0123456789-.kKmMgGiIbBsShH off";
        for (int i = 0; i < CASES; i++) {
            String key = keys.get(random.nextInt(keys.size()));
            StringBuilder value = new StringBuilder();
            for (int c = random.nextInt(8); c > 0; c--) {
                value.append(chars.charAt(random.nextInt(chars.length())));
            }
            java.util.Properties p = new java.util.Properties();
            p.setProperty(key, value.toString());
            try {
                Limits.fromProperties(p, Limits.DEFAULTS);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains(key), key + "=" + value + ": " + e.getMessage());
            } catch (RuntimeException e) {
                fail(key + "=" + value + " threw " + e);
            }
        }
    }

    @Test
    void rangesStayInsideTheRepresentation() {
        for (int i = 0; i < CASES; i++) {
            String range = random.nextBoolean() ? "bytes=" + randomText() : randomText();
            long length = random.nextInt(50);
            ByteRanges r = ByteRanges.parse(range, length);
            for (ByteRange b : r.ranges()) {
                assertTrue(b.first() >= 0 && b.last() < length && b.first() <= b.last(), range + " of " + length);
            }
            assertEquals(r.status().code() == 206, !r.ranges().isEmpty(), range);
        }
    }

    @Test
    void preconditionsAlwaysAnswerOneOfFourStatuses() {
        List<String> names = List.of("If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since",
                "If-Range", "Range");
        for (int i = 0; i < CASES; i++) {
            Headers h = new Headers();
            for (String name : names) {
                if (random.nextInt(3) == 0) {
                    h.add(name, randomText().replaceAll("[\\r\\n\\u0000]", ""));
                }
            }
            Status s = Preconditions.evaluate(random.nextBoolean() ? Method.GET : Method.PUT, h,
                    EntityTag.strong("v"), Instant.EPOCH, random.nextBoolean());
            assertTrue(List.of(200, 206, 304, 412).contains(s.code()), h.toString());
        }
    }
}
