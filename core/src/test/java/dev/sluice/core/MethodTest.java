package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MethodTest {

    /** RFC 9110 sections 9.2.1 (safe) and 9.2.2 (idempotent); PATCH from RFC 5789. */
    @ParameterizedTest(name = "RFC 9110 9.2: {0} safe={1} idempotent={2} standard={3}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "GET;true;true;true",
            "HEAD;true;true;true",
            "POST;false;false;true",
            "PUT;false;true;true",
            "DELETE;false;true;true",
            "CONNECT;false;false;true",
            "OPTIONS;true;true;true",
            "TRACE;true;true;true",
            "PATCH;false;false;true",
            "PROPFIND;false;false;false",
            "get;false;false;false",
            "M-SEARCH;false;false;false",
            "X!#$%&'*+.^_`|~;false;false;false",
    })
    void methods(String token, boolean safe, boolean idempotent, boolean standard) {
        Method m = Method.of(token);
        assertEquals(token, m.name());
        assertEquals(token, m.toString());
        assertEquals(safe, m.isSafe());
        assertEquals(idempotent, m.isIdempotent());
        if (standard) {
            assertSame(m, Method.of(token));
        } else {
            assertNotSame(m, Method.of(token));
            assertEquals(m, Method.of(token));
            assertEquals(m.hashCode(), Method.of(token).hashCode());
        }
    }

    @ParameterizedTest(name = "RFC 9110 9.1 method is a token: [{0}] is 400")
    @ValueSource(strings = {"", "GE T", "GET\t", "(GET)", "G\u00c9T", "GET/1", "a,b", "\"GET\""})
    @NullSource
    void nonTokensAre400(String token) {
        HttpException e = assertThrows(HttpException.class, () -> Method.of(token));
        assertEquals(400, e.status().code());
    }
}
