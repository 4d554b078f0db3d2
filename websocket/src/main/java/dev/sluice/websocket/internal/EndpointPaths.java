package dev.sluice.websocket.internal;

import java.util.Map;

/** Endpoint path templates (Jakarta WebSocket 2.2 section 3.1.1, RFC 6570 level 1 variables). */
final class EndpointPaths {
    private EndpointPaths() {
    }

    /** {@code /chat/{room}} with {@code room=lobby} is {@code /chat/lobby}; a variable without a value stays. */
    static String expand(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (String segment : template.split("/", -1)) {
            if (out.length() > 0 || !segment.isEmpty()) {
                out.append('/');
            }
            boolean variable = segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
            String value = variable ? values.get(segment.substring(1, segment.length() - 1)) : null;
            out.append(value != null ? value : segment);
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
