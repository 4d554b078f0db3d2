package dev.sluice.samples.gallery;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /connections.json}: the calling browser's latest page view as the server saw it, from the figures
 * {@link ConnectionRecordingFilter} recorded. The page's script asks for it once everything has loaded.
 */
public class ConnectionsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConnectionLedger ledger = (ConnectionLedger) getServletContext().getAttribute(ConnectionLedger.ATTRIBUTE);
        String browser = BrowserId.from(request.getCookies());
        ViewSummary view = browser == null ? ViewSummary.EMPTY : ledger.summary(browser);
        byte[] json = SummaryJson.render(browser != null, view, ServerFigures.of(request))
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }
}
