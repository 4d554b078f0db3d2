package dev.sluice.servlet.internal.multipart;

import dev.sluice.core.HttpException;
import dev.sluice.servlet.internal.http.ContentCharsets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The form fields of a multipart body as request parameters (Servlet 6.1 section 3.2: parts without a file
 * name are visible through getParameter). Each value is decoded with, in order: the charset of the part's own
 * Content-Type, the request's character encoding (Content-Type charset, setCharacterEncoding or the webapp's
 * request-character-encoding), the value of a {@code _charset_} field (RFC 7578 section 4.6), else UTF-8, which
 * is what browsers use for a UTF-8 page (RFC 7578 section 5.1.2). Over the container's parameter limits, the
 * request is refused as a urlencoded form would be: 400 past maxParameterCount, 413 past maxFormBytes.
 */
public final class MultipartFields {
    private MultipartFields() {
    }

    /**
     * Adds the fields to {@code map}.
     *
     * @param requestEncoding the request's character encoding, or null if none is known
     * @param count           parameters already in the map (from the query)
     * @param maxCount        the container's maxParameterCount
     * @param maxBytes        the container's maxFormBytes: most bytes of all field values together
     */
    public static void addTo(Map<String, List<String>> map, List<UploadPart> fields, String requestEncoding, int count,
                      int maxCount, int maxBytes) {
        long total = 0;
        for (UploadPart f : fields) {
            total += f.getSize();
        }
        if (total > maxBytes) {
            throw new HttpException(413, "Multipart form fields larger than " + maxBytes + " bytes");
        }
        if (count + fields.size() > maxCount) {
            throw new HttpException(400, "More than " + maxCount + " request parameters");
        }
        Charset fallback = fallback(fields, requestEncoding);
        for (UploadPart f : fields) {
            String declared = ContentCharsets.charsetOf(f.getContentType());
            Charset cs = declared == null ? fallback : charsetOr(declared, fallback);
            map.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(new String(bytes(f), cs));
        }
    }

    private static Charset fallback(List<UploadPart> fields, String requestEncoding) {
        if (requestEncoding != null) {
            return charsetOr(requestEncoding, StandardCharsets.UTF_8);
        }
        for (UploadPart f : fields) {
            if ("_charset_".equals(f.getName())) {
                return charsetOr(new String(bytes(f), StandardCharsets.US_ASCII).trim(), StandardCharsets.UTF_8);
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static Charset charsetOr(String name, Charset otherwise) {
        try {
            return ContentCharsets.charsetFor(name);
        } catch (IOException e) {
            return otherwise;
        }
    }

    private static byte[] bytes(UploadPart f) {
        try (InputStream in = f.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
