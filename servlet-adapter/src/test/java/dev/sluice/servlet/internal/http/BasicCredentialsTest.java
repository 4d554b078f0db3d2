package dev.sluice.servlet.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7617 credentials: what is accepted and how it is decoded. */
class BasicCredentialsTest {
    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==     | Aladdin | open sesame
            basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==     | Aladdin | open sesame
            BASIC    QWxhZGRpbjpvcGVuIHNlc2FtZQ==  | Aladdin | open sesame
            Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ       | Aladdin | open sesame
            Basic dTpwOnc6eA==                     | u       | p:w:x
            Basic OnB3                             | ''      | pw
            Basic dTo=                             | u       | ''
            """)
    void wellFormedCredentials(String header, String user, String password) {
        BasicCredentials c = BasicCredentials.parse(header);
        assertEquals(user, c.user());
        assertEquals(password, c.password());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL
            ''
            Basic
            Basic\u0020
            BasicQWxhZGRpbjpvcGVuIHNlc2FtZQ==
            Bearer QWxhZGRpbjpvcGVuIHNlc2FtZQ==
            Basic !!!!
            Basic QWxh ZGRp
            Basic bm8gY29sb24=
            """)
    void malformedOrOtherSchemesAreNull(String header) {
        assertNull(BasicCredentials.parse(header));
    }

    @Test
    void utf8IsDecodedAndLatin1IsTheFallback() {
        BasicCredentials utf8 = BasicCredentials.parse("Basic " + b64("jürgen:pässwörd".getBytes(StandardCharsets.UTF_8)));
        assertEquals("jürgen", utf8.user());
        assertEquals("pässwörd", utf8.password());
        BasicCredentials latin1 = BasicCredentials.parse("Basic " + b64("jürgen:ä".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("jürgen", latin1.user());
        assertEquals("ä", latin1.password());
    }

    @Test
    void toStringHidesThePassword() {
        BasicCredentials c = BasicCredentials.parse("Basic " + b64("u:topsecret".getBytes(StandardCharsets.UTF_8)));
        assertFalse(c.toString().contains("topsecret"));
    }
}
