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
 * ReadListener's and the AsyncListener's calls under N. GET ?events=N: those calls, comma-separated.
 */
public class NioFailureServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final Map<String, List<String>> EVENTS = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().print(String.join(",", EVENTS.getOrDefault(req.getParameter("events"), List.of())));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> events = EVENTS.computeIfAbsent(req.getParameter("id"), k -> new CopyOnWriteArrayList<>());
        AsyncContext ac = req.startAsync();
        ac.setTimeout(0); // only the failure may end this request
        Throwable[] readFailure = new Throwable[1];
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
                events.add("AsyncListener.onError same=" + (event.getThrowable() == readFailure[0]));
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                events.add("AsyncListener.onStartAsync");
            }
        });
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
