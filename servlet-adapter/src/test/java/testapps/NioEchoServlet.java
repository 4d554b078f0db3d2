package testapps;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * POST: reads the body with a ReadListener and answers "echo:" + body. GET: figures for the test: uploads in
 * flight now and at most, callback threads, and rule violations seen (concurrent callbacks, a second
 * onAllDataRead, a callback without the webapp's class loader, read allowed after isReady returned false).
 */
public class NioEchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final AtomicInteger ACTIVE = new AtomicInteger();
    static final AtomicInteger MAX_ACTIVE = new AtomicInteger();
    static final AtomicInteger VIOLATIONS = new AtomicInteger();
    static final AtomicInteger ERRORS = new AtomicInteger();
    static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        int foreign = (int) THREADS.stream().filter(n -> !n.startsWith(req.getParameter("prefix"))).count();
        resp.getWriter().print("active=" + ACTIVE.get() + " max=" + MAX_ACTIVE.get() + " threads=" + THREADS.size()
                + " foreign=" + foreign + " violations=" + VIOLATIONS.get() + " errors=" + ERRORS.get());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        int now = ACTIVE.incrementAndGet();
        MAX_ACTIVE.accumulateAndGet(now, Math::max);
        AsyncContext ac = req.startAsync();
        ac.setTimeout(300_000);
        ServletInputStream in = req.getInputStream();
        ClassLoader webapp = Thread.currentThread().getContextClassLoader();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        AtomicBoolean inCallback = new AtomicBoolean();
        AtomicBoolean allRead = new AtomicBoolean();
        in.setReadListener(new ReadListener() {
            private void enter() {
                THREADS.add(Thread.currentThread().getName());
                if (!inCallback.compareAndSet(false, true)
                        || Thread.currentThread().getContextClassLoader() != webapp) {
                    VIOLATIONS.incrementAndGet();
                }
            }

            @Override
            public void onDataAvailable() throws IOException {
                enter();
                try {
                    byte[] b = new byte[7];
                    while (in.isReady()) {
                        int n = in.read(b);
                        if (n < 0) {
                            break;
                        }
                        got.write(b, 0, n);
                    }
                    if (!in.isFinished()) {
                        try {
                            in.read(b); // isReady() just returned false: must be refused
                            VIOLATIONS.incrementAndGet();
                        } catch (IllegalStateException expected) {
                            // as the specification requires
                        }
                    }
                } finally {
                    inCallback.set(false);
                }
            }

            @Override
            public void onAllDataRead() throws IOException {
                enter();
                try {
                    if (!allRead.compareAndSet(false, true)) {
                        VIOLATIONS.incrementAndGet();
                    }
                    resp.setContentType("text/plain");
                    resp.getOutputStream().write(("echo:" + got.toString(StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8));
                } finally {
                    inCallback.set(false);
                    ACTIVE.decrementAndGet();
                    ac.complete();
                }
            }

            @Override
            public void onError(Throwable t) {
                ERRORS.incrementAndGet();
                ACTIVE.decrementAndGet();
                ac.complete();
            }
        });
    }
}
