package dev.sluice.arquillian.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/** Sets the response locale to the {@code lang} parameter and says whether another context is reachable. */
public class LocaleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.setLocale(Locale.forLanguageTag(request.getParameter("lang")));
        response.getWriter().print("encoding=" + response.getCharacterEncoding()
                + " other=" + (getServletContext().getContext("/info") != null));
    }
}
