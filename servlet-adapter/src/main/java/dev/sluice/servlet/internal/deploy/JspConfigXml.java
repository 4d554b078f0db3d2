package dev.sluice.servlet.internal.deploy;

import jakarta.servlet.descriptor.JspConfigDescriptor;
import jakarta.servlet.descriptor.JspPropertyGroupDescriptor;
import jakarta.servlet.descriptor.TaglibDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.w3c.dom.Element;

/**
 * A webapp's {@code <jsp-config>} (Servlet 6.1 section 14.4.32, Pages 4.0 section JSP.3.3), kept for
 * {@code ServletContext.getJspConfigDescriptor} so a JSP module reads it; the container itself does nothing with
 * it. Also reads the top-level {@code <taglib>} of a Servlet 2.3 (DTD) web.xml. Filled at deploy by one thread.
 */
public final class JspConfigXml {
    private final List<TaglibDescriptor> taglibs = new ArrayList<>();
    private final List<JspPropertyGroupDescriptor> groups = new ArrayList<>();
    private boolean declared;

    /** Reads one {@code <jsp-config>} element; those of web.xml and fragments add up. */
    public void readJspConfig(Element jspConfig) {
        declared = true;
        for (Element e : WebXmlParser.children(jspConfig)) {
            switch (e.getLocalName()) {
                case "taglib" -> readTaglib(e);
                case "jsp-property-group" -> groups.add(propertyGroup(e));
                default -> {
                    // Nothing else is defined under jsp-config.
                }
            }
        }
    }

    /** Reads a {@code <taglib>} element (under jsp-config, or at the top of a Servlet 2.3 web.xml). */
    public void readTaglib(Element taglib) {
        declared = true;
        taglibs.add(new Taglib(WebXmlParser.text(taglib, "taglib-uri"), WebXmlParser.text(taglib, "taglib-location")));
    }

    /** The descriptor, or null when no descriptor declared jsp-config (as the ServletContext javadoc says). */
    public JspConfigDescriptor descriptor() {
        return declared ? new Config(List.copyOf(taglibs), List.copyOf(groups)) : null;
    }

    private static JspPropertyGroupDescriptor propertyGroup(Element e) {
        PropertyGroup g = new PropertyGroup();
        for (Element c : WebXmlParser.children(e)) {
            String v = c.getTextContent().trim();
            switch (c.getLocalName()) {
                case "url-pattern" -> g.urlPatterns.add(v);
                case "el-ignored" -> g.elIgnored = v;
                case "error-on-el-not-found" -> g.errorOnElNotFound = v;
                case "page-encoding" -> g.pageEncoding = v;
                case "scripting-invalid" -> g.scriptingInvalid = v;
                case "is-xml" -> g.isXml = v;
                case "include-prelude" -> g.preludes.add(v);
                case "include-coda" -> g.codas.add(v);
                case "deferred-syntax-allowed-as-literal" -> g.deferredSyntaxAllowedAsLiteral = v;
                case "trim-directive-whitespaces" -> g.trimDirectiveWhitespaces = v;
                case "default-content-type" -> g.defaultContentType = v;
                case "buffer" -> g.buffer = v;
                case "error-on-undeclared-namespace" -> g.errorOnUndeclaredNamespace = v;
                default -> {
                    // description, display-name, icon
                }
            }
        }
        return g;
    }

    private record Taglib(String getTaglibURI, String getTaglibLocation) implements TaglibDescriptor {
    }

    private record Config(Collection<TaglibDescriptor> getTaglibs,
                          Collection<JspPropertyGroupDescriptor> getJspPropertyGroups) implements JspConfigDescriptor {
    }

    /** Values are the text given, null when absent, as the descriptor interface specifies. */
    private static final class PropertyGroup implements JspPropertyGroupDescriptor {
        final List<String> urlPatterns = new ArrayList<>();
        final List<String> preludes = new ArrayList<>();
        final List<String> codas = new ArrayList<>();
        String elIgnored;
        String errorOnElNotFound;
        String pageEncoding;
        String scriptingInvalid;
        String isXml;
        String deferredSyntaxAllowedAsLiteral;
        String trimDirectiveWhitespaces;
        String defaultContentType;
        String buffer;
        String errorOnUndeclaredNamespace;

        @Override public Collection<String> getUrlPatterns() { return List.copyOf(urlPatterns); }
        @Override public String getElIgnored() { return elIgnored; }
        @Override public String getErrorOnELNotFound() { return errorOnElNotFound; }
        @Override public String getPageEncoding() { return pageEncoding; }
        @Override public String getScriptingInvalid() { return scriptingInvalid; }
        @Override public String getIsXml() { return isXml; }
        @Override public Collection<String> getIncludePreludes() { return List.copyOf(preludes); }
        @Override public Collection<String> getIncludeCodas() { return List.copyOf(codas); }
        @Override public String getDeferredSyntaxAllowedAsLiteral() { return deferredSyntaxAllowedAsLiteral; }
        @Override public String getTrimDirectiveWhitespaces() { return trimDirectiveWhitespaces; }
        @Override public String getDefaultContentType() { return defaultContentType; }
        @Override public String getBuffer() { return buffer; }
        @Override public String getErrorOnUndeclaredNamespace() { return errorOnUndeclaredNamespace; }
    }
}
