package dev.sluice.servlet.internal.security;

import dev.sluice.servlet.internal.deploy.WebAppConfig;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which constraints apply and how they combine (Servlet 6.1 sections 13.8.1, 13.8.3 and 13.8.4), as a table:
 * the example of section 13.8.2 plus the special roles and uncovered methods.
 */
class ConstraintTableTest {
    /** pattern | methods | omissions | roles ("-" no auth-constraint, "" deny all) | transport */
    private static final List<String[]> CONSTRAINTS = List.of(
            row("/acme/wholesale/*", "", "", "SALESCLERK", ""),
            row("/acme/wholesale/*", "GET PUT", "", "CONTRACTOR", ""),
            row("/acme/retail/*", "GET POST", "", "-", ""),
            row("/acme/retail/*", "", "", "CONTRACTOR HOMEOWNER", ""),
            row("/restricted/*", "", "", "", ""),
            row("/restricted/open/*", "", "", "-", ""),
            row("/any/*", "", "", "**", ""),
            row("/declared/*", "", "", "*", ""),
            row("/methods/*", "GET", "", "R1", ""),
            row("/omit/*", "", "GET", "R1", ""),
            row("/tls/*", "", "", "R1", "CONFIDENTIAL"),
            row("/tls/*", "GET", "", "R2", "NONE"),
            row("*.jsp", "", "", "JSP", ""),
            row("/", "", "", "FALLBACK", ""),
            row("", "", "", "ROOT", ""));

    private static String[] row(String... cells) {
        return cells;
    }

    private static SecurityConstraints table(boolean denyUncovered) {
        WebAppConfig config = new WebAppConfig();
        config.declaredRoles.add("DECLARED");
        config.denyUncoveredHttpMethods = denyUncovered;
        for (String[] r : CONSTRAINTS) {
            WebAppConfig.SecurityConstraintDef def = new WebAppConfig.SecurityConstraintDef();
            def.patterns.add(r[0]);
            def.methods.addAll(words(r[1]));
            def.omissions.addAll(words(r[2]));
            def.authConstraint = !r[3].equals("-");
            if (def.authConstraint) {
                def.roles.addAll(words(r[3]));
            }
            def.transport = r[4].isEmpty() ? null : r[4];
            config.securityConstraints.add(def);
        }
        SecurityConstraints s = new SecurityConstraints(() -> config.declaredRoles);
        s.configure(config, List.of(), "/test");
        return s;
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split(" +"));
    }

    /** Renders a requirement: "open", "deny", or "[tls] login:<roles or **>". */
    private static String render(SecurityConstraints.Requirement r) {
        if (r.deny()) {
            return "deny";
        }
        String tls = r.confidential() ? "tls " : "";
        if (!r.needsLogin()) {
            return tls + "open";
        }
        return tls + "login:" + (r.anyUser() ? "**" : String.join(" ", new TreeSet<>(r.roles())));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /acme/wholesale/x  | login:CONTRACTOR SALESCLERK
            PUT    | /acme/wholesale/x  | login:CONTRACTOR SALESCLERK
            DELETE | /acme/wholesale/x  | login:SALESCLERK
            GET    | /acme/retail/x     | open
            POST   | /acme/retail/x     | open
            PUT    | /acme/retail/x     | login:CONTRACTOR HOMEOWNER
            GET    | /restricted/x      | deny
            GET    | /restricted/open/x | open
            GET    | /any/x             | login:**
            GET    | /declared/x        | login:CONTRACTOR DECLARED FALLBACK HOMEOWNER JSP R1 R2 ROOT SALESCLERK
            GET    | /methods/x         | login:R1
            POST   | /methods/x         | open
            GET    | /omit/x            | open
            POST   | /omit/x            | login:R1
            GET    | /tls/x             | login:R1 R2
            POST   | /tls/x             | tls login:R1
            GET    | /page.jsp          | login:JSP
            GET    | /methods/page.jsp  | login:R1
            GET    | /elsewhere         | login:FALLBACK
            GET    | /                  | login:ROOT
            """)
    void requirements(String method, String path, String expected) {
        assertEquals(expected, render(table(false).requirement(path, method)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /methods/x         | deny
            GET    | /methods/x         | login:R1
            GET    | /omit/x            | deny
            DELETE | /acme/wholesale/x  | login:SALESCLERK
            """)
    void denyUncoveredHttpMethods(String method, String path, String expected) {
        assertEquals(expected, render(table(true).requirement(path, method)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /methods/*        | every method except [GET]
            /omit/*           | [GET]
            """)
    void uncoveredMethodsAreDescribed(String pattern, String description) {
        assertEquals(description, table(false).uncovered().get(pattern));
    }

    @org.junit.jupiter.api.Test
    void onlyPatternsWithUncoveredMethodsAreListed() {
        assertEquals(Set.of("/methods/*", "/omit/*"), table(false).uncovered().keySet());
    }

    @ParameterizedTest(name = "deny uncovered {0}: {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            false | GET | login:R1
            false | PUT | open
            true  | GET | login:R1
            true  | PUT | deny
            """)
    void aDefaultHttpConstraintBesideMethodConstraintsLeavesTheOtherMethodsUncovered(boolean denyUncovered,
                                                                                      String method,
                                                                                      String expected) {
        WebAppConfig config = new WebAppConfig();
        config.denyUncoveredHttpMethods = denyUncovered;
        SecurityConstraints s = new SecurityConstraints(() -> config.declaredRoles);
        s.configure(config, List.of(), "/test");
        // @ServletSecurity(value = @HttpConstraint(PERMIT), httpMethodConstraints = @HttpMethodConstraint(
        //     value = "GET", rolesAllowed = "R1"))
        s.add(List.of("/p"), new jakarta.servlet.ServletSecurityElement(new jakarta.servlet.HttpConstraintElement(),
                List.of(new jakarta.servlet.HttpMethodConstraintElement("GET",
                        new jakarta.servlet.HttpConstraintElement(
                                jakarta.servlet.annotation.ServletSecurity.TransportGuarantee.NONE, "R1")))));
        assertEquals(expected, render(s.requirement("/p", method)));
    }
}
