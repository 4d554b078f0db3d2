#!/usr/bin/env bash
# Startup time and idle memory of the standalone distributions, each with its own samples, on 127.0.0.1:
#   sluice      distribution/target/sluice as shipped (bin/sluice run; its sample webapps in webapps/)
#   sluice-cds  the same after `bin/sluice cds` (class-data sharing archive of the distribution's jars)
#   tomcat      apache-tomcat-$TOMCAT_VERSION (zip from Maven Central; ROOT, docs, examples, manager, host-manager)
#   jetty       jetty-home-$JETTY_VERSION (tar.gz from Maven Central) with a base of http + ee10-deploy and the
#               benchmark's ROOT webapp (jetty-home ships no sample webapps)
#
#   benchmarks/startup.sh            3 rounds, order alternating
#
# Per server and round, a fresh copy of the distribution in a temp folder is started with its own script, and:
#   listen ms  from the start command to the server's "listening" log line (Sluice "Sluice listening on", Tomcat
#              "Server startup in", Jetty "Started oejs.Server")
#   first ms   from the start command to the first 200 answer to FIRST_URL (polled every 10 ms)
#   RSS, heap  after IDLE seconds (5) of idleness: resident set (VmRSS) and Java heap used after a full GC
# Settings (environment): ROUNDS (3), SERVERS ("sluice sluice-cds tomcat jetty"), IDLE (5), JAVA_OPTS (none: each
# server's defaults), TOMCAT_VERSION (11.0.24), JETTY_VERSION (12.1.5), SKIP_BUILD=1, OUT.
set -uo pipefail
source "$(dirname "$0")/scripts/lib.sh"

ROUNDS=${ROUNDS:-3}
SERVERS=${SERVERS:-sluice sluice-cds tomcat jetty}
IDLE=${IDLE:-5}
TOMCAT_VERSION=${TOMCAT_VERSION:-11.0.24}
JETTY_VERSION=${JETTY_VERSION:-12.1.5}
OUT=${OUT:-$BENCH_DIR/results/startup-$(date -u +%Y%m%dT%H%M%SZ)}
STANDALONE="$TARGET/standalone"
PORT=""  # one port per server (PORT_BASE + 11...), so that a server still closing never meets the next
mkdir -p "$OUT/logs" "$STANDALONE"
WORK_DIR=""
trap 'stop_standalone' EXIT
trap 'exit 130' INT TERM

fetch() { # fetch GROUP:ARTIFACT:VERSION:TYPE FILE: from Maven Central through the local repository
    [[ -f "$STANDALONE/$2" ]] && return 0
    log "fetching $1"
    (cd "$STANDALONE" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy -Dartifact="$1" \
        -DoutputDirectory="$STANDALONE") || return 1
}

prepare() {
    build || exit 1
    fetch "org.apache.tomcat:tomcat:$TOMCAT_VERSION:zip" "tomcat-$TOMCAT_VERSION.zip" || exit 1
    fetch "org.eclipse.jetty:jetty-home:$JETTY_VERSION:tar.gz" "jetty-home-$JETTY_VERSION.tar.gz" || exit 1
    if [[ ! -d "$STANDALONE/apache-tomcat-$TOMCAT_VERSION" ]]; then
        (cd "$STANDALONE" && unzip -q "tomcat-$TOMCAT_VERSION.zip" && chmod +x apache-tomcat-$TOMCAT_VERSION/bin/*.sh)
    fi
    if [[ ! -d "$STANDALONE/jetty-home-$JETTY_VERSION" ]]; then
        (cd "$STANDALONE" && tar -xzf "jetty-home-$JETTY_VERSION.tar.gz")
    fi
}

# copy_of SERVER: a fresh copy in $WORK_DIR, configured for 127.0.0.1:$PORT; prints the start command's folder
copy_of() {
    WORK_DIR=$(mktemp -d /tmp/bench-startup.XXXXXX)
    case "$1" in
        sluice | sluice-cds)
            cp -r "$DIST/." "$WORK_DIR/"
            rm -rf "$WORK_DIR/logs"/* "$WORK_DIR/work"
            if [[ "$1" == sluice-cds ]]; then
                (cd "$WORK_DIR" && bin/sluice cds > "$OUT/logs/cds-$(date -u +%H%M%S).log" 2>&1) || return 1
                rm -rf "$WORK_DIR/logs"/*
            fi ;;
        tomcat)
            cp -r "$STANDALONE/apache-tomcat-$TOMCAT_VERSION/." "$WORK_DIR/"
            sed -i -e "s/port=\"8080\"/port=\"$PORT\" address=\"$HOST\"/" -e 's/port="8005"/port="-1"/' \
                "$WORK_DIR/conf/server.xml" ;;
        jetty)
            mkdir -p "$WORK_DIR/base/webapps"
            (cd "$WORK_DIR/base" && java -jar "$STANDALONE/jetty-home-$JETTY_VERSION/start.jar" \
                --add-modules=http,ee10-deploy > /dev/null 2>&1) || return 1
            java -cp "$(classpath_of sluice-dist)" dev.sluice.bench.DistWebapps "$WORK_DIR/base/webapps" > /dev/null \
                || return 1 ;;
    esac
}

first_url() {
    case "$1" in
        sluice | sluice-cds) echo "http://$HOST:$PORT/hello/" ;;
        tomcat) echo "http://$HOST:$PORT/examples/servlets/servlet/HelloWorldExample" ;;
        jetty) echo "http://$HOST:$PORT/hello" ;;
    esac
}

ready_pattern() {
    case "$1" in
        sluice | sluice-cds) echo '^Sluice listening on ' ;;
        tomcat) echo 'Server startup in' ;;
        jetty) echo 'Started oejs.Server' ;;
    esac
}

launch() { # launch SERVER LOGFILE: starts it in the background, sets SERVER_PID
    local logfile=$2
    case "$1" in
        sluice | sluice-cds)
            "$WORK_DIR/bin/sluice" run --host="$HOST" --port="$PORT" > "$logfile" 2>&1 & ;;
        tomcat)
            # catalina.sh run execs the JVM: $! is the server
            JAVA_OPTS="$JAVA_OPTS" "$WORK_DIR/bin/catalina.sh" run > "$logfile" 2>&1 & ;;
        jetty)
            # shellcheck disable=SC2086
            (cd "$WORK_DIR/base" && exec java $JAVA_OPTS -jar "$STANDALONE/jetty-home-$JETTY_VERSION/start.jar" \
                jetty.http.host="$HOST" jetty.http.port="$PORT") > "$logfile" 2>&1 & ;;
    esac
    SERVER_PID=$!
    SERVER_NAME=$1
    echo "$(date -u +%FT%TZ) start $1 pid $SERVER_PID port $PORT" >> "$OUT/pids.log"
}

stop_standalone() {
    stop_server
    [[ -n "$WORK_DIR" ]] && rm -rf "$WORK_DIR"
    WORK_DIR=""
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

startup_port() {
    case "$1" in
        sluice) echo $((PORT_BASE + 11)) ;;
        sluice-cds) echo $((PORT_BASE + 12)) ;;
        tomcat) echo $((PORT_BASE + 13)) ;;
        jetty) echo $((PORT_BASE + 14)) ;;
    esac
}

measure() { # measure SERVER ROUND: one start, appended to $OUT/startup.tsv
    local server=$1 round=$2 logfile="$OUT/logs/$1-r$2.log" t0 listen="" first="" url pattern
    PORT=$(startup_port "$server")
    copy_of "$server" || { log "could not prepare $server"; stop_standalone; return 1; }
    if port_busy "$PORT"; then
        log "port $PORT is busy"; stop_standalone; return 1
    fi
    url=$(first_url "$server"); pattern=$(ready_pattern "$server")
    t0=$(now_ms)
    launch "$server" "$logfile"
    while [[ -z "$first" ]]; do
        if [[ -z "$listen" ]] && grep -q "$pattern" "$logfile" 2> /dev/null; then
            listen=$(( $(now_ms) - t0 ))
        fi
        if curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2> /dev/null | grep -q '^200$'; then
            first=$(( $(now_ms) - t0 ))
        elif ! kill -0 "$SERVER_PID" 2> /dev/null || (( $(now_ms) - t0 > 120000 )); then
            log "$server did not answer $url; last lines of $logfile:"; tail -5 "$logfile" >&2
            stop_standalone; return 1
        else
            sleep 0.01
        fi
    done
    # the answer can come before the listening line is printed (Sluice prints it after the bind): then the server
    # was listening by the first answer; wait up to 5 s for the line before calling it missing
    local waited=0
    while [[ -z "$listen" ]] && ((waited < 500)); do
        if grep -q "$pattern" "$logfile" 2> /dev/null; then
            listen=$first
        else
            sleep 0.01; waited=$((waited + 1))
        fi
    done
    sleep "$IDLE"
    local rss heap
    rss=$(rss_kib "$SERVER_PID")
    heap=$(heap_used_after_gc_kib "$SERVER_PID")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$round" "${listen:--}" "$first" "$rss" "${heap:--}" >> "$OUT/startup.tsv"
    log "$server round $round: listening ${listen:--} ms, first answer $first ms, RSS $((rss / 1024)) MiB, heap ${heap:--} KiB"
    stop_standalone
}

prepare
echo "# $(date -u +%FT%TZ) startup rounds=$ROUNDS idle=${IDLE}s java_opts=$JAVA_OPTS tomcat=$TOMCAT_VERSION jetty=$JETTY_VERSION" \
    > "$OUT/startup.tsv"
read -r -a servers <<< "$SERVERS"
for ((round = 1; round <= ROUNDS; round++)); do
    order=("${servers[@]}")
    if ((round % 2 == 0)); then
        order=(); for ((i = ${#servers[@]} - 1; i >= 0; i--)); do order+=("${servers[i]}"); done
    fi
    for server in "${order[@]}"; do
        measure "$server" "$round"
    done
done
# medians per server
{
    echo "| server | runs | listening ms (median, min-max) | first answer ms (median, min-max) | idle RSS MiB (median) | heap used after GC MiB (median) |"
    echo "|---|---:|---:|---:|---:|---:|"
    for server in "${servers[@]}"; do
        awk -F'\t' -v s="$server" '
            function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
            $1 == s { n++; f[n] = $4; r[n] = $5; h[n] = $6; if ($3 != "-") { k++; l[k] = $3 } }
            END { if (!n) exit; mf = median(f, n); fmin = f[1]; fmax = f[n]
                  listen = "-"; if (k) { ml = median(l, k); listen = sprintf("%d (%d-%d)", ml, l[1], l[k]) }
                  printf "| %s | %d | %s | %d (%d-%d) | %.1f | %.1f |\n", s, n, listen, mf, fmin, fmax, median(r, n) / 1024, median(h, n) / 1024 }' \
            "$OUT/startup.tsv"
    done
} > "$OUT/startup.md"
log "results in $OUT/startup.md (load averages: $(cut -d' ' -f1-3 /proc/loadavg))"
cat "$OUT/startup.md"
