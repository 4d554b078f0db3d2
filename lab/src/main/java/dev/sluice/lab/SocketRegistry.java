package dev.sluice.lab;

import java.io.IOException;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sockets a run has open, so the run can end on time: closing them wakes every thread blocked in connect,
 * read or write with a SocketException.
 */
final class SocketRegistry {
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    void add(Socket s) throws IOException {
        open.add(s);
        if (closed) {
            open.remove(s);
            s.close();
            throw new IOException("run stopped");
        }
    }

    void remove(Socket s) {
        open.remove(s);
    }

    int size() {
        return open.size();
    }

    void closeAll() {
        closed = true;
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // best effort: the point is to wake the thread using it
            }
        }
        open.clear();
    }
}
