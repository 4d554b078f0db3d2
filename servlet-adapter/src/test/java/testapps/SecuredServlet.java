package testapps;

import jakarta.servlet.annotation.HttpMethodConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** GET is open; DELETE is denied to everyone by annotation. */
@WebServlet("/secured")
@ServletSecurity(httpMethodConstraints = @HttpMethodConstraint(value = "DELETE",
        emptyRoleSemantic = ServletSecurity.EmptyRoleSemantic.DENY))
public class SecuredServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().print("open");
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.getWriter().print("deleted");
    }
}
