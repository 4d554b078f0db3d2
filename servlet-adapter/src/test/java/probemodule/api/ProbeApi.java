package probemodule.api;

/** API of the test container module that webapps may use: exported, so loaded from the container. */
public final class ProbeApi {
    private ProbeApi() {
    }

    public static String greeting() {
        return "hello from the probe API";
    }
}
