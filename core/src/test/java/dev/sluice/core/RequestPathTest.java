package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestPathTest {

    /**
     * RFC 3986 sections 2.1 (percent-encoding), 2.5 (UTF-8), 5.2.4 (remove_dot_segments) and the rules in
     * {@link RequestPath}'s javadoc. Expected: the decoded path, or "400: reason".
     */
    @ParameterizedTest(name = "RFC 3986: [{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\u0000', value = {
            "/|/",
            "/index.html|/index.html",
            "/a/b/|/a/b/",
            "/a%20b|/a b",
            "/%7Euser|/~user",
            "/caf%C3%A9|/caf\u00e9",
            "/%E2%82%AC|/\u20ac",
            "/%F0%9F%98%80|/\ud83d\ude00",
            "/a+b|/a+b",
            "/a;jsessionid=1/b|/a;jsessionid=1/b",
            "/%25|/%",
            "/%2541|/%41",
            "/.well-known/x|/.well-known/x",
            "/a/.hidden|/a/.hidden",
            "/a/...|/a/...",
            // dot segments (5.2.4), also encoded, and repeated slashes
            "/a/./b|/a/b",
            "/a/../b|/b",
            "/a/b/..|/a/",
            "/a/b/.|/a/b/",
            "/a/b/../../c|/c",
            "/a/%2e%2e/b|/b",
            "/a/%2E/b|/a/b",
            "/a/.%2e/b|/b",
            "//a///b//|/a/b/",
            "/a/..|/",
            "/.|/",
            "/./|/",
            "/a/..;x/b|/b",
            "/a/.;x/b|/a/b",
            // climbing above the root
            "/..|400: Path climbs above its root",
            "/../etc/passwd|400: Path climbs above its root",
            "/a/../../etc|400: Path climbs above its root",
            "/%2e%2e/WEB-INF/web.xml|400: Path climbs above its root",
            "/..;x/WEB-INF|400: Path climbs above its root",
            "/a/../..;/x|400: Path climbs above its root",
            // encoded separators, NUL, controls
            "/a%2Fb|400: Encoded slash in path",
            "/a%2fb|400: Encoded slash in path",
            "/a%5Cb|400: Encoded slash in path",
            "/a%5cb|400: Encoded slash in path",
            "/a\\b|400: Backslash in path",
            "/a%00b|400: NUL in path",
            "/a\u0000b|400: NUL in path",
            "/a%0Ab|400: Control character in path",
            "/a%7Fb|400: Control character in path",
            "/a b|400: Invalid character in path",
            "/caf\u00e9|400: Invalid character in path",
            // malformed escapes and invalid UTF-8
            "/a%|400: Malformed percent-encoding in path",
            "/a%4|400: Malformed percent-encoding in path",
            "/a%G1|400: Malformed percent-encoding in path",
            "/a%%41|400: Malformed percent-encoding in path",
            "/%C3|400: Path is not valid UTF-8",
            "/%C3%28|400: Path is not valid UTF-8",
            "/%C0%AF|400: Path is not valid UTF-8",
            "/%E0%80%AF|400: Path is not valid UTF-8",
            "/%ED%A0%80|400: Path is not valid UTF-8",
            "/%FF|400: Path is not valid UTF-8",
            "/%80|400: Path is not valid UTF-8",
            // must start with /
            "a/b|400: Path must start with /",
            "*|400: Path must start with /",
            "''|400: Path must start with /",
    })
    void decode(String raw, String expected) {
        String input = raw.equals("''") ? "" : raw;
        if (expected.startsWith("400: ")) {
            HttpException e = assertThrows(HttpException.class, () -> RequestPath.decode(input));
            assertEquals(400, e.status().code());
            assertEquals(expected.substring(5), e.getMessage());
        } else {
            assertEquals(expected, RequestPath.decode(input));
        }
    }

    /** A decoded path is already normal: normalizing it again changes nothing. */
    @ParameterizedTest(name = "normalize(decode({0})) = decode({0})")
    @CsvSource({"/", "/a/b/", "/a%20b/./c", "/x/../y.html", "//a//b", "/a/..;x/b/", "/%2e/a"})
    void decodedPathsAreNormal(String raw) {
        String decoded = RequestPath.decode(raw);
        assertEquals(decoded, RequestPath.normalize(decoded));
    }

    @org.junit.jupiter.api.Test
    void nullIs400() {
        assertEquals(400, assertThrows(HttpException.class, () -> RequestPath.decode(null)).status().code());
    }
}
