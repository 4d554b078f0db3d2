package testapps;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GET ?size=N streams N pattern bytes (byte i is i mod 251) with a WriteListener; GET ?stats reports how often
 * isReady returned false, whether a write right after that was refused, and errors.
 */
public class NioStreamServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final AtomicInteger NOT_READY = new AtomicInteger();
    static final AtomicInteger REFUSED = new AtomicInteger();
    static final AtomicInteger ERRORS = new AtomicInteger();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getParameter("stats") != null) {
            resp.getWriter().print("notReady=" + NOT_READY.get() + " refused=" + REFUSED.get() + " errors="
                    + ERRORS.get());
            return;
        }
        long total = Long.parseLong(req.getParameter("size"));
        AsyncContext ac = req.startAsync();
        ac.setTimeout(300_000);
        resp.setContentType("application/octet-stream");
        ServletOutputStream out = resp.getOutputStream();
        out.setWriteListener(new WriteListener() {
            private long sent;

            @Override
            public void onWritePossible() throws IOException {
                byte[] piece = new byte[32 * 1024];
                while (out.isReady()) {
                    if (sent >= total) {
                        ac.complete();
                        return;
                    }
                    int n = (int) Math.min(piece.length, total - sent);
                    for (int i = 0; i < n; i++) {
                        piece[i] = (byte) ((sent + i) % 251);
                    }
                    out.write(piece, 0, n);
                    sent += n;
                }
                if (NOT_READY.incrementAndGet() == 1) {
                    try {
                        out.write(1);
                    } catch (IllegalStateException expected) {
                        REFUSED.incrementAndGet();
                    }
                }
            }

            @Override
            public void onError(Throwable t) {
                ERRORS.incrementAndGet();
                ac.complete();
            }
        });
    }
}
