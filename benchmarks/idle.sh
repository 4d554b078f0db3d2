#!/usr/bin/env bash
# Idle connections: memory of each server holding 10,000 idle keep-alive connections. IdleClient opens
# IDLE_CONNECTIONS connections, sends one GET /hello on each, reads the response and leaves them open for
# IDLE_HOLD seconds. Before and while they are open the script reads the server's RSS (/proc/<pid>/status
# VmRSS, nginx master + workers) and, for the Java servers, the heap used after a full GC (jcmd GC.run,
# GC.heap_info). Both are taken after the forced GC so the two states compare like for like.
#
#   benchmarks/idle.sh [--quick]       (--quick: 2,000 connections)
#
# Settings (environment): SERVERS (default "nginx tomcat jetty sluice sluice-servlet"), IDLE_CONNECTIONS
# (10000), IDLE_HOLD (25 s), HEAP, SKIP_BUILD=1, OUT. Every server gets a 300 s keep-alive timeout and room
# for 12,000 connections (Tomcat's default maxConnections is 8192, Sluice's 10,000); Jetty's per-connection
# header cache is set to 0 (design notes: it costs ~100 KB per connection after a second request).
set -uo pipefail
source "$(dirname "$0")/scripts/lib.sh"

[[ "${1:-}" == --quick ]] && IDLE_CONNECTIONS=${IDLE_CONNECTIONS:-2000}
IDLE_CONNECTIONS=${IDLE_CONNECTIONS:-10000}
IDLE_HOLD=${IDLE_HOLD:-25}
SERVERS=${SERVERS:-nginx tomcat jetty sluice sluice-servlet}
OUT=${OUT:-$BENCH_DIR/results/idle-$(date -u +%Y%m%dT%H%M%SZ)}
NGINX_KEEPALIVE_TIMEOUT=300s
mkdir -p "$OUT"
CLIENT_PID=""
trap 'cleanup_on_exit; [[ -n "$CLIENT_PID" ]] && kill "$CLIENT_PID" 2> /dev/null' EXIT
trap 'exit 130' INT TERM

ulimit -n 20000 2> /dev/null || log "could not raise ulimit -n (now $(ulimit -n)); $IDLE_CONNECTIONS connections may fail"
build || exit 1
mib() { [[ "$1" == - || -z "$1" ]] && echo - || awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
diff_mib() { [[ "$1" == - || "$2" == - || -z "$1" || -z "$2" ]] && echo - || awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1024 }'; }
table="$OUT/idle.md"
{
    echo "$IDLE_CONNECTIONS idle keep-alive connections (one GET /hello each), heap -Xmx$HEAP. RSS and heap after a full GC."
    echo
    echo "| server | connections served | RSS idle MiB | RSS loaded MiB | RSS growth MiB | KiB per connection | heap idle MiB | heap loaded MiB | heap growth MiB | open after ${IDLE_HOLD} s |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$table"
for server in $SERVERS; do
    start_server "$server" --threads="$THREADS" --idle-timeout-ms=300000 --max-connections=12000 \
        --jetty-header-cache=0 || { log "skipping $server"; continue; }
    heap0=$(heap_used_after_gc_kib "$SERVER_PID"); sleep 1
    rss0=$(rss_kib "$SERVER_PID")
    client_out="$OUT/$server-client.txt"
    java -Xmx256m -cp "$TARGET/classes" dev.sluice.bench.IdleClient "$HOST" "$(port_of "$server")" /hello \
        "$IDLE_CONNECTIONS" "$IDLE_HOLD" > "$client_out" 2>&1 &
    CLIENT_PID=$!
    echo "$(date -u +%FT%TZ) start IdleClient pid $CLIENT_PID for $server" >> "$OUT/pids.log"
    for ((i = 0; i < 3000; i++)); do
        grep -q '^READY' "$client_out" && break
        kill -0 "$CLIENT_PID" 2> /dev/null || break
        sleep 0.1
    done
    sleep 2
    heap1=$(heap_used_after_gc_kib "$SERVER_PID"); sleep 1
    rss1=$(rss_kib "$SERVER_PID")
    wait "$CLIENT_PID"; CLIENT_PID=""
    stop_server
    ready=$(grep '^READY' "$client_out"); done_line=$(grep '^DONE' "$client_out")
    ok=$(sed -n 's/.* ok=\([0-9]*\).*/\1/p' <<< "$ready")
    still=$(sed -n 's/.*still_open=\([0-9]*\).*/\1/p' <<< "$done_line")
    per_conn=$(awk -v a="$rss0" -v b="$rss1" -v n="${ok:-0}" 'BEGIN { if (n > 0) printf "%.1f", (b - a) / n; else print "-" }')
    log "$server: $ready $done_line rss ${rss0}K -> ${rss1}K heap ${heap0}K -> ${heap1}K"
    echo "| $server | ${ok:--} | $(mib "$rss0") | $(mib "$rss1") | $(diff_mib "$rss0" "$rss1") | $per_conn | $(mib "$heap0") | $(mib "$heap1") | $(diff_mib "$heap0" "$heap1") | ${still:--} |" >> "$table"
done
cat "$table"
