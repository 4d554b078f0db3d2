package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpExceptionTest {

    @ParameterizedTest(name = "{0} carries {0} and its message")
    @CsvSource({"400", "408", "413", "414", "431", "501", "505"})
    void carriesStatusAndSafeMessage(int code) {
        HttpException e = new HttpException(code, "Short reason");
        assertEquals(code, e.status().code());
        assertEquals(Status.of(code), e.status());
        assertEquals("Short reason", e.getMessage());
        assertEquals(0, e.getStackTrace().length, "no stack trace: bad input is routine, not exceptional");
        assertNull(e.getCause());
        assertEquals(400, HttpException.badRequest("x").status().code());
    }
}
