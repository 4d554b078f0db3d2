package dev.sluice.servlet.internal.http;

import dev.sluice.core.Response;
import dev.sluice.servlet.internal.http.ContentCharsets;
import dev.sluice.servlet.internal.http.LocaleEncodings;
import java.util.Locale;
import java.util.Map;

/**
 * A servlet response's content type, character encoding and locale (Servlet 6.1 section 5.5), kept in step
 * with the Content-Type and Content-Language headers. The caller checks commit and include state first;
 * {@code writerChosen} is whether getWriter has fixed the encoding, after which it no longer changes.
 */
public final class ResponseContentType {
    private final Response core;
    private String mimeType;
    private String charset;
    private boolean charsetExplicit;
    private Locale locale;

    public ResponseContentType(Response core) {
        this.core = core;
    }

    /** The encoding set, else the webapp's configured one ({@code configured}, may be null), else ISO-8859-1. */
    public String characterEncoding(String configured) {
        if (charset != null) {
            return charset;
        }
        return configured != null ? configured : "ISO-8859-1";
    }

    public String contentType() {
        if (mimeType == null) {
            return null;
        }
        return charset != null ? mimeType + ";charset=" + charset : mimeType;
    }

    public void setContentType(String type, boolean writerChosen) {
        if (type == null) {
            mimeType = null;
            if (!writerChosen) {
                charset = null;
                charsetExplicit = false;
            }
            updateHeader();
            return;
        }
        String cs = ContentCharsets.charsetOf(type);
        if (cs == null) {
            mimeType = type.trim();
        } else {
            int semi = type.indexOf(';');
            mimeType = type.substring(0, semi).trim() + stripCharset(type.substring(semi));
        }
        if (cs != null && !writerChosen) {
            charset = cs;
            charsetExplicit = true;
        }
        updateHeader();
    }

    private static String stripCharset(String params) {
        StringBuilder sb = new StringBuilder();
        for (String p : params.split(";")) {
            String t = p.trim();
            if (!t.isEmpty() && !t.regionMatches(true, 0, "charset=", 0, 8)) {
                sb.append(';').append(t);
            }
        }
        return sb.toString();
    }

    public void setCharacterEncoding(String encoding) {
        charset = encoding;
        charsetExplicit = encoding != null;
        updateHeader();
    }

    /** getWriter fixes the encoding it writes with, explicit or not. */
    public void fixEncoding(String encoding) {
        charset = encoding;
        updateHeader();
    }

    /**
     * Servlet 6.1 section 5.6: unless an encoding was set explicitly (setCharacterEncoding, or a charset in
     * setContentType) or getWriter fixed it, the locale's encoding applies: the webapp's
     * locale-encoding-mapping-list first, then the container's table.
     */
    public void setLocale(Locale loc, boolean writerChosen, Map<String, String> webappTable,
                   Map<String, String> containerTable) {
        locale = loc;
        core.headers().set("Content-Language", loc.toLanguageTag());
        if (!charsetExplicit && !writerChosen) {
            String enc = LocaleEncodings.lookup(webappTable, loc);
            if (enc == null) {
                enc = LocaleEncodings.lookup(containerTable, loc);
            }
            if (enc != null) {
                charset = enc;
                updateHeader();
            }
        }
    }

    public Locale locale() {
        return locale != null ? locale : Locale.getDefault();
    }

    /** Forgets all; the caller's core reset has already dropped the headers. */
    public void reset() {
        mimeType = null;
        charset = null;
        charsetExplicit = false;
        locale = null;
    }

    private void updateHeader() {
        String value = contentType();
        if (value == null) {
            core.headers().remove("Content-Type");
        } else {
            core.headers().set("Content-Type", value);
        }
    }
}
