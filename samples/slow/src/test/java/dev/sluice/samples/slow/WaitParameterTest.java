package dev.sluice.samples.slow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class WaitParameterTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"0, 0", "1, 1", "250, 250", "0250, 250", "60000, 60000", "000000001, 1"})
    void acceptsWholeMillisecondsUpToOneMinute(String raw, int expected) {
        assertEquals(expected, WaitParameter.parse(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingIsRejected(String raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WaitParameter.parse(raw));
        assertEquals("missing parameter ms: the time to wait in milliseconds, 0 to 60000", e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "-1            | ms must be a whole number of milliseconds, 0 to 60000, was \"-1\"",
            "+5            | ms must be a whole number of milliseconds, 0 to 60000, was \"+5\"",
            "1.5           | ms must be a whole number of milliseconds, 0 to 60000, was \"1.5\"",
            "`1 `          | ms must be a whole number of milliseconds, 0 to 60000, was \"1 \"",
            "ten           | ms must be a whole number of milliseconds, 0 to 60000, was \"ten\"",
            "1e3           | ms must be a whole number of milliseconds, 0 to 60000, was \"1e3\"",
            "9999999999    | ms must be a whole number of milliseconds, 0 to 60000, was \"9999999999\"",
            "abcdefghijklmnopqrstuvwxyz | ms must be a whole number of milliseconds, 0 to 60000, was \"abcdefghijklmnopqrst...\"",
            "60001         | ms must be at most 60000, was 60001",
            "999999999     | ms must be at most 60000, was 999999999",
    })
    void badValuesAreRejectedWithAOneLineReason(String raw, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WaitParameter.parse(raw));
        assertEquals(reason, e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void controlCharactersAreNotEchoed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WaitParameter.parse("1\r\nX-Evil: 1"));
        assertEquals("ms must be a whole number of milliseconds, 0 to 60000, was \"1??X-Evil: 1\"", e.getMessage());
    }
}
