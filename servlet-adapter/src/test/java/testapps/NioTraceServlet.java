package testapps;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * POST: answers with the ReadListener calls it saw, one per line, with the data each onDataAvailable read.
 * GET ?events: the calls so far of the last POST. GET ?rules: the IllegalStateException and NullPointerException
 * rules of setReadListener and setWriteListener (Servlet 6.1 section 5.7 and the javadoc).
 */
public class NioTraceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getParameter("events") != null) {
            resp.getWriter().print(String.join(",", EVENTS));
            return;
        }
        StringBuilder out = new StringBuilder();
        ReadListener nothing = new ReadListener() {
            @Override
            public void onDataAvailable() {
            }

            @Override
            public void onAllDataRead() {
            }

            @Override
            public void onError(Throwable t) {
            }
        };
        ServletInputStream in = req.getInputStream();
        ServletOutputStream os = resp.getOutputStream();
        out.append("blocking isReady=").append(in.isReady()).append(os.isReady()).append('\n');
        out.append("read listener without async: ").append(outcome(() -> in.setReadListener(nothing))).append('\n');
        out.append("write listener without async: ").append(outcome(() -> os.setWriteListener(writeNothing())))
                .append('\n');
        AsyncContext ac = req.startAsync();
        out.append("null read listener: ").append(outcome(() -> in.setReadListener(null))).append('\n');
        out.append("read listener: ").append(outcome(() -> in.setReadListener(nothing))).append('\n');
        out.append("second read listener: ").append(outcome(() -> in.setReadListener(nothing))).append('\n');
        out.append("null write listener: ").append(outcome(() -> os.setWriteListener(null))).append('\n');
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(text.length);
        os.write(text);
        ac.complete();
    }

    private static WriteListener writeNothing() {
        return new WriteListener() {
            @Override
            public void onWritePossible() {
            }

            @Override
            public void onError(Throwable t) {
            }
        };
    }

    private static String outcome(Runnable action) {
        try {
            action.run();
            return "ok";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        EVENTS.clear();
        AsyncContext ac = req.startAsync();
        ServletInputStream in = req.getInputStream();
        PrintWriter out = resp.getWriter();
        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                StringBuilder sb = new StringBuilder();
                byte[] b = new byte[64];
                int n;
                while (in.isReady() && (n = in.read(b)) != -1) {
                    sb.append(new String(b, 0, n, StandardCharsets.UTF_8));
                }
                EVENTS.add("onDataAvailable:" + sb);
                out.println("onDataAvailable");
                out.println(sb);
            }

            @Override
            public void onAllDataRead() {
                EVENTS.add("onAllDataRead");
                out.println("onAllDataRead");
                ac.complete();
            }

            @Override
            public void onError(Throwable t) {
                EVENTS.add("onError:" + t);
                ac.complete();
            }
        });
    }
}
