package testapps;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A servlet scripted by its init parameter {@code actions}, or else the request header {@code X-Do}: actions
 * separated by {@code ;}, each {@code name} or {@code name:argument}, run in order.
 */
public class ActionServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String script = getInitParameter("actions");
        if (script == null) {
            script = req.getHeader("X-Do");
        }
        if (script == null) {
            return;
        }
        for (String action : script.split(";")) {
            String a = action.trim();
            int colon = a.indexOf(':');
            String name = colon < 0 ? a : a.substring(0, colon);
            String arg = colon < 0 ? null : a.substring(colon + 1);
            run(name, arg, req, resp);
        }
    }

    private void run(String name, String arg, HttpServletRequest req, HttpServletResponse resp)
            throws ServletException, IOException {
        switch (name) {
            case "write" -> resp.getWriter().print(arg);
            case "bytes" -> resp.getOutputStream().write(arg.getBytes());
            case "type" -> resp.setContentType(arg);
            case "encoding" -> resp.setCharacterEncoding(arg);
            case "status" -> resp.setStatus(Integer.parseInt(arg));
            case "header" -> resp.setHeader(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            case "error" -> {
                String[] p = arg.split(",", 2);
                if (p.length == 2) {
                    resp.sendError(Integer.parseInt(p[0]), p[1]);
                } else {
                    resp.sendError(Integer.parseInt(p[0]));
                }
            }
            case "throw" -> {
                switch (arg) {
                    case "IllegalStateException" -> throw new IllegalStateException("boom");
                    case "IOException" -> throw new IOException("io boom");
                    case "wrapped" -> throw new ServletException("wrapper", new ArithmeticException("inner"));
                    default -> throw new ServletException("servlet boom");
                }
            }
            case "redirect" -> resp.sendRedirect(arg);
            case "client" -> resp.getWriter().print(req.getRemoteAddr() + " " + req.getRemotePort() + " "
                    + req.getScheme() + " " + req.isSecure() + " " + req.getServerName() + " " + req.getServerPort()
                    + " " + req.getRequestURL());
            case "forward" -> req.getRequestDispatcher(arg).forward(req, resp);
            case "include" -> req.getRequestDispatcher(arg).include(req, resp);
            case "named" -> getServletContext().getNamedDispatcher(arg).forward(req, resp);
            case "crossForward" -> {
                String[] p = arg.split(",", 2);
                getServletContext().getContext(p[0]).getRequestDispatcher(p[1]).forward(req, resp);
            }
            case "crossInclude" -> {
                String[] p = arg.split(",", 2);
                getServletContext().getContext(p[0]).getRequestDispatcher(p[1]).include(req, resp);
            }
            case "peek" -> {
                HttpSession s = req.getSession(false);
                resp.getWriter().print((s == null ? "no session" : "session " + s.getId() + " count="
                        + s.getAttribute("count")) + "\n");
            }
            case "attrs" -> {
                TreeMap<String, Object> sorted = new TreeMap<>();
                for (String n : Collections.list(req.getAttributeNames())) {
                    if (n.startsWith("jakarta.servlet.") && !n.endsWith("mapping")) {
                        Object v = req.getAttribute(n);
                        sorted.put(n, v instanceof Class<?> c ? c.getName() : v instanceof Throwable t
                                ? t.getClass().getName() + ":" + t.getMessage() : v);
                    }
                }
                resp.getWriter().print(sorted + "\n");
            }
            case "paths" -> resp.getWriter().print("sp=" + req.getServletPath() + " pi=" + req.getPathInfo()
                    + " uri=" + req.getRequestURI() + " q=" + req.getQueryString() + " type="
                    + req.getDispatcherType() + "\n");
            case "params" -> resp.getWriter().print(new TreeMap<>(req.getParameterMap()).entrySet().stream()
                    .map(e -> e.getKey() + "=" + String.join("|", e.getValue())).toList() + "\n");
            case "session" -> {
                HttpSession s = req.getSession();
                Integer count = (Integer) s.getAttribute("count");
                count = count == null ? 1 : count + 1;
                s.setAttribute("count", count);
                resp.getWriter().print("new=" + s.isNew() + " count=" + count + " id=" + s.getId() + "\n");
            }
            case "lastAccessed" -> resp.getWriter().print("last=" + req.getSession(false).getLastAccessedTime() + "\n");
            case "nosession" -> resp.getWriter().print("session=" + req.getSession(false) + "\n");
            case "invalidate" -> req.getSession().invalidate();
            case "changeId" -> resp.getWriter().print("changed=" + req.changeSessionId() + "\n");
            case "encode" -> resp.getWriter().print(resp.encodeURL(arg) + "\n");
            case "cookies" -> {
                Cookie[] cookies = req.getCookies();
                StringBuilder sb = new StringBuilder();
                if (cookies != null) {
                    for (Cookie c : cookies) {
                        sb.append(c.getName()).append('=').append(c.getValue()).append(' ');
                    }
                }
                resp.getWriter().print(sb.toString().trim() + "\n");
            }
            case "addCookie" -> {
                Cookie c = new Cookie(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                c.setPath("/");
                c.setHttpOnly(true);
                resp.addCookie(c);
            }
            case "locales" -> {
                StringBuilder sb = new StringBuilder();
                for (Locale l : Collections.list(req.getLocales())) {
                    sb.append(l.toLanguageTag()).append(' ');
                }
                resp.getWriter().print(sb.toString().trim() + "\n");
            }
            case "reader" -> resp.getWriter().print("read=" + req.getReader().readLine() + "\n");
            case "stream" -> resp.getWriter().print("read=" + new String(req.getInputStream().readAllBytes()) + "\n");
            case "buffer" -> resp.setBufferSize(Integer.parseInt(arg));
            case "flush" -> resp.flushBuffer();
            case "reset" -> resp.reset();
            case "resetBuffer" -> resp.resetBuffer();
            case "committed" -> resp.getWriter().print("committed=" + resp.isCommitted() + "\n");
            case "charset" -> req.setCharacterEncoding(arg);
            case "async" -> async(arg, req, resp);
            case "tempdir" -> {
                Object dir = getServletContext().getAttribute(jakarta.servlet.ServletContext.TEMPDIR);
                resp.getWriter().print(dir instanceof java.io.File f && f.isDirectory() ? f.getPath() : "no " + dir);
            }
            case "resources" -> resp.getWriter().print(new java.util.TreeSet<>(getServletContext()
                    .getResourcePaths(arg)) + "\n");
            case "resource" -> {
                try (java.io.InputStream in = getServletContext().getResourceAsStream(arg)) {
                    resp.getWriter().print((in == null ? "null" : new String(in.readAllBytes())) + "\n");
                }
            }
            case "trailersIn" -> {
                byte[] body = req.getInputStream().readAllBytes();
                resp.getWriter().print("body=" + new String(body) + " ready=" + req.isTrailerFieldsReady()
                        + " trailers=" + new java.util.TreeMap<>(req.getTrailerFields()) + "\n");
            }
            case "version" -> resp.getWriter().print(getServletContext().getEffectiveMajorVersion() + "."
                    + getServletContext().getEffectiveMinorVersion() + " of " + getServletContext().getMajorVersion()
                    + "." + getServletContext().getMinorVersion());
            case "log" -> Events.log(getServletContext(), arg + " " + req.getDispatcherType());
            case "set" -> req.getSession().setAttribute(arg.substring(0, arg.indexOf('=')),
                    new Note(arg.substring(arg.indexOf('=') + 1)));
            case "maxInactive" -> req.getSession().setMaxInactiveInterval(Integer.parseInt(arg));
            case "get" -> {
                Object v = req.getSession().getAttribute(arg);
                resp.getWriter().print(arg + "=" + (v instanceof Note n ? n.text() + " webappClass="
                        + (v.getClass().getClassLoader() == getClass().getClassLoader()) : v) + "\n");
            }
            case "waitFor" -> {
                // Holds the request until the test creates the file named by arg (at most 20 s).
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (!java.nio.file.Files.exists(java.nio.file.Path.of(arg)) && System.nanoTime() < deadline) {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        throw new ServletException(e);
                    }
                }
            }
            default -> throw new ServletException("unknown action " + name);
        }
    }

    private void async(String arg, HttpServletRequest req, HttpServletResponse resp) {
        AsyncContext ctx = req.startAsync();
        ctx.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                Events.log(getServletContext(), "onComplete");
            }

            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                Events.log(getServletContext(), "onTimeout");
                if (arg.startsWith("timeout-complete")) {
                    event.getAsyncContext().getResponse().getWriter().print("timed out\n");
                    event.getAsyncContext().complete();
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                Events.log(getServletContext(), "onError");
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                Events.log(getServletContext(), "onStartAsync");
            }
        });
        if (arg.startsWith("complete-later")) {
            ctx.start(() -> {
                try {
                    Thread.sleep(50);
                    ctx.getResponse().getWriter().print("async done on " + (Thread.currentThread()
                            .getContextClassLoader() == getClass().getClassLoader() ? "webapp loader" : "other")
                            + "\n");
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                ctx.complete();
            });
        } else if (arg.startsWith("complete-now")) {
            ctx.complete();
        } else if (arg.startsWith("dispatch")) {
            String target = arg.indexOf('=') < 0 ? null : arg.substring(arg.indexOf('=') + 1);
            ctx.start(() -> {
                if (target == null) {
                    ctx.dispatch();
                } else {
                    ctx.dispatch(target);
                }
            });
        } else if (arg.startsWith("timeout")) {
            ctx.setTimeout(200);
        } else if (arg.startsWith("hold")) {
            ctx.setTimeout(3000);
        }
    }
}
