package dev.sluice.servlet;

import java.io.Serializable;
import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * An authenticated user as a {@link Realm} returns it: the name ({@code getUserPrincipal().getName()},
 * {@code getRemoteUser()}) and the security roles the user holds. It carries no credential.
 */
public record RealmUser(String name, Set<String> roles) implements Principal, Serializable {
    public RealmUser {
        Objects.requireNonNull(name, "name");
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
