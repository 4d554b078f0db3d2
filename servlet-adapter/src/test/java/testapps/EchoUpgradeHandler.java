package testapps;

import jakarta.annotation.PostConstruct;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** A toy line-less echo protocol: every batch of bytes read comes back behind a prefix; "bye" closes. */
public class EchoUpgradeHandler implements HttpUpgradeHandler {
    static final AtomicInteger POST_CONSTRUCT = new AtomicInteger();
    static final AtomicInteger INIT = new AtomicInteger();
    static final AtomicInteger DESTROY = new AtomicInteger();
    private String prefix = "";
    private jakarta.servlet.ServletContext events;
    private boolean constructed;

    static String stats() {
        return "postConstruct=" + POST_CONSTRUCT.get() + " init=" + INIT.get() + " destroy=" + DESTROY.get();
    }

    @PostConstruct
    void constructed() {
        constructed = true;
        POST_CONSTRUCT.incrementAndGet();
    }

    void prefix(String prefix) {
        this.prefix = prefix;
    }

    /** Where destroy is logged ({@link Events}: only when the webapp names an events file). */
    void events(jakarta.servlet.ServletContext context) {
        this.events = context;
    }

    @Override
    public void init(WebConnection wc) {
        INIT.incrementAndGet();
        try {
            ServletInputStream in = wc.getInputStream();
            ServletOutputStream out = wc.getOutputStream();
            out.print("hello" + (constructed ? "" : " (not constructed)") + "\n");
            out.flush();
            in.setReadListener(new ReadListener() {
                @Override
                public void onDataAvailable() throws IOException {
                    StringBuilder sb = new StringBuilder();
                    byte[] b = new byte[256];
                    while (in.isReady()) {
                        int n = in.read(b);
                        if (n < 0) {
                            break;
                        }
                        sb.append(new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1));
                    }
                    if (sb.length() > 0) {
                        out.print(prefix + sb);
                        out.flush();
                    }
                    if (sb.toString().contains("bye")) {
                        close(wc);
                    }
                }

                @Override
                public void onAllDataRead() throws IOException {
                    close(wc);
                }

                @Override
                public void onError(Throwable t) {
                    close(wc);
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void close(WebConnection wc) throws IllegalStateException {
        try {
            wc.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        DESTROY.incrementAndGet();
        if (events != null) {
            Events.log(events, "upgrade handler destroyed");
        }
    }
}
