package dev.sluice.servlet.internal.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Locale-to-charset tables for ServletResponse.setLocale (Servlet 6.1 section 5.6): a webapp's
 * {@code <locale-encoding-mapping-list>} and the container's default table. Keys are a locale ({@code zh_TW}) or
 * a language ({@code ja}); the full locale is looked up before its language.
 */
public final class LocaleEncodings {
    /**
     * The container's default table: the traditional charset of each language, as browsers and older containers
     * (Jetty's table, Tomcat's CharsetMapper) know them. A webapp that wants UTF-8 sets it explicitly or maps it
     * in its web.xml.
     */
    public static final Map<String, String> DEFAULTS = defaults();

    private LocaleEncodings() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String lang : new String[] {"ca", "da", "de", "en", "es", "et", "fi", "fr", "is", "it", "nl", "no",
                "pt", "sv"}) {
            m.put(lang, "ISO-8859-1");
        }
        for (String lang : new String[] {"cs", "hr", "hu", "lt", "lv", "pl", "ro", "sk", "sl", "sq"}) {
            m.put(lang, "ISO-8859-2");
        }
        for (String lang : new String[] {"be", "bg", "mk", "ru", "sh", "sr", "uk"}) {
            m.put(lang, "ISO-8859-5");
        }
        m.put("ar", "ISO-8859-6");
        m.put("el", "ISO-8859-7");
        m.put("he", "ISO-8859-8");
        m.put("iw", "ISO-8859-8"); // Hebrew's old ISO 639 code, still produced by some JDK locales
        m.put("tr", "ISO-8859-9");
        m.put("ja", "Shift_JIS");
        m.put("ko", "EUC-KR");
        m.put("zh", "GB2312");
        m.put("zh_TW", "Big5");
        return Map.copyOf(m);
    }

    /** The charset {@code table} maps {@code locale} to: by the whole locale, else by its language; or null. */
    public static String lookup(Map<String, String> table, Locale locale) {
        String enc = table.get(locale.toString());
        if (enc == null && !locale.getCountry().isEmpty()) {
            enc = table.get(locale.getLanguage() + "_" + locale.getCountry());
        }
        return enc != null ? enc : table.get(locale.getLanguage());
    }

    /**
     * Parses {@code "ja=Shift_JIS, zh_TW=Big5"} (commas or new lines between entries).
     *
     * @throws IllegalArgumentException naming the entry that has no {@code =} or an unknown charset
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String entry : text.split("[,\\n]")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            String charset = eq < 0 ? "" : e.substring(eq + 1).trim();
            if (eq <= 0 || charset.isEmpty()) {
                throw new IllegalArgumentException("locale encoding '" + e + "' is not locale=charset");
            }
            if (!java.nio.charset.Charset.isSupported(charset)) {
                throw new IllegalArgumentException("locale encoding '" + e + "' names an unknown charset");
            }
            m.put(e.substring(0, eq).trim().replace('-', '_'), charset);
        }
        return m;
    }
}
