package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The build gives every test a timeout (root pom, {@code junit.timeouts}), so a hang fails in a minute instead
 * of blocking CI (issue 14). Checked here because a missing setting is otherwise invisible until a test hangs.
 */
class TestTimeoutsTest {
    private String timeout;
    private String threadMode;

    @RegisterExtension
    final BeforeEachCallback readSettings = context -> {
        timeout = context.getConfigurationParameter("junit.jupiter.execution.timeout.default").orElse("none");
        threadMode = context.getConfigurationParameter("junit.jupiter.execution.timeout.thread.mode.default")
                .orElse("SAME_THREAD");
    };

    @Test
    void everyTestHasADefaultTimeoutThatAlsoStopsUninterruptibleCalls() {
        assertTrue(timeout.matches("\\d+ ?s"), "default timeout: " + timeout);
        assertTrue(Integer.parseInt(timeout.replaceAll("\\D", "")) <= 60, "default timeout: " + timeout);
        // A blocking socket read ignores the interrupt that the same-thread mode relies on.
        assertEquals("SEPARATE_THREAD", threadMode);
    }
}
