package dev.sluice.servlet.internal;

import dev.sluice.core.Headers;
import dev.sluice.core.HttpException;
import dev.sluice.servlet.internal.deploy.WarUnpacker;
import dev.sluice.servlet.internal.http.AcceptLanguage;
import dev.sluice.servlet.internal.http.CookieCodec;
import dev.sluice.servlet.internal.http.FormDecoder;
import dev.sluice.servlet.internal.mapping.ServletMapper;
import dev.sluice.servlet.internal.staticfiles.ByteRanges;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Table tests of the adapter's pure parsers. */
class ParsersTest {
    @ParameterizedTest(name = "{0} of 100 -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            bytes=0-9          | 0-9
            bytes=90-          | 90-99
            bytes=-10          | 90-99
            bytes=95-200       | 95-99
            bytes=0-0,50-50    | 0-0 50-50
            bytes=-200         | 0-99
            BYTES=1-2          | 1-2
            bytes=100-         | unsatisfiable
            bytes=-0           | unsatisfiable
            bytes=5-1          | ignore
            bytes=a-b          | ignore
            items=1-2          | ignore
            bytes=1            | ignore
            """)
    void byteRanges(String header, String expected) {
        ByteRanges.Result r = ByteRanges.parse(header, 100);
        String actual = r.ignore() ? "ignore" : r.unsatisfiable() ? "unsatisfiable"
                : String.join(" ", r.ranges().stream().map(x -> x.first() + "-" + x.last()).toList());
        assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a=1&b=2            | {a=[1], b=[2]}
            a=1&a=2            | {a=[1, 2]}
            a+b=c+d            | {a b=[c d]}
            x=%41%42           | {x=[AB]}
            x=%4               | {x=[%4]}
            x=%zz              | {x=[%zz]}
            x=%f\u06f7%\uff21\uff11 | {x=[%f\u06f7%\uff21\uff11]}
            flag&&=v&k=        | {flag=[], =[v], k=[]}
            e=%C3%A9           | {e=[é]}
            """)
    void formDecoding(String text, String expected) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        FormDecoder.decode(text, StandardCharsets.UTF_8, map, 100, 0);
        assertEquals(expected, map.toString());
    }

    @Test
    void formDecodingCountsAgainstTheLimit() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        HttpException e = assertThrows(HttpException.class,
                () -> FormDecoder.decode("a=1&b=2&c=3", StandardCharsets.UTF_8, map, 3, 1));
        assertEquals(400, e.status().code());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''             | true
            /              | true
            /a/b           | true
            /a/*           | true
            /*             | true
            *.jsp          | true
            *.             | false
            *.a/b          | false
            /a/*/b         | true
            a/b            | false
            /a*            | true
            """)
    void urlPatternValidity(String pattern, boolean valid) {
        assertEquals(valid, ServletMapper.isValid(pattern));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /*        | /anything/x  | true
            /a/*      | /a           | true
            /a/*      | /a/b         | true
            /a/*      | /ab          | false
            *.do      | /x/y.do      | true
            *.do      | /x.do/y      | false
            /exact    | /exact       | true
            /exact    | /exact/      | false
            ''        | /            | true
            """)
    void filterUrlPatterns(String pattern, String path, boolean matches) {
        assertEquals(matches, ServletMapper.matches(pattern, path));
    }

    @Test
    void cookiesParseAndFormat() {
        Cookie[] cookies = CookieCodec.parse(List.of("a=1; b=\"q v\"; $Path=/; bad name=x; c="));
        assertEquals("a=1 b=\"q v\" c=", String.join(" ", java.util.Arrays.stream(cookies)
                .map(c -> c.getName() + "=" + c.getValue()).toList()));
        Cookie c = new Cookie("id", "42");
        c.setPath("/app");
        c.setHttpOnly(true);
        c.setSecure(true);
        c.setAttribute("SameSite", "Lax");
        assertEquals("id=42; Path=/app; Secure; HttpOnly; SameSite=Lax", CookieCodec.format(c));
        Cookie deleted = new Cookie("id", "");
        deleted.setMaxAge(0);
        assertEquals("id=; Expires=Thu, 01 Jan 1970 00:00:10 GMT", CookieCodec.format(deleted));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            da, en-gb;q=0.8, en;q=0.7  | da en-GB en
            en;q=0.1, fr               | fr en
            xx-;q=1, de                | de
            fr;q=0                     | und
            en, ;                      | en
            """)
    void acceptLanguage(String header, String expected) {
        Headers h = new Headers().add("Accept-Language", header);
        List<java.util.Locale> locales = AcceptLanguage.locales(h);
        String actual = expected.equals("und") ? (locales.equals(List.of(java.util.Locale.getDefault())) ? "und"
                : locales.toString()) : String.join(" ", locales.stream().map(java.util.Locale::toLanguageTag).toList());
        assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../x", "a/../../x", "/etc/passwd", "C:/windows/x", "a\\..\\..\\x", "a/../b"})
    void zipSlipEntriesAreRefused(String entry) {
        IOException e = assertThrows(IOException.class, () -> WarUnpacker.resolve(Path.of("/tmp/target"), entry));
        assertTrue(e.getMessage().contains("refused"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"WEB-INF/web.xml", "a/./b", "index.html", "a..b/..c"})
    void ordinaryEntriesStayInside(String entry) throws IOException {
        assertTrue(WarUnpacker.resolve(Path.of("/tmp/target"), entry).startsWith(Path.of("/tmp/target")));
    }
}
