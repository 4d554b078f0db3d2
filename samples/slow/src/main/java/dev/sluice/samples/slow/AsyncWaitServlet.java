package dev.sluice.samples.slow;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code /async?ms=N}: suspends the request for N ms with {@link AsyncContext} and returns the worker thread to
 * the pool at once; one timer thread answers every waiting request when its time is up. Thousands can wait at
 * the same time while the pool stays free.
 */
public class AsyncWaitServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Extra time the container grants past N before it times the request out (a safety net only). */
    private static final long TIMEOUT_MARGIN_MS = 30_000;

    private transient ScheduledExecutorService timer;

    @Override
    public void init() {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "slow-async-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int ms;
        try {
            ms = WaitParameter.parse(request.getParameter(WaitParameter.NAME));
        } catch (IllegalArgumentException e) {
            Answers.badRequest(response, e);
            return;
        }
        String workerThread = Thread.currentThread().getName();
        long start = System.nanoTime();
        AsyncContext async = request.startAsync();
        async.setTimeout(ms + TIMEOUT_MARGIN_MS);
        // Exactly one of the timer, a container timeout or an error finishes the exchange.
        AtomicBoolean finished = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                if (finished.compareAndSet(false, true)) {
                    Answers.send((HttpServletResponse) event.getAsyncContext().getResponse(),
                            HttpServletResponse.SC_SERVICE_UNAVAILABLE, "503 Service Unavailable: the timer did not fire in time\n");
                    event.getAsyncContext().complete();
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                finished.set(true);
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        timer.schedule(() -> answer(async, finished, ms, start, workerThread), ms, TimeUnit.MILLISECONDS);
    }

    private void answer(AsyncContext async, AtomicBoolean finished, int ms, long start, String workerThread) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            Answers.send((HttpServletResponse) async.getResponse(), HttpServletResponse.SC_OK,
                    Answers.waitedAsync(ms, System.nanoTime() - start, workerThread));
        } catch (IOException | RuntimeException e) {
            // The client left or the container is stopping; nobody is there to tell.
            log("slow: could not answer an async wait of " + ms + " ms: " + e);
        } finally {
            async.complete();
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
