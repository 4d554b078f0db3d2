package testapps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.TreeMap;

/** Answers with its init parameters, sorted by name. */
public class InitParamsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        TreeMap<String, String> params = new TreeMap<>();
        for (String n : Collections.list(getInitParameterNames())) {
            params.put(n, getInitParameter(n));
        }
        resp.getWriter().print(getServletName() + params);
    }
}
