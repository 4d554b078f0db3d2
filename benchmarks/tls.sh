#!/usr/bin/env bash
# HTTPS: the same HelloWorldServlet (/hello) on Tomcat (NIO, JSSE), Jetty (ee10) and Sluice (servlet adapter),
# each serving HTTPS only, with the same certificate (EC P-256, made here by keytool), protocols (TLS 1.3, 1.2) and
# cipher suites in the same order, the server's order honoured (TlsOptions): all three negotiate TLS 1.3 with
# TLS_AES_128_GCM_SHA256. Per round and server:
#   1. keepalive-64: wrk -c64 over TLS, one handshake per connection: req/s and server CPU ms per request;
#   2. close-16: wrk -c16 with "Connection: close": a new TCP and TLS connection per request (wrk does not resume
#      sessions, so each is a full handshake): req/s and CPU ms per request.
# Servers alternate within each round (A B C A B C) so that a change in the machine's load hits all of them.
# Then, once per server:
#   3. idle: IdleClient opens TLS_IDLE TLS connections (a full handshake and one GET each) and holds them; RSS and
#      heap after a full GC before and while they are open. The idle timeout is an hour: on a loaded machine
#      opening 10,000 connections one handshake at a time can take longer than a shorter timeout, which would
#      then close the first ones before the measurement (the 2026-12-07 run: 300 s, 470 of Sluice's closed).
#
#   benchmarks/tls.sh [--quick]       (--quick: 1 round of 8 s, 2,000 idle connections)
#
# Settings (environment): SERVERS (default "tomcat-tls jetty-tls sluice-tls"), ROUNDS (2), DURATION (15 s),
# WRK_THREADS (2), TLS_IDLE (10000), IDLE_HOLD (20 s), THREADS (200), HEAP (512m), SKIP_BUILD=1, OUT.
# CPU is the server process's user+sys time over the wrk run (/proc/<pid>/stat), divided by the requests wrk
# completed: on a shared machine it is steadier than req/s.
set -uo pipefail
source "$(dirname "$0")/scripts/lib.sh"

if [[ "${1:-}" == --quick ]]; then
    ROUNDS=${ROUNDS:-1}; DURATION=${DURATION:-8}; TLS_IDLE=${TLS_IDLE:-2000}
fi
ROUNDS=${ROUNDS:-2}
DURATION=${DURATION:-15}
WRK_THREADS=${WRK_THREADS:-2}
TLS_IDLE=${TLS_IDLE:-10000}
IDLE_HOLD=${IDLE_HOLD:-20}
SERVERS=${SERVERS:-tomcat-tls jetty-tls sluice-tls}
OUT=${OUT:-$BENCH_DIR/results/tls-$(date -u +%Y%m%dT%H%M%SZ)}
READY_SCHEME=https
mkdir -p "$OUT/wrk"
CLIENT_PID=""
trap 'cleanup_on_exit; [[ -n "$CLIENT_PID" ]] && kill "$CLIENT_PID" 2> /dev/null' EXIT
trap 'exit 130' INT TERM
ulimit -n 20000 2> /dev/null || log "could not raise ulimit -n (now $(ulimit -n))"
build || exit 1
command -v wrk > /dev/null || { log "wrk is missing (apt-get install wrk)"; exit 1; }

# One certificate for every server, made fresh for the run (never committed).
KEYSTORE="$OUT/tls.p12"
"${JAVA_HOME:+$JAVA_HOME/bin/}keytool" -genkeypair -alias server -keyalg EC -groupname secp256r1 -validity 2 \
    -dname CN=localhost -ext san=dns:localhost,ip:127.0.0.1 -storetype PKCS12 -storepass changeit \
    -keystore "$KEYSTORE" > "$OUT/keytool.log" 2>&1 || { log "keytool failed: $(cat "$OUT/keytool.log")"; exit 1; }
TLS_FLAGS=(--keystore="$KEYSTORE" --keystore-password=changeit)

# tls_run SERVER SCENARIO ROUND: one wrk run over HTTPS against the server started last, with its CPU time.
tls_run() {
    local server=$1 scenario=$2 round=$3 port before after file
    local args=()
    case "$scenario" in
        keepalive-64) args=(-c64) ;;
        close-16) args=(-c16 -H "Connection: close") ;;
        *) log "unknown scenario $scenario"; return 1 ;;
    esac
    port=$(port_of "$server")
    file="wrk/$server-$scenario-r$round.txt"
    before=$(cpu_ticks "$SERVER_PID")
    wrk -t"$WRK_THREADS" "${args[@]}" -d"${DURATION}s" --latency "https://$HOST:$port/hello" > "$OUT/$file" 2>&1
    after=$(cpu_ticks "$SERVER_PID")
    echo "$(date -u +%T) $server $scenario r$round loadavg $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.log"
    local requests rate errors
    requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$OUT/$file")
    rate=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$OUT/$file")
    errors=$(grep -h 'Non-2xx\|Socket errors' "$OUT/$file" | tr '\n' ' ')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$scenario" "$round" "${requests:-0}" "${rate:-0}" \
        $((after - before)) "${errors:--}" >> "$OUT/runs.tsv"
    log "$server $scenario round $round: ${rate:-no result} req/s, $((after - before)) ticks ${errors}"
}

: > "$OUT/runs.tsv"
for ((round = 1; round <= ROUNDS; round++)); do
    for server in $SERVERS; do
        start_server "$server" "${TLS_FLAGS[@]}" --threads="$THREADS" || { log "skipping $server"; continue; }
        # what a client gets: the same protocol and suite on every server (wrk is an OpenSSL client too)
        echo "$server r$round: $(openssl s_client -connect "$HOST:$(port_of "$server")" < /dev/null 2> /dev/null \
            | grep -E '^(New|Server Temp Key)' | tr '\n' ' ')" >> "$OUT/negotiated.txt"
        # a short warm-up (JIT, session caches) before the measured runs
        wrk -t1 -c8 -d3s "https://$HOST:$(port_of "$server")/hello" > /dev/null 2>&1
        tls_run "$server" keepalive-64 "$round"
        tls_run "$server" close-16 "$round"
        stop_server
    done
done

mib() { [[ -z "$1" || "$1" == - ]] && echo - || awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
idle_rows=()
for server in $SERVERS; do
    start_server "$server" "${TLS_FLAGS[@]}" --threads="$THREADS" --idle-timeout-ms=3600000 \
        --max-connections=12000 --jetty-header-cache=0 || { log "skipping $server"; continue; }
    heap0=$(heap_used_after_gc_kib "$SERVER_PID"); sleep 1
    rss0=$(rss_kib "$SERVER_PID")
    client_out="$OUT/$server-idle.txt"
    java -Xmx1g -cp "$TARGET/classes" dev.sluice.bench.IdleClient "$HOST" "$(port_of "$server")" /hello \
        "$TLS_IDLE" "$IDLE_HOLD" tls > "$client_out" 2>&1 &
    CLIENT_PID=$!
    echo "$(date -u +%FT%TZ) start IdleClient pid $CLIENT_PID for $server" >> "$OUT/pids.log"
    for ((i = 0; i < 6000; i++)); do
        grep -q '^READY' "$client_out" && break
        kill -0 "$CLIENT_PID" 2> /dev/null || break
        sleep 0.1
    done
    sleep 2
    heap1=$(heap_used_after_gc_kib "$SERVER_PID"); sleep 1
    rss1=$(rss_kib "$SERVER_PID")
    wait "$CLIENT_PID"; CLIENT_PID=""
    stop_server
    ok=$(sed -n 's/^READY .* ok=\([0-9]*\).*/\1/p' "$client_out")
    still=$(sed -n 's/^DONE still_open=\([0-9]*\).*/\1/p' "$client_out")
    per_conn=$(awk -v a="$rss0" -v b="$rss1" -v n="${ok:-0}" 'BEGIN { if (n > 0) printf "%.1f", (b - a) / n; else print "-" }')
    heap_per=$(awk -v a="$heap0" -v b="$heap1" -v n="${ok:-0}" 'BEGIN { if (n > 0 && a != "-") printf "%.1f", (b - a) / n; else print "-" }')
    log "$server idle: $(head -1 "$client_out") rss ${rss0}K -> ${rss1}K heap ${heap0}K -> ${heap1}K"
    idle_rows+=("| $server | ${ok:--} | $(mib "$rss0") | $(mib "$rss1") | $per_conn | $(mib "$heap0") | $(mib "$heap1") | $heap_per | ${still:--} |")
done

table="$OUT/tls.md"
{
    echo "HTTPS, same certificate (EC P-256) and cipher order on every server; maxThreads $THREADS, heap -Xmx$HEAP;"
    echo "wrk -t$WRK_THREADS, $DURATION s per run, $ROUNDS round(s), servers alternating within each round."
    echo "Negotiated (openssl s_client): $(sed 's/^[^:]*: //' "$OUT/negotiated.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
    echo "Load average (1 minute) during the runs: $(awk '{print $6}' "$OUT/load.log" | sort -n | sed -n '1p;$p' | tr '\n' ' ')(lowest, highest)."
    echo
    echo "| server | scenario | req/s (each round) | req/s mean | CPU ms per request (each round) | CPU ms per request mean | errors |"
    echo "|---|---|---:|---:|---:|---:|---|"
    awk -F'\t' -v tck="$CLK_TCK" '
        { key = $1 "\t" $2; if (!(key in seen)) { order[++n] = key; seen[key] = 1 }
          cpu = ($4 > 0) ? $6 * 1000 / tck / $4 : 0
          rates[key] = rates[key] (rates[key] == "" ? "" : ", ") sprintf("%.0f", $5)
          cpus[key] = cpus[key] (cpus[key] == "" ? "" : ", ") sprintf("%.3f", cpu)
          rsum[key] += $5; csum[key] += cpu; cnt[key]++
          if ($7 != "-") errs[key] = errs[key] $7 }
        END { for (i = 1; i <= n; i++) { k = order[i]; split(k, p, "\t")
                printf "| %s | %s | %s | %.0f | %s | %.3f | %s |\n", p[1], p[2], rates[k], rsum[k] / cnt[k], cpus[k],
                       csum[k] / cnt[k], (k in errs) ? errs[k] : "-" } }' "$OUT/runs.tsv"
    echo
    echo "$TLS_IDLE idle TLS connections (full handshake and one GET /hello each), held $IDLE_HOLD s; RSS and heap after a full GC."
    echo
    echo "| server | connections served | RSS idle MiB | RSS loaded MiB | RSS KiB per connection | heap idle MiB | heap loaded MiB | heap KiB per connection | open at the end |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    for row in "${idle_rows[@]}"; do echo "$row"; done
} > "$table"
cat "$table"
