package dev.sluice.samples.guestbook;

import java.util.ArrayList;
import java.util.List;

/**
 * The sign-the-guestbook form as submitted: normalized values plus the problems that keep it from being saved.
 * An empty problem list means the entry is valid.
 */
record EntryForm(String name, String message, List<String> problems) {
    static final int MAX_NAME = 40;
    static final int MAX_MESSAGE = 500;

    EntryForm {
        problems = List.copyOf(problems);
    }

    boolean isValid() {
        return problems.isEmpty();
    }

    /** Normalizes and validates raw request parameters (either may be null when the field was not sent). */
    static EntryForm of(String rawName, String rawMessage) {
        String name = rawName == null ? "" : rawName.strip();
        // Browsers send textarea line breaks as CRLF; keep one form so lengths count what the reader sees.
        String message = rawMessage == null ? "" : rawMessage.replace("\r\n", "\n").replace('\r', '\n').strip();
        List<String> problems = new ArrayList<>();
        check("name", name, MAX_NAME, false, problems);
        check("message", message, MAX_MESSAGE, true, problems);
        return new EntryForm(name, message, problems);
    }

    /** A form for a visitor who has not typed anything yet, pre-filled with the name their session remembers. */
    static EntryForm blank(String rememberedName) {
        return new EntryForm(rememberedName == null ? "" : rememberedName, "", List.of());
    }

    private static void check(String field, String value, int max, boolean multiline, List<String> problems) {
        if (value.isEmpty()) {
            problems.add(field + " is required");
            return;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            problems.add(field + " is " + length + " characters long; at most " + max + " are allowed");
        }
        boolean hasControl = value.codePoints()
                .anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\t')));
        if (hasControl) {
            problems.add(field + " contains control characters");
        }
    }
}
