package dev.sluice.samples.slow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AnswersTest {

    @Test
    void sleepAnswerSaysHowLongAndOnWhichWorker() {
        assertEquals("slept 251 ms (asked for 250 ms), holding worker thread w-1 the whole time\n",
                Answers.slept(250, TimeUnit.MICROSECONDS.toNanos(251_900), "w-1"));
    }

    @Test
    void asyncAnswerSaysTheWorkerWasReleased() {
        assertEquals("waited 0 ms (asked for 0 ms) without holding a worker: thread w-2 was released at once\n",
                Answers.waitedAsync(0, 400_000, "w-2"));
    }
}
