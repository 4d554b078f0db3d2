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
}
