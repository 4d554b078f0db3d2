package dev.sluice.samples.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** java.net.http, set up the way these tests want it: HTTP/1.1, redirects not followed, generous timeouts. */
final class Http {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    private Http() {
    }

    static HttpClient client() {
        return CLIENT;
    }

    static HttpResponse<String> get(URI uri, String... headers) throws IOException, InterruptedException {
        return send(request(uri, headers).GET().build());
    }

    /** POSTs an HTML form the way a browser does: urlencoded UTF-8, and no charset in the Content-Type. */
    static HttpResponse<String> postForm(URI uri, String form, String... headers)
            throws IOException, InterruptedException {
        return send(request(uri, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                .build());
    }

    static HttpRequest.Builder request(URI uri, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The name=value part of each Set-Cookie header named {@code name}. */
    static List<String> cookies(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0].strip())
                .filter(c -> c.startsWith(name + "="))
                .toList();
    }
}
