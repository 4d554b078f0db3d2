package dev.sluice.samples.slow;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /sleep?ms=N}: blocks the worker thread for N ms, the way a slow database call would. Enough of these
 * at once fill the worker pool, then the queue, and the server starts answering 503.
 */
public class SleepServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int ms;
        try {
            ms = WaitParameter.parse(request.getParameter(WaitParameter.NAME));
        } catch (IllegalArgumentException e) {
            Answers.badRequest(response, e);
            return;
        }
        long start = System.nanoTime();
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            // The container is stopping: say how long we got, and keep the interrupt for it to see.
            Thread.currentThread().interrupt();
        }
        Answers.send(response, HttpServletResponse.SC_OK,
                Answers.slept(ms, System.nanoTime() - start, Thread.currentThread().getName()));
    }
}
