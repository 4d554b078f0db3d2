package testapps;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;

/**
 * Shows what a request knows of its transport, one fact per line: scheme, secure, port, the TLS attributes of
 * Servlet 6.1 section 3.10, and the caller.
 */
public class TlsInfoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        X509Certificate[] chain = (X509Certificate[]) req.getAttribute("jakarta.servlet.request.X509Certificate");
        Object keySize = req.getAttribute("jakarta.servlet.request.key_size");
        Object sessionId = req.getAttribute("jakarta.servlet.request.ssl_session_id");
        resp.getWriter().print("scheme=" + req.getScheme() + "\nsecure=" + req.isSecure()
                + "\nport=" + req.getServerPort()
                + "\ncipher=" + req.getAttribute("jakarta.servlet.request.cipher_suite")
                + "\nkeySize=" + keySize + (keySize == null ? "" : " " + keySize.getClass().getSimpleName())
                + "\nsessionId=" + (sessionId == null ? "null" : sessionId.toString().matches("[0-9a-f]+"))
                + "\ncert=" + (chain == null ? "null" : chain[0].getSubjectX500Principal().getName())
                + "\nuser=" + req.getRemoteUser() + "\ntype=" + req.getAuthType() + "\n");
    }
}
