package testapps;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * AsyncContext cases chosen by the path info ({@code /cases/<case>}); the request attribute {@code stage} tells a
 * later dispatch of the same request from the first. Every line written names the case and what it saw.
 */
public class AsyncCasesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String stage = (String) req.getAttribute("stage");
        String c = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        var out = resp.getWriter();
        switch (c) {
            case "original" -> {
                out.println("startAsync()=" + req.startAsync().hasOriginalRequestAndResponse());
                req.getAsyncContext().complete();
            }
            case "originalArgs" -> {
                out.println("startAsync(req,res)=" + req.startAsync(req, resp).hasOriginalRequestAndResponse());
                req.getAsyncContext().complete();
            }
            case "wrappedRequest" -> {
                out.println("startAsync(wrapper,res)=" + req.startAsync(new MarkedRequest(req), resp)
                        .hasOriginalRequestAndResponse());
                req.getAsyncContext().complete();
            }
            case "wrappedResponse" -> {
                out.println("startAsync(req,wrapper)=" + req.startAsync(req, new HttpServletResponseWrapper(resp))
                        .hasOriginalRequestAndResponse());
                req.getAsyncContext().complete();
            }
            case "forwardNoArgs", "forwardArgs" -> {
                if (stage == null) {
                    req.getRequestDispatcher("/cases/inner-" + c + "?who=target").forward(req, resp);
                } else {
                    out.println("async " + c + " uri=" + req.getRequestURI() + " who=" + req.getParameter("who")
                            + " type=" + req.getDispatcherType());
                }
            }
            case "inner-forwardNoArgs", "inner-forwardArgs" -> {
                if (stage == null) {
                    AsyncContext ac = c.endsWith("NoArgs") ? req.startAsync() : req.startAsync(req, resp);
                    req.setAttribute("stage", "async");
                    ac.dispatch();
                } else {
                    out.println("async " + c + " uri=" + req.getRequestURI() + " who=" + req.getParameter("who")
                            + " type=" + req.getDispatcherType());
                }
            }
            case "afterCommit" -> {
                out.print("committed first;");
                resp.flushBuffer();
                AsyncContext ac = req.startAsync();
                ac.start(() -> ac.dispatch("/cases/target"));
            }
            case "wrappers" -> {
                AsyncContext ac = req.startAsync(new MarkedRequest(req), new MarkedResponse(resp));
                ac.dispatch("/cases/target");
            }
            case "otherContext", "otherContextUncaught" -> {
                AsyncContext ac = req.startAsync();
                ac.setTimeout(0); // no timeout: the exchange ends only by what the dispatch failure does
                // Another webapp's context is null while crossContext is off (ServletContext.getContext).
                jakarta.servlet.ServletContext other = getServletContext().getContext("/elsewhere");
                if (c.endsWith("Uncaught")) {
                    ac.dispatch(other, "/cases/target");
                }
                try {
                    ac.dispatch(other, "/cases/target");
                } catch (RuntimeException e) {
                    out.print(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                ac.complete();
            }
            case "target" -> out.print("target ran: X-Mark=" + req.getHeader("X-Mark") + " response wrapped="
                    + (resp instanceof MarkedResponse) + " type=" + req.getDispatcherType());
            case "twice" -> {
                if (stage == null) {
                    out.print("first;");
                    req.setAttribute("stage", "second");
                    req.startAsync().dispatch();
                } else if (stage.equals("second")) {
                    out.print("second;");
                    req.setAttribute("stage", "third");
                    req.startAsync().dispatch();
                } else {
                    out.print("third;");
                    out.flush();
                    // Lets a premature completion by the previous dispatch's thread, if any, cut what follows.
                    sleep(200);
                    out.print("still third");
                }
            }
            default -> resp.sendError(404);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A request wrapper the target can recognize by its X-Mark header. */
    static final class MarkedRequest extends HttpServletRequestWrapper {
        MarkedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return name.equals("X-Mark") ? "wrapped" : super.getHeader(name);
        }
    }

    static final class MarkedResponse extends HttpServletResponseWrapper {
        MarkedResponse(HttpServletResponse response) {
            super(response);
        }
    }
}
