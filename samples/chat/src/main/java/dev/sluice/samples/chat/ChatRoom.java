package dev.sluice.samples.chat;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A chat room per path ({@code /chat/room/lobby}): every line a member sends goes to every member of the room,
 * prefixed with the sender's name; joining and leaving are announced. Lines longer than 4,000 bytes end the
 * session with 1009 (maxMessageSize). The server's Tyrus serializes sends per session; the room is thread-safe.
 */
@ServerEndpoint("/room/{room}")
public class ChatRoom {
    private static final Map<String, Set<Session>> ROOMS = new ConcurrentHashMap<>();

    @OnOpen
    public void join(@PathParam("room") String room, Session session) {
        String name = name(session);
        session.getUserProperties().put("name", name);
        members(room).add(session);
        broadcast(room, "* " + name + " joined " + room + " (" + members(room).size() + " here)");
    }

    @OnMessage(maxMessageSize = 4000)
    public void say(@PathParam("room") String room, String line, Session session) {
        String text = line.strip();
        if (!text.isEmpty()) {
            broadcast(room, session.getUserProperties().get("name") + ": " + text);
        }
    }

    @OnClose
    public void leave(@PathParam("room") String room, Session session, CloseReason reason) {
        if (members(room).remove(session)) {
            broadcast(room, "* " + session.getUserProperties().get("name") + " left");
        }
    }

    @OnError
    public void failed(Session session, Throwable error) {
        // The session closes after this; leave() announces it.
    }

    private static Set<Session> members(String room) {
        return ROOMS.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet());
    }

    private static void broadcast(String room, String line) {
        for (Session member : members(room)) {
            if (member.isOpen()) {
                try {
                    synchronized (member) { // one sender at a time per session (Jakarta WebSocket 2.2 5.1)
                        member.getBasicRemote().sendText(line);
                    }
                } catch (IOException | IllegalStateException gone) {
                    members(room).remove(member);
                }
            }
        }
    }

    /** The {@code name} query parameter, at most 20 letters, digits, dots, dashes or underscores; else "guest". */
    private static String name(Session session) {
        String q = session.getRequestParameterMap().getOrDefault("name", java.util.List.of("guest")).get(0);
        String cleaned = q.replaceAll("[^\\p{L}\\p{N}._-]", "");
        return cleaned.isEmpty() ? "guest" : cleaned.substring(0, Math.min(20, cleaned.length()));
    }
}
