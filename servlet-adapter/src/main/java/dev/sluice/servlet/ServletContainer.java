package dev.sluice.servlet;

import dev.sluice.core.Handler;
import dev.sluice.core.Request;
import dev.sluice.core.Response;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The servlet container: deploys webapps and is the {@link Handler} that dispatches each request to the
 * webapp whose context path matches. Placeholder for the API shape; the adapter issue supplies the
 * implementation.
 */
public final class ServletContainer implements Handler, AutoCloseable {

    /** Deploys an exploded WAR folder or a .war file; returns its context path ("" for ROOT). */
    public String deploy(Path webapp) throws IOException {
        throw new UnsupportedOperationException("adapter not implemented yet");
    }

    /** Deploys every exploded folder and .war in {@code webappsDir}; one that fails is logged and skipped. */
    public void deployAll(Path webappsDir) throws IOException {
        throw new UnsupportedOperationException("adapter not implemented yet");
    }

    /** Undeploys the webapp at {@code contextPath}; returns whether one was there. */
    public boolean undeploy(String contextPath) {
        return false;
    }

    @Override
    public void handle(Request request, Response response) throws Exception {
        throw new UnsupportedOperationException("adapter not implemented yet");
    }

    /** Undeploys every webapp. */
    @Override
    public void close() {
    }
}
