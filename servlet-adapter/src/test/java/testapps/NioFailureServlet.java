package testapps;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * POST ?id=N: reads the body with a ReadListener that neither completes nor dispatches on error, and records the
 * ReadListener's and the AsyncListener's calls under N. GET ?write=N: writes 64 KiB pieces with a WriteListener
 * until the client is gone, recorded alike. GET ?events=N: those calls, comma-separated.
 */
public class NioFailureServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final Map<String, List<String>> EVENTS = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getParameter("write") == null) {
            resp.getWriter().print(String.join(",", EVENTS.getOrDefault(req.getParameter("events"), List.of())));
            return;
        }
        List<String> events = EVENTS.computeIfAbsent(req.getParameter("write"), k -> new CopyOnWriteArrayList<>());
        Throwable[] writeFailure = new Throwable[1];
        AsyncContext ac = startAsync(req, events, writeFailure);
        jakarta.servlet.ServletOutputStream out = resp.getOutputStream();
        byte[] piece = new byte[64 * 1024];
        out.setWriteListener(new jakarta.servlet.WriteListener() {
            @Override
            public void onWritePossible() throws IOException {
                while (out.isReady()) {
                    out.write(piece);
                }
                if (!events.contains("WriteListener.notReady")) {
                    events.add("WriteListener.notReady");
                }
            }

            @Override
            public void onError(Throwable t) {
                writeFailure[0] = t;
                events.add("WriteListener.onError");
            }
        });
    }

    /** startAsync with no timeout and a listener recording its calls; {@code failure} is the I/O failure seen. */
    private static AsyncContext startAsync(HttpServletRequest req, List<String> events, Throwable[] failure) {
        AsyncContext ac = req.startAsync();
        ac.setTimeout(0); // only the failure may end this request
        ac.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                events.add("AsyncListener.onComplete");
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                events.add("AsyncListener.onTimeout");
            }

            @Override
            public void onError(AsyncEvent event) {
                events.add("AsyncListener.onError same=" + (event.getThrowable() == failure[0]));
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                events.add("AsyncListener.onStartAsync");
            }
        });
        return ac;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> events = EVENTS.computeIfAbsent(req.getParameter("id"), k -> new CopyOnWriteArrayList<>());
        Throwable[] readFailure = new Throwable[1];
        startAsync(req, events, readFailure);
        ServletInputStream in = req.getInputStream();
        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                byte[] b = new byte[256];
                while (in.isReady() && in.read(b) >= 0) {
                    events.add("ReadListener.onDataAvailable");
                }
            }

            @Override
            public void onAllDataRead() {
                events.add("ReadListener.onAllDataRead");
            }

            @Override
            public void onError(Throwable t) {
                readFailure[0] = t;
                events.add("ReadListener.onError");
            }
        });
    }
}
