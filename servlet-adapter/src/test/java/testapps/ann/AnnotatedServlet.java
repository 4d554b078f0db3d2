package testapps.ann;

import jakarta.servlet.annotation.WebInitParam;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

@WebServlet(name = "annotated", urlPatterns = "/ann/*", initParams = @WebInitParam(name = "greeting", value = "hello"),
        asyncSupported = true)
public class AnnotatedServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().print(getServletName() + " says " + getInitParameter("greeting") + " at "
                + req.getPathInfo() + " asyncSupported=" + req.isAsyncSupported());
    }
}
