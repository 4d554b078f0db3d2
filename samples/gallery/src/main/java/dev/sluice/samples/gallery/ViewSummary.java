package dev.sluice.samples.gallery;

import java.util.List;

/**
 * One browser's latest page view as the server saw it.
 *
 * @param connections  the connections that carried its requests, in the order they were first seen
 * @param requests     every request recorded for the view
 * @param unattributed requests that came without the server's connection figures (another container), or on
 *                     connections past the per-view bound
 */
record ViewSummary(List<ConnectionUse> connections, int requests, int unattributed) {
    static final ViewSummary EMPTY = new ViewSummary(List.of(), 0, 0);

    ViewSummary {
        connections = List.copyOf(connections);
    }
}
