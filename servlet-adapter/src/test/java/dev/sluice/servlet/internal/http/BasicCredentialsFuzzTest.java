package dev.sluice.servlet.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Fuzzes {@link BasicCredentials#parse} (RFC 7617 section 2).
 * <ul>
 * <li>{@code parse}: arbitrary Authorization values. No exception (a bad value is null, which means a 401
 *     challenge); a parsed user-id holds no colon.</li>
 * <li>{@code roundTrip}: a user-id without a colon and any password, encoded as UTF-8 (the charset the challenge
 *     asks for) under any spelling of the scheme, come back exactly.</li>
 * </ul>
 */
class BasicCredentialsFuzzTest {
    @FuzzTest
    void parse(byte[] input) {
        BasicCredentials c = BasicCredentials.parse(new String(input, StandardCharsets.ISO_8859_1));
        if (c != null) {
            assertFalse(c.user().contains(":"), "colon in the user-id");
        }
    }

    @FuzzTest
    void roundTrip(FuzzedDataProvider data) {
        String user = wellFormed(data.consumeString(20)).replace(":", "");
        String password = wellFormed(data.consumeString(40));
        String scheme = data.pickValue(new String[] {"Basic", "basic", "BASIC", "bAsIc"});
        String spaces = " ".repeat(data.consumeInt(1, 3));
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        BasicCredentials c = BasicCredentials.parse(scheme + spaces + token);
        assertNotNull(c);
        assertEquals(user, c.user());
        assertEquals(password, c.password());
    }

    private static String wellFormed(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
