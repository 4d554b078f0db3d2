package dev.sluice.samples.guestbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntryFormTest {

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of(null, "hi", List.of("name is required")),
                Arguments.of("   ", "hi", List.of("name is required")),
                Arguments.of("Ann", null, List.of("message is required")),
                Arguments.of("Ann", " \r\n ", List.of("message is required")),
                Arguments.of(null, null, List.of("name is required", "message is required")),
                Arguments.of("x".repeat(41), "hi",
                        List.of("name is 41 characters long; at most 40 are allowed")),
                Arguments.of("Ann", "y".repeat(501),
                        List.of("message is 501 characters long; at most 500 are allowed")),
                Arguments.of("Ann\nEve", "hi", List.of("name contains control characters")),
                Arguments.of("Ann", "bell\u0007", List.of("message contains control characters")),
                Arguments.of("Ann\u0000", "nul\u0000", List.of("name contains control characters",
                        "message contains control characters")));
    }

    @ParameterizedTest(name = "[{index}] name={0} message={1}")
    @MethodSource("rejected")
    void rejectsWithEveryReason(String name, String message, List<String> problems) {
        EntryForm form = EntryForm.of(name, message);
        assertFalse(form.isValid());
        assertEquals(problems, form.problems());
    }

    @Test
    void acceptsAndNormalizes() {
        EntryForm form = EntryForm.of("  Ann  ", "\r\nfirst line\r\nsecond\tline\r\n\r\n");
        assertTrue(form.isValid(), () -> form.problems().toString());
        assertEquals("Ann", form.name());
        assertEquals("first line\nsecond\tline", form.message());
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // 40 emoji are 80 UTF-16 units but 40 characters: allowed.
        String name = "\uD83D\uDE00".repeat(40);
        assertTrue(EntryForm.of(name, "hi").isValid());
        assertFalse(EntryForm.of(name + "\uD83D\uDE00", "hi").isValid());
    }

    @Test
    void acceptsTheLongestAllowedValues() {
        assertTrue(EntryForm.of("n".repeat(EntryForm.MAX_NAME), "m".repeat(EntryForm.MAX_MESSAGE)).isValid());
    }

    @Test
    void blankFormCarriesTheRememberedName() {
        EntryForm form = EntryForm.blank("Ann");
        assertTrue(form.isValid());
        assertEquals("Ann", form.name());
        assertEquals("", form.message());
        assertEquals("", EntryForm.blank(null).name());
    }
}
