package dev.sluice.servlet.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sluice.core.Tokens;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the Cookie request header parser ({@link CookieCodec#parse}, RFC 6265 section 4.2).
 * <ul>
 * <li>{@code parse}: arbitrary header values (ISO-8859-1). No exception; every cookie has a non-empty token name
 *     not starting with {@code $}, and a value with no {@code ;} and no surrounding white space.</li>
 * <li>{@code roundTrip}: token names and {@code cookie-octet} values sent as {@code a=1; b=2} come back in order.</li>
 * </ul>
 */
class CookieCodecFuzzTest {
    @FuzzTest
    void parse(byte[] input) {
        String header = new String(input, StandardCharsets.ISO_8859_1);
        for (Cookie c : CookieCodec.parse(List.of(header, header))) {
            String name = c.getName();
            String value = c.getValue();
            assertTrue(Tokens.isToken(name) && !name.startsWith("$"), () -> "cookie name " + name);
            assertFalse(value.indexOf(';') >= 0 || !value.equals(value.strip()), () -> "cookie value " + value);
        }
    }

    @FuzzTest
    void roundTrip(FuzzedDataProvider data) {
        List<String> sent = new ArrayList<>();
        StringBuilder header = new StringBuilder();
        int n = data.consumeInt(1, 5);
        for (int i = 0; i < n; i++) {
            String name = data.consumeAsciiString(10).replaceAll("[^!#$%&'*+.^_`|~0-9A-Za-z-]", "");
            if (name.isEmpty() || name.startsWith("$")) {
                name = "c" + i;
            }
            // cookie-octet: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
            String value = data.consumeAsciiString(20).replaceAll("[^\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]", "");
            if (data.consumeBoolean()) {
                value = "\"" + value + "\"";
            }
            sent.add(name + "=" + value);
            header.append(i == 0 ? "" : "; ").append(name).append('=').append(value);
        }
        List<String> received = new ArrayList<>();
        for (Cookie c : CookieCodec.parse(List.of(header.toString()))) {
            received.add(c.getName() + "=" + c.getValue());
        }
        assertEquals(sent, received);
    }
}
