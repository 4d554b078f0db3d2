package dev.sluice.samples.gallery;

import jakarta.servlet.ServletRequest;

/**
 * Which connection carried a request, as the server itself reports it. Sluice sets two request attributes;
 * another container may set neither, and then the gallery says so instead of guessing.
 *
 * @param connectionId the server's id of the connection ({@code dev.sluice.connection.id}, a Long)
 * @param requestNumber this request's number on that connection, 1 for the first
 *                      ({@code dev.sluice.connection.requestNumber}, an Integer)
 */
record ServerFigures(long connectionId, int requestNumber) {
    static final String CONNECTION_ID = "dev.sluice.connection.id";
    static final String REQUEST_NUMBER = "dev.sluice.connection.requestNumber";

    /** The figures of a request, or null when the container does not expose both attributes. */
    static ServerFigures of(ServletRequest request) {
        return of(request.getAttribute(CONNECTION_ID), request.getAttribute(REQUEST_NUMBER));
    }

    static ServerFigures of(Object connectionId, Object requestNumber) {
        if (connectionId instanceof Number id && requestNumber instanceof Number number) {
            return new ServerFigures(id.longValue(), number.intValue());
        }
        return null;
    }
}
