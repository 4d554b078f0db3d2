package dev.sluice.arquillian;

import dev.sluice.servlet.Realm;
import dev.sluice.servlet.RealmUser;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * The {@code certificateUsers} property: {@code CLIENT-CERT} users named by their certificate's full subject
 * ({@code CN=CTS, OU=Java Software, O=Example, C=US:Administrator,Employee}, entries separated by {@code ;} or new
 * lines, the roles after the last colon). A realm user name cannot hold a distinguished name (no spaces, commas or
 * {@code =}), so these sit in front of the {@code users}/{@code realmFile} realm, which still matches a certificate
 * by its common name. The caller's name is then the subject as {@link X500Principal#toString()} writes it, as
 * Tomcat names a certificate user, and what the Servlet TCK's {@code ClientCertTests} look for. Immutable.
 */
final class CertificateUsers implements Realm {
    private final Map<X500Principal, Set<String>> users;
    private final Realm next;

    private CertificateUsers(Map<X500Principal, Set<String>> users, Realm next) {
        this.users = Map.copyOf(users);
        this.next = next;
    }

    /**
     * {@code next} with the users {@code list} names in front, or {@code next} itself when the list is empty.
     *
     * @throws IllegalArgumentException naming the malformed entry
     */
    static Realm over(String list, Realm next) {
        if (list == null || list.isBlank()) {
            return next;
        }
        Map<X500Principal, Set<String>> users = new LinkedHashMap<>();
        int number = 0;
        for (String raw : list.split("[;\\n]")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            number++;
            int colon = entry.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("certificateUsers entry " + number
                        + ": expected subject:role,role (roles may be empty)");
            }
            X500Principal subject;
            try {
                // equality of X500Principal compares canonical forms: spacing and case of the DN do not matter
                subject = new X500Principal(entry.substring(0, colon).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("certificateUsers entry " + number
                        + ": not a distinguished name: " + e.getMessage(), e);
            }
            Set<String> roles = new java.util.LinkedHashSet<>();
            for (String role : entry.substring(colon + 1).split(",")) {
                if (!role.isBlank()) {
                    roles.add(role.strip());
                }
            }
            users.put(subject, roles);
        }
        return new CertificateUsers(users, next);
    }

    @Override
    public RealmUser authenticate(String username, String password) {
        return next == null ? null : next.authenticate(username, password);
    }

    @Override
    public RealmUser authenticate(X509Certificate clientCertificate) {
        X500Principal subject = clientCertificate.getSubjectX500Principal();
        Set<String> roles = users.get(subject);
        if (roles != null) {
            return new RealmUser(subject.toString(), roles);
        }
        return next == null ? null : next.authenticate(clientCertificate);
    }
}
