package dev.sluice.arquillian.app;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;

/** Answers with what the request says of its caller and its transport (Servlet 6.1 sections 3.10 and 13.6.4). */
public class TransportServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        X509Certificate[] chain = (X509Certificate[]) request.getAttribute("jakarta.servlet.request.X509Certificate");
        String cipher = (String) request.getAttribute("jakarta.servlet.request.cipher_suite");
        Integer keySize = (Integer) request.getAttribute("jakarta.servlet.request.key_size");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("user=" + request.getRemoteUser()
                + "\nauthType=" + request.getAuthType()
                + "\nsecure=" + request.isSecure() + " scheme=" + request.getScheme()
                + "\ncipherSuite=" + (cipher == null ? "none" : cipher.startsWith("TLS_") ? "TLS_*" : cipher)
                + "\nkeySize=" + keySize
                + "\ncertificate=" + (chain == null ? "none" : chain[0].getSubjectX500Principal().getName()));
    }
}
