#!/usr/bin/env bash
# WebSocket: the same echo endpoint (WsEcho, /ws/echo) on Tomcat (tomcat-embed-websocket), Jetty (ee10 Jakarta
# WebSocket) and Sluice (its websocket module: Tyrus over the servlet adapter). Per server:
#   1. idle: IdleWebSocketClient opens WS_IDLE WebSockets and holds them; RSS and heap after a full GC before and
#      while they are open, and the server's thread count (/proc/<pid>/status Threads);
#   2. echo: EchoWebSocketClient, WS_CONNECTIONS connections in a closed loop of 64-byte text messages, 5 s warm-up,
#      WS_SECONDS measured: round trips per second.
#
#   benchmarks/websocket.sh [--quick]       (--quick: 2,000 idle WebSockets, 10 s of echo)
#
# Settings (environment): SERVERS (default "tomcat-ws jetty-ws sluice-ws"), WS_IDLE (10000), WS_CONNECTIONS (64),
# WS_SECONDS (20), THREADS (8 here), HEAP, SKIP_BUILD=1, OUT. Each server allows 12,000 connections and a 300 s
# idle timeout; Jetty's header cache is 0 (design notes).
set -uo pipefail
source "$(dirname "$0")/scripts/lib.sh"

[[ "${1:-}" == --quick ]] && { WS_IDLE=${WS_IDLE:-2000}; WS_SECONDS=${WS_SECONDS:-10}; }
WS_IDLE=${WS_IDLE:-10000}
WS_CONNECTIONS=${WS_CONNECTIONS:-64}
WS_SECONDS=${WS_SECONDS:-20}
THREADS=${THREADS_WS:-8}
SERVERS=${SERVERS:-tomcat-ws jetty-ws sluice-ws}
OUT=${OUT:-$BENCH_DIR/results/websocket-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
CLIENT_PID=""
trap 'cleanup_on_exit; [[ -n "$CLIENT_PID" ]] && kill "$CLIENT_PID" 2> /dev/null' EXIT
trap 'exit 130' INT TERM
ulimit -n 20000 2> /dev/null || log "could not raise ulimit -n (now $(ulimit -n))"
build || exit 1
mib() { [[ -z "$1" || "$1" == - ]] && echo - || awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
threads_of() { awk '/^Threads:/ {print $2}' "/proc/$1/status" 2> /dev/null; }
table="$OUT/websocket.md"
{
    echo "maxThreads $THREADS, heap -Xmx$HEAP. Idle: $WS_IDLE WebSockets held open; RSS and heap after a full GC."
    echo "Echo: $WS_CONNECTIONS connections, 64-byte text, closed loop, $WS_SECONDS s after 5 s of warm-up."
    echo
    echo "| server | idle opened | threads idle -> loaded | RSS idle MiB | RSS loaded MiB | heap idle MiB | heap loaded MiB | heap KiB per WebSocket | echo round trips/s |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$table"
for server in $SERVERS; do
    start_server "$server" --threads="$THREADS" --idle-timeout-ms=300000 --max-connections=12000 \
        --jetty-header-cache=0 || { log "skipping $server"; continue; }
    port=$(port_of "$server")
    heap0=$(heap_used_after_gc_kib "$SERVER_PID"); sleep 1
    rss0=$(rss_kib "$SERVER_PID"); threads0=$(threads_of "$SERVER_PID")
    client_out="$OUT/$server-idle.txt"
    java -Xmx512m -cp "$TARGET/classes" dev.sluice.bench.IdleWebSocketClient "$HOST" "$port" /ws/echo \
        "$WS_IDLE" 30 > "$client_out" 2>&1 &
    CLIENT_PID=$!
    for ((i = 0; i < 3000; i++)); do
        grep -q '^READY' "$client_out" && break
        kill -0 "$CLIENT_PID" 2> /dev/null || break
        sleep 0.1
    done
    sleep 2
    heap1=$(heap_used_after_gc_kib "$SERVER_PID"); sleep 1
    rss1=$(rss_kib "$SERVER_PID"); threads1=$(threads_of "$SERVER_PID")
    wait "$CLIENT_PID"; CLIENT_PID=""
    ok=$(sed -n 's/^READY ok=\([0-9]*\).*/\1/p' "$client_out")
    per_ws=$(awk -v a="$heap0" -v b="$heap1" -v n="${ok:-0}" 'BEGIN { if (n > 0) printf "%.1f", (b - a) / n; else print "-" }')
    sleep 3
    echo_out="$OUT/$server-echo.txt"
    java -Xmx256m -cp "$TARGET/classes" dev.sluice.bench.EchoWebSocketClient "$HOST" "$port" /ws/echo \
        "$WS_CONNECTIONS" 64 5 "$WS_SECONDS" > "$echo_out" 2>&1
    rate=$(sed -n 's/^RESULT round_trips_per_s=\([0-9]*\).*/\1/p' "$echo_out")
    stop_server
    log "$server: $(cat "$client_out" | head -1) threads $threads0 -> $threads1 rss ${rss0}K -> ${rss1}K heap ${heap0}K -> ${heap1}K echo $(cat "$echo_out")"
    echo "| $server | ${ok:--} | $threads0 -> $threads1 | $(mib "$rss0") | $(mib "$rss1") | $(mib "$heap0") | $(mib "$heap1") | $per_ws | ${rate:--} |" >> "$table"
done
cat "$table"
