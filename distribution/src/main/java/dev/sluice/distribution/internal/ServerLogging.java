package dev.sluice.distribution.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One log format for the server and its webapps (java.util.logging, which webapps reach through the JDK), on the
 * console and in {@code logs/sluice.log}: {@code 2026-11-26 13:50:01.123 INFO  [logger] message}.
 */
final class ServerLogging {
    private ServerLogging() {
    }

    /** Routes the root logger to the console and to {@code logsDir/sluice.log} (when not null) at {@code level}. */
    static void configure(Level level, Path logsDir) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        OneLineFormatter formatter = new OneLineFormatter();
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(formatter);
        console.setLevel(level);
        root.addHandler(console);
        if (logsDir != null) {
            try {
                Files.createDirectories(logsDir);
                FileHandler file = new FileHandler(logsDir.resolve("sluice.log").toString(), 10 * 1024 * 1024, 5,
                        true);
                file.setFormatter(formatter);
                file.setLevel(level);
                root.addHandler(file);
            } catch (IOException e) {
                root.warning("cannot write logs in " + logsDir + ": " + e.getMessage());
            }
        }
        root.setLevel(level);
    }

    /** {@code INFO}, {@code FINE}, ... or {@code DEBUG}/{@code WARN}/{@code ERROR} as people often write them. */
    static Level parseLevel(String name) {
        switch (name.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "DEBUG": return Level.FINE;
            case "TRACE": return Level.FINEST;
            case "WARN": return Level.WARNING;
            case "ERROR": return Level.SEVERE;
            default: return Level.parse(name.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The one line every message takes, with a stack trace only when there is a throwable. */
    static final class OneLineFormatter extends Formatter {
        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord record) {
            StringBuilder sb = new StringBuilder(128);
            sb.append(TIME.format(Instant.ofEpochMilli(record.getMillis()))).append(' ');
            String level = record.getLevel().getName();
            sb.append(level);
            for (int i = level.length(); i < 7; i++) {
                sb.append(' ');
            }
            sb.append(" [").append(shortName(record.getLoggerName())).append("] ").append(formatMessage(record))
                    .append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                sb.append(trace);
            }
            return sb.toString();
        }

        private static String shortName(String logger) {
            if (logger == null || logger.isEmpty()) {
                return "root";
            }
            int dot = logger.lastIndexOf('.');
            return dot < 0 ? logger : logger.substring(dot + 1);
        }
    }
}
