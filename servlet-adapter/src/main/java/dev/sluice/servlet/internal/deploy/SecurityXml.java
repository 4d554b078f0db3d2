package dev.sluice.servlet.internal.deploy;

import static dev.sluice.servlet.internal.deploy.WebXmlParser.child;
import static dev.sluice.servlet.internal.deploy.WebXmlParser.children;
import static dev.sluice.servlet.internal.deploy.WebXmlParser.text;

import java.util.Locale;
import org.w3c.dom.Element;

/** The security elements of web.xml and web-fragment.xml (Servlet 6.1 sections 13.5 and 13.8, chapter 14). */
public final class SecurityXml {
    private SecurityXml() {
    }

    /** A security-constraint, one {@link WebAppConfig.SecurityConstraintDef} per web-resource-collection. */
    public static void readConstraint(Element e, WebAppConfig config) {
        Element auth = child(e, "auth-constraint");
        Element data = child(e, "user-data-constraint");
        for (Element collection : children(e, "web-resource-collection")) {
            WebAppConfig.SecurityConstraintDef def = new WebAppConfig.SecurityConstraintDef();
            for (Element c : WebXmlParser.children(collection)) {
                switch (c.getLocalName()) {
                    case "url-pattern" -> def.patterns.add(c.getTextContent().trim());
                    case "http-method" -> def.methods.add(c.getTextContent().trim());
                    case "http-method-omission" -> def.omissions.add(c.getTextContent().trim());
                    default -> {
                    }
                }
            }
            def.authConstraint = auth != null;
            if (auth != null) {
                for (Element r : children(auth, "role-name")) {
                    def.roles.add(r.getTextContent().trim());
                }
            }
            String transport = data == null ? null : text(data, "transport-guarantee");
            def.transport = transport == null ? null : transport.toUpperCase(Locale.ROOT);
            config.securityConstraints.add(def);
        }
    }

    /** login-config: auth-method, realm-name and form-login-config. */
    public static void readLoginConfig(Element e, WebAppConfig config) {
        String method = text(e, "auth-method");
        config.authMethod = method == null || method.isEmpty() ? "BASIC" : method.toUpperCase(Locale.ROOT);
        config.realmName = text(e, "realm-name");
        Element form = child(e, "form-login-config");
        if (form != null) {
            config.formLoginPage = text(form, "form-login-page");
            config.formErrorPage = text(form, "form-error-page");
        }
    }

    /** Section 8.2.3: a fragment's constraints and roles add up; its login-config counts if web.xml has none. */
    public static void merge(WebAppConfig main, WebAppConfig fragment) {
        main.securityConstraints.addAll(fragment.securityConstraints);
        main.declaredRoles.addAll(fragment.declaredRoles);
        main.denyUncoveredHttpMethods |= fragment.denyUncoveredHttpMethods;
        if (main.authMethod == null && fragment.authMethod != null) {
            main.authMethod = fragment.authMethod;
            main.realmName = fragment.realmName;
            main.formLoginPage = fragment.formLoginPage;
            main.formErrorPage = fragment.formErrorPage;
        }
    }
}
