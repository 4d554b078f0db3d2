package dev.sluice.samples.gallery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per browser, which connections carried the requests of its latest page view and how many each carried.
 * Loading the page starts a new view; the page's images, stylesheets and scripts are recorded into it.
 *
 * <p>Bounded on both axes so no client can grow the heap: at most {@code maxBrowsers} browsers are kept (the
 * least recently active is forgotten first) and at most {@code maxConnectionsPerView} connections per view (the
 * rest are counted as unattributed). Thread-safe: a browser loads a page's resources over several connections
 * at once.
 */
final class ConnectionLedger {
    /** Name of the ServletContext attribute under which {@link GalleryListener} publishes the ledger. */
    static final String ATTRIBUTE = ConnectionLedger.class.getName();

    private final int maxConnectionsPerView;
    private final Map<String, View> views;

    ConnectionLedger(int maxBrowsers, int maxConnectionsPerView) {
        if (maxBrowsers < 1 || maxConnectionsPerView < 1) {
            throw new IllegalArgumentException("bounds must be at least 1");
        }
        this.maxConnectionsPerView = maxConnectionsPerView;
        this.views = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, View> eldest) {
                return size() > maxBrowsers;
            }
        };
    }

    /** Forgets the browser's previous view: the page was loaded again. */
    synchronized void startView(String browser) {
        views.put(browser, new View());
    }

    /**
     * Records one request of the browser's current view (starting one if the browser has none, e.g. after a
     * redeploy).
     *
     * @param figures the server's figures for the request, or null when the container gives none
     */
    synchronized void record(String browser, ServerFigures figures) {
        views.computeIfAbsent(browser, b -> new View()).add(figures, maxConnectionsPerView);
    }

    /** The browser's current view, or {@link ViewSummary#EMPTY} for a browser the ledger does not know. */
    synchronized ViewSummary summary(String browser) {
        View view = views.get(browser);
        return view == null ? ViewSummary.EMPTY : view.summary();
    }

    synchronized int browsers() {
        return views.size();
    }

    /** Mutable per-view tallies; guarded by the ledger's lock. */
    private static final class View {
        private final Map<Long, Tally> byConnection = new LinkedHashMap<>();
        private int requests;
        private int unattributed;

        void add(ServerFigures figures, int maxConnections) {
            requests++;
            if (figures == null) {
                unattributed++;
                return;
            }
            Tally tally = byConnection.get(figures.connectionId());
            if (tally == null) {
                if (byConnection.size() >= maxConnections) {
                    unattributed++;
                    return;
                }
                tally = new Tally(figures.requestNumber());
                byConnection.put(figures.connectionId(), tally);
            }
            tally.add(figures.requestNumber());
        }

        ViewSummary summary() {
            List<ConnectionUse> uses = new ArrayList<>(byConnection.size());
            byConnection.forEach((id, t) -> uses.add(new ConnectionUse(id, t.requests, t.first, t.last)));
            return new ViewSummary(uses, requests, unattributed);
        }
    }

    private static final class Tally {
        int requests;
        int first;
        int last;

        Tally(int requestNumber) {
            first = requestNumber;
            last = requestNumber;
        }

        void add(int requestNumber) {
            requests++;
            first = Math.min(first, requestNumber);
            last = Math.max(last, requestNumber);
        }
    }
}
