package dev.sluice.core;

import java.util.Map;

/**
 * A request method (RFC 9110 section 9). The standard methods are shared constants; any other token is an
 * extension method, neither safe nor idempotent since nothing is known of it. Methods are case-sensitive
 * (section 9.1): {@code get} is an extension method, not GET.
 */
public final class Method {
    public static final Method GET = new Method("GET", true, true);
    public static final Method HEAD = new Method("HEAD", true, true);
    public static final Method POST = new Method("POST", false, false);
    public static final Method PUT = new Method("PUT", false, true);
    public static final Method DELETE = new Method("DELETE", false, true);
    public static final Method CONNECT = new Method("CONNECT", false, false);
    public static final Method OPTIONS = new Method("OPTIONS", true, true);
    public static final Method TRACE = new Method("TRACE", true, true);
    /** RFC 5789. */
    public static final Method PATCH = new Method("PATCH", false, false);

    private static final Map<String, Method> STANDARD = Map.of(
            "GET", GET, "HEAD", HEAD, "POST", POST, "PUT", PUT, "DELETE", DELETE,
            "CONNECT", CONNECT, "OPTIONS", OPTIONS, "TRACE", TRACE, "PATCH", PATCH);

    private final String name;
    private final boolean safe;
    private final boolean idempotent;

    private Method(String name, boolean safe, boolean idempotent) {
        this.name = name;
        this.safe = safe;
        this.idempotent = idempotent;
    }

    /**
     * The method named {@code token}: a shared constant for the standard ones.
     *
     * @throws HttpException 400 when {@code token} is not an RFC 9110 token
     */
    public static Method of(String token) {
        if (token == null) {
            throw HttpException.badRequest("Invalid method");
        }
        Method standard = STANDARD.get(token);
        if (standard != null) {
            return standard;
        }
        if (!Tokens.isToken(token)) {
            throw HttpException.badRequest("Invalid method");
        }
        return new Method(token, false, false);
    }

    public String name() {
        return name;
    }

    /** RFC 9110 section 9.2.1. */
    public boolean isSafe() {
        return safe;
    }

    /** RFC 9110 section 9.2.2. */
    public boolean isIdempotent() {
        return idempotent;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Method && ((Method) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
