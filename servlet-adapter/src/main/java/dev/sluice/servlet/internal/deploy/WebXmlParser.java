package dev.sluice.servlet.internal.deploy;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.SessionTrackingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads WEB-INF/web.xml and META-INF/web-fragment.xml of every schema version (2.2 to 6.1) into a
 * {@link WebAppConfig}. Elements are matched by local name, so the namespace (none, java.sun.com, jcp.org,
 * jakarta.ee) does not matter. The descriptor is not validated against its schema, as Tomcat by default does
 * not; a DOCTYPE's DTD is never fetched, and external entities are never resolved.
 */
public final class WebXmlParser {
    private WebXmlParser() {
    }

    /** A parsed web-fragment.xml: its name, its relative ordering and what it declares. */
    public static final class Fragment {
        public String name;
        public final List<String> before = new ArrayList<>();
        public final List<String> after = new ArrayList<>();
        public final WebAppConfig config = new WebAppConfig();
        public String jarName;
    }

    /**
     * Parses a web.xml into {@code config}.
     *
     * @throws IOException when it is not well-formed XML or a value is not of its element's type (a number, a
     *                     dispatcher, a tracking mode), with a one-line reason
     */
    public static void parseWebXml(InputStream in, WebAppConfig config) throws IOException {
        org.w3c.dom.Document doc = parse(in);
        try {
            readWebApp(doc, config);
        } catch (IllegalArgumentException e) {
            throw invalidValue(e);
        } catch (NullPointerException e) {
            // a required child element left out, which the schema would have refused (WebXmlParserFuzzTest)
            throw new IOException("Invalid descriptor: a required element is missing", e);
        }
    }

    private static void readWebApp(Document doc, WebAppConfig config) {
        Element root = doc.getDocumentElement();
        config.version = root.getAttribute("version");
        config.metadataComplete = "true".equalsIgnoreCase(root.getAttribute("metadata-complete").trim())
                || isBefore25(config.version);
        readCommon(root, config);
        if (doc.getDoctype() != null && String.valueOf(doc.getDoctype().getPublicId()).contains("2.2//")) {
            addLeadingSlashes(config);
        }
        Element ordering = child(root, "absolute-ordering");
        if (ordering != null) {
            config.absoluteOrdering = new ArrayList<>();
            for (Element e : children(ordering)) {
                config.absoluteOrdering.add(e.getLocalName().equals("others") ? "*" : e.getTextContent().trim());
            }
        }
    }

    /** Parses a web-fragment.xml. @throws IOException as {@link #parseWebXml} */
    public static Fragment parseFragment(InputStream in) throws IOException {
        Element root = parse(in).getDocumentElement();
        try {
            return readFragment(root);
        } catch (IllegalArgumentException e) {
            throw invalidValue(e);
        } catch (NullPointerException e) {
            // a required child element left out, which the schema would have refused (WebXmlParserFuzzTest)
            throw new IOException("Invalid descriptor: a required element is missing", e);
        }
    }

    /**
     * A parser message fit for one log line: the XML parser quotes the input it stopped at, new lines included
     * (found by WebXmlParserFuzzTest), so control characters become spaces and the text is cut at 200 characters.
     */
    private static String oneLine(String message) {
        String m = String.valueOf(message).replaceAll("\\p{Cntrl}", " ");
        return m.length() > 200 ? m.substring(0, 200) + "..." : m;
    }

    /** A value of the wrong type (NumberFormatException, an unknown enum constant), found by WebXmlParserFuzzTest. */
    private static IOException invalidValue(IllegalArgumentException e) {
        return new IOException("Invalid value in descriptor: " + oneLine(e.getMessage()), e);
    }

    private static Fragment readFragment(Element root) {
        Fragment fragment = new Fragment();
        fragment.name = text(root, "name");
        fragment.config.metadataComplete = "true".equalsIgnoreCase(root.getAttribute("metadata-complete").trim());
        Element ordering = child(root, "ordering");
        if (ordering != null) {
            readOrder(child(ordering, "before"), fragment.before);
            readOrder(child(ordering, "after"), fragment.after);
        }
        readCommon(root, fragment.config);
        return fragment;
    }

    private static void readOrder(Element list, List<String> into) {
        if (list != null) {
            for (Element e : children(list)) {
                into.add(e.getLocalName().equals("others") ? "*" : e.getTextContent().trim());
            }
        }
    }

    /**
     * Servlet 2.2 did not require a url-pattern to start with {@code /}; Servlet 2.3 made it a rule and let
     * containers read {@code foo} in a 2.2 descriptor as {@code /foo} (as Tomcat does).
     */
    private static void addLeadingSlashes(WebAppConfig config) {
        java.util.function.UnaryOperator<String> fix = p -> p.isEmpty() || p.startsWith("/") || p.startsWith("*.")
                ? p : "/" + p;
        config.servlets.values().forEach(d -> d.mappings.replaceAll(fix));
        config.filterMappings.forEach(m -> m.urlPatterns.replaceAll(fix));
    }

    private static boolean isBefore25(String version) {
        return version.isEmpty() || version.equals("2.2") || version.equals("2.3") || version.equals("2.4");
    }

    private static void readCommon(Element root, WebAppConfig config) {
        String display = text(root, "display-name");
        if (display != null) {
            config.displayName = display;
        }
        for (Element e : children(root)) {
            switch (e.getLocalName()) {
                case "context-param" -> config.contextParams.putIfAbsent(text(e, "param-name"), text(e, "param-value"));
                case "servlet" -> readServlet(e, config);
                case "servlet-mapping" -> {
                    WebAppConfig.ServletDef def = config.servlet(text(e, "servlet-name"));
                    for (Element p : children(e, "url-pattern")) {
                        def.mappings.add(p.getTextContent().trim());
                    }
                }
                case "filter" -> readFilter(e, config);
                case "filter-mapping" -> readFilterMapping(e, config);
                case "listener" -> config.listeners.add(text(e, "listener-class"));
                case "welcome-file-list" -> {
                    config.welcomeFilesDeclared = true;
                    for (Element w : children(e, "welcome-file")) {
                        config.welcomeFiles.add(w.getTextContent().trim());
                    }
                }
                case "error-page" -> readErrorPage(e, config);
                case "mime-mapping" -> config.mimeMappings.put(
                        required(e, "extension").toLowerCase(Locale.ROOT), required(e, "mime-type"));
                case "locale-encoding-mapping-list" -> {
                    for (Element m : children(e, "locale-encoding-mapping")) {
                        config.localeEncodings.put(text(m, "locale"), text(m, "encoding"));
                    }
                }
                case "session-config" -> readSessionConfig(e, config);
                case "request-character-encoding" -> config.requestCharacterEncoding = e.getTextContent().trim();
                case "response-character-encoding" -> config.responseCharacterEncoding = e.getTextContent().trim();
                case "security-constraint" -> SecurityXml.readConstraint(e, config);
                case "login-config" -> SecurityXml.readLoginConfig(e, config);
                case "deny-uncovered-http-methods" -> config.denyUncoveredHttpMethods = true;
                case "security-role" -> {
                    String role = text(e, "role-name");
                    if (role != null) {
                        config.declaredRoles.add(role);
                    }
                }
                case "jsp-config" -> config.jspConfig.readJspConfig(e);
                case "taglib" -> config.jspConfig.readTaglib(e);
                default -> {
                    // Other elements (JNDI references...) are not used here.
                }
            }
        }
    }

    private static void readServlet(Element e, WebAppConfig config) {
        WebAppConfig.ServletDef def = config.servlet(text(e, "servlet-name"));
        String cls = text(e, "servlet-class");
        if (cls != null) {
            def.className = cls;
        }
        String jsp = text(e, "jsp-file");
        if (cls == null && jsp != null) {
            def.jspFile = jsp; // No JSP engine: the servlet deploys and answers 500 (see ServletHolder).
        }
        for (Element p : children(e, "init-param")) {
            // A name given twice in one descriptor: the first declaration holds (as Tomcat; the spec is silent).
            def.initParams.putIfAbsent(text(p, "param-name"), text(p, "param-value"));
        }
        for (Element r : children(e, "security-role-ref")) {
            String link = text(r, "role-link");
            def.roleRefs.put(text(r, "role-name"), link == null ? text(r, "role-name") : link);
        }
        String load = text(e, "load-on-startup");
        if (load != null) {
            def.loadOnStartup = load.isEmpty() ? 0 : Integer.valueOf(load);
        }
        String async = text(e, "async-supported");
        if (async != null) {
            def.asyncSupported = Boolean.valueOf(async);
        }
        String enabled = text(e, "enabled");
        if (enabled != null) {
            def.enabled = Boolean.parseBoolean(enabled);
        }
        Element mp = child(e, "multipart-config");
        if (mp != null) {
            def.multipart = new MultipartConfigElement(orEmpty(text(mp, "location")),
                    number(text(mp, "max-file-size"), -1L), number(text(mp, "max-request-size"), -1L),
                    (int) number(text(mp, "file-size-threshold"), 0L));
        }
    }

    private static void readFilter(Element e, WebAppConfig config) {
        WebAppConfig.FilterDef def = config.filter(text(e, "filter-name"));
        String cls = text(e, "filter-class");
        if (cls != null) {
            def.className = cls;
        }
        for (Element p : children(e, "init-param")) {
            // A name given twice in one descriptor: the first declaration holds (as Tomcat; the spec is silent).
            def.initParams.putIfAbsent(text(p, "param-name"), text(p, "param-value"));
        }
        String async = text(e, "async-supported");
        if (async != null) {
            def.asyncSupported = Boolean.valueOf(async);
        }
    }

    private static void readFilterMapping(Element e, WebAppConfig config) {
        WebAppConfig.FilterMappingDef def = new WebAppConfig.FilterMappingDef();
        def.filterName = text(e, "filter-name");
        for (Element c : children(e)) {
            switch (c.getLocalName()) {
                case "url-pattern" -> def.urlPatterns.add(c.getTextContent().trim());
                case "servlet-name" -> def.servletNames.add(c.getTextContent().trim());
                case "dispatcher" -> def.dispatchers.add(DispatcherType.valueOf(c.getTextContent().trim()));
                default -> {
                }
            }
        }
        if (def.dispatchers.isEmpty()) {
            def.dispatchers.add(DispatcherType.REQUEST);
        }
        config.filterMappings.add(def);
    }

    private static void readErrorPage(Element e, WebAppConfig config) {
        String location = text(e, "location");
        String code = text(e, "error-code");
        String type = text(e, "exception-type");
        if (code != null) {
            config.errorPagesByCode.putIfAbsent(Integer.valueOf(code), location);
        } else if (type != null) {
            config.errorPagesByException.putIfAbsent(type, location);
        } else if (config.defaultErrorPage == null) {
            config.defaultErrorPage = location;
        }
    }

    private static void readSessionConfig(Element e, WebAppConfig config) {
        String timeout = text(e, "session-timeout");
        if (timeout != null && !timeout.isEmpty()) {
            config.sessionTimeoutMinutes = Integer.valueOf(timeout);
        }
        Element cookie = child(e, "cookie-config");
        if (cookie != null) {
            WebAppConfig.CookieDef c = config.sessionCookie;
            c.name = text(cookie, "name");
            c.domain = text(cookie, "domain");
            c.path = text(cookie, "path");
            c.comment = text(cookie, "comment");
            String httpOnly = text(cookie, "http-only");
            c.httpOnly = httpOnly == null ? null : Boolean.valueOf(httpOnly);
            String secure = text(cookie, "secure");
            c.secure = secure == null ? null : Boolean.valueOf(secure);
            String maxAge = text(cookie, "max-age");
            c.maxAge = maxAge == null ? null : Integer.valueOf(maxAge);
            for (Element a : children(cookie, "attribute")) {
                c.attributes.put(text(a, "attribute-name"), text(a, "attribute-value"));
            }
        }
        for (Element mode : children(e, "tracking-mode")) {
            config.trackingModes.add(SessionTrackingMode.valueOf(mode.getTextContent().trim()));
        }
    }

    private static Document parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            // XXE: entity expansion limits (a billion laughs fails fast), no external DTD, schema or entity
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            // fatal errors still throw; without a handler the parser also printed each one to stderr
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            String where = e instanceof org.xml.sax.SAXParseException p && p.getLineNumber() > 0
                    ? " (line " + p.getLineNumber() + ", column " + p.getColumnNumber() + ")" : "";
            throw new IOException("Malformed descriptor" + where + ": " + oneLine(e.getMessage()), e);
        }
    }

    public static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                list.add(el);
            }
        }
        return list;
    }

    public static List<Element> children(Element parent, String localName) {
        List<Element> list = new ArrayList<>();
        for (Element e : children(parent)) {
            if (localName.equals(e.getLocalName())) {
                list.add(e);
            }
        }
        return list;
    }

    public static Element child(Element parent, String localName) {
        for (Element e : children(parent)) {
            if (localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** The trimmed text of a child element the schema requires. @throws IllegalArgumentException when absent */
    static String required(Element parent, String localName) {
        String text = text(parent, localName);
        if (text == null) {
            throw new IllegalArgumentException("<" + parent.getLocalName() + "> without <" + localName + ">");
        }
        return text;
    }

    /** The trimmed text of the first child element named {@code localName}, or null. */
    public static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : e.getTextContent().trim();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static long number(String s, long fallback) {
        return s == null || s.isEmpty() ? fallback : Long.parseLong(s);
    }
}
