package dev.sluice.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Where the server's live figures come from during a run. */
@FunctionalInterface
public interface MetricsSource {
    /** @throws IOException when the figures cannot be had; the sampler then stops asking */
    Map<String, Double> sample() throws IOException;

    /**
     * The target's {@code /sluice/metrics} in Prometheus text. The JDK client is used here, not the lab's
     * sockets: these requests are few, and keeping them apart keeps them out of the run's counts.
     */
    static MetricsSource http(InetSocketAddress target) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
                .version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://" + target.getAddress().getHostAddress() + ":" + target.getPort()
                + "/sluice/metrics");
        return () -> {
            HttpResponse<String> r;
            try {
                r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (r.statusCode() != 200) {
                throw new IOException("/sluice/metrics answered " + r.statusCode());
            }
            Map<String, Double> values = PrometheusText.parse(r.body());
            if (values.isEmpty()) {
                throw new IOException("/sluice/metrics held no samples");
            }
            return values;
        };
    }
}
