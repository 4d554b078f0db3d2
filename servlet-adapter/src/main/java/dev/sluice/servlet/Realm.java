package dev.sluice.servlet;

/**
 * Where the container checks user names and passwords and finds each user's roles: the seam behind BASIC and
 * FORM login and {@code HttpServletRequest.login} (Servlet 6.1 chapter 13). One realm serves every webapp of a
 * {@link ServletContainer} (section 13.7: authentication is tracked at the container level). Sluice ships
 * {@link MemoryRealm}, built in code, and {@link RealmFile}, read from a file of salted PBKDF2 hashes.
 *
 * <p>Implementations are thread-safe, compare secrets in constant time, and never log a credential nor put one
 * into an exception message.
 */
@FunctionalInterface
public interface Realm {
    /**
     * The user named {@code username} with roles, when {@code password} is that user's password; otherwise null
     * (unknown user and wrong password look the same to the caller).
     */
    RealmUser authenticate(String username, String password);

    /**
     * The user a client certificate stands for, for {@code CLIENT-CERT} login (Servlet 6.1 section 13.6.4): the
     * TLS handshake has already verified the chain against the trusted CAs, so no password is asked. The user is
     * the one named like the certificate's subject, tried as {@link #certificateNames} lists; null when none is
     * known. Realms without certificate users return null (the default).
     */
    default RealmUser authenticate(java.security.cert.X509Certificate clientCertificate) {
        return null;
    }

    /**
     * The user names a client certificate may stand for, in the order tried: the subject's distinguished name as
     * {@code toString} shows it ({@code CN=Alice, O=Example}, the form Tomcat matches), in RFC 2253 form
     * ({@code CN=Alice,O=Example}), then its common name alone ({@code Alice}, which a realm file can hold).
     */
    static java.util.List<String> certificateNames(java.security.cert.X509Certificate certificate) {
        javax.security.auth.x500.X500Principal subject = certificate.getSubjectX500Principal();
        java.util.List<String> names = new java.util.ArrayList<>();
        names.add(subject.toString());
        names.add(subject.getName());
        try {
            for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(subject.getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    names.add(rdn.getValue().toString());
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            // the full names above are still tried
        }
        return names;
    }
}
