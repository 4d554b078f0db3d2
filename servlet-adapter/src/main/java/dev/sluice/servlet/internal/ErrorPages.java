package dev.sluice.servlet.internal;

import dev.sluice.core.HttpException;
import dev.sluice.core.Status;
import dev.sluice.servlet.internal.caps.CapExceededException;
import dev.sluice.servlet.internal.dispatch.ErrorPageLocations;
import dev.sluice.servlet.internal.http.ErrorReport;
import dev.sluice.servlet.internal.multipart.UploadFailure;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.UnavailableException;
import java.io.IOException;
import java.util.logging.Level;

/**
 * Error handling of Servlet 6.1 section 10.9: an exception from a servlet or filter, or a sendError, becomes
 * the webapp's error page for that exception type or status code (an ERROR dispatch with the error
 * attributes), else a short HTML report.
 */
final class ErrorPages {
    private final WebApp app;
    private final Invoker invoker;

    ErrorPages(WebApp app, Invoker invoker) {
        this.app = app;
        this.invoker = invoker;
    }

    /** An exception escaped the chain. */
    void onException(ServletRequestImpl request, ServletResponseImpl response, Throwable t) {
        if (t instanceof HttpException he) {
            sendErrorQuietly(response, he.status().code(), he.getMessage());
            return;
        }
        if (t instanceof UnavailableException ue) {
            // Servlet 6.1 section 2.3.3.2: permanently unavailable is 404, temporarily 503, with the seconds left
            // as Retry-After when the servlet gave them (RFC 9110 section 10.2.3).
            sendErrorQuietly(response, ue.isPermanent() ? 404 : 503, null);
            if (!ue.isPermanent() && ue.getUnavailableSeconds() > 0 && response.isErrorPending()) {
                response.core().headers().set("Retry-After", Integer.toString(ue.getUnavailableSeconds()));
            }
            return;
        }
        CapExceededException cap = CapExceededException.in(t);
        if (cap != null && ErrorPageLocations.forException(app.config(), t) == null) {
            // Past a resource cap (docs/reliability.md, "Caps"): its status and one-line reason, not a 500.
            sendErrorQuietly(response, cap.status(), cap.getMessage());
            if (cap.status() == 503 && response.isErrorPending()) {
                response.core().headers().set("Retry-After", Integer.toString(app.settings().retryAfterSeconds()));
            }
            return;
        }
        UploadFailure upload = UploadFailure.in(t);
        if (upload != null && ErrorPageLocations.forException(app.config(), t) == null) {
            // A refused upload the servlet let escape: its status (413, 400) and one-line reason, not a 500.
            sendErrorQuietly(response, upload.status(), ((Throwable) upload).getMessage());
            return;
        }
        if (response.core().isCommitted()) {
            WebApp.LOG.log(Level.SEVERE, "Servlet failed after the response was committed in " + app.displayPath()
                    + " for " + request.getRequestURI(), t);
            response.suspendOutput();
            return;
        }
        String location = ErrorPageLocations.forException(app.config(), t);
        Throwable matched = t;
        if (location == null) {
            for (Throwable c = ErrorPageLocations.rootCause(t); c != null && location == null;
                 c = ErrorPageLocations.rootCause(c)) {
                location = ErrorPageLocations.forException(app.config(), c);
                matched = c;
            }
        }
        if (location == null) {
            WebApp.LOG.log(Level.SEVERE, "Servlet failed in " + app.displayPath() + " for "
                    + request.getRequestURI(), t);
            location = ErrorPageLocations.forCode(app.config(), 500);
            matched = t;
        }
        response.core().setStatus(Status.INTERNAL_SERVER_ERROR);
        if (location == null || request.dispatcherType == DispatcherType.ERROR) {
            sendErrorQuietly(response, 500, null);
            return;
        }
        forwardToErrorPage(request, response, location, 500, matched.getMessage(), matched);
    }

    private static void sendErrorQuietly(ServletResponseImpl response, int code, String message) {
        try {
            if (response.core().isCommitted()) {
                response.suspendOutput();
                return;
            }
            response.clearError();
            response.sendError(code, message);
        } catch (IOException | IllegalStateException e) {
            response.suspendOutput();
        }
    }

    /** Produces what a pending sendError asked for. */
    void sendErrorPage(ServletRequestImpl request, ServletResponseImpl response) throws IOException {
        int code = response.getStatus();
        String message = response.errorMessage();
        response.clearError();
        String location = ErrorPageLocations.forCode(app.config(), code);
        if (location != null && request.dispatcherType != DispatcherType.ERROR && !response.core().isCommitted()) {
            forwardToErrorPage(request, response, location, code, message, null);
            if (response.isErrorPending()) {
                response.clearError();
                ErrorReport.write(response.core(), code, message);
            }
            return;
        }
        ErrorReport.write(response.core(), code, message);
    }

    private void forwardToErrorPage(ServletRequestImpl request, ServletResponseImpl response, String location,
                                    int code, String message, Throwable t) {
        response.clearError();
        response.core().resetBuffer();
        response.setContentLengthLong(-1); // The page has its own length, as in Tomcat.
        response.core().setStatus(Status.of(code));
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, code);
        request.setAttribute(RequestDispatcher.ERROR_MESSAGE, message == null ? "" : message);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        request.setAttribute(RequestDispatcher.ERROR_METHOD, request.getMethod());
        if (request.getQueryString() != null) {
            request.setAttribute(RequestDispatcher.ERROR_QUERY_STRING, request.getQueryString());
        }
        if (request.match != null) {
            request.setAttribute(RequestDispatcher.ERROR_SERVLET_NAME, request.match.holder().getName());
        }
        if (t != null) {
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, t);
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION_TYPE, t.getClass());
        }
        String path = location.startsWith("/") ? location : "/" + location;
        int q = path.indexOf('?');
        String query = q < 0 ? null : path.substring(q + 1);
        if (q >= 0) {
            path = path.substring(0, q);
        }
        DispatchState saved = DispatchState.save(request);
        // The error page is reached as by a forward (Servlet 6.1 sections 9.4 and 10.9.2): the request URI is the
        // page's, the original is in jakarta.servlet.error.request_uri. Spring MVC maps an ERROR dispatch by its
        // request URI, so keeping the original would run the failed handler again.
        request.requestURI = app.contextPath() + path;
        if (query != null) {
            request.content().pushQuery(query);
        }
        try {
            invoker.dispatch(request, response, path, DispatcherType.ERROR);
        } finally {
            if (query != null) {
                request.content().popQuery();
            }
            saved.restore(request);
        }
        if (response.isErrorPending() && response.getStatus() == code) {
            // The error page itself called sendError with the same code: a report, not another dispatch.
            response.clearError();
            try {
                ErrorReport.write(response.core(), code, message);
            } catch (IOException ignored) {
                response.suspendOutput();
            }
        }
    }
}
