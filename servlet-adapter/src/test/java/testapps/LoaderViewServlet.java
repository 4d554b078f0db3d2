package testapps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * For each {@code name} parameter, whether the webapp's class loader finds that class, and whether it finds the
 * class file as a resource: "name=class,resource", or "-" for what it cannot see.
 */
public class LoaderViewServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        StringBuilder out = new StringBuilder();
        for (String name : req.getParameterValues("name")) {
            String seen;
            try {
                Class<?> c = Class.forName(name, false, loader);
                seen = c.getClassLoader() == loader ? "webapp" : "container";
            } catch (ClassNotFoundException e) {
                seen = "-";
            }
            String resource = loader.getResource(name.replace('.', '/') + ".class") != null ? "resource" : "-";
            out.append(name).append('=').append(seen).append(',').append(resource).append('\n');
        }
        resp.setContentType("text/plain");
        resp.getWriter().print(out);
    }
}
