# Shared helpers of the benchmark scripts: build, start/stop one server at a time, read its CPU and memory.
# Sourced, not run. Every process started here is recorded by PID in $OUT/pids.log and stopped by PID.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT_DIR=$(cd "$BENCH_DIR/.." && pwd)
TARGET=${TARGET:-$BENCH_DIR/target}   # benchmarks/target of the tree whose servers run (ab.sh switches it)

HOST=127.0.0.1
PORT_BASE=${PORT_BASE:-18180}
HEAP=${HEAP:-512m}          # -Xms and -Xmx of every Java server
THREADS=${THREADS:-200}     # worker pool of every Java server (the default of all three)
JAVA_OPTS=${JAVA_OPTS:-}    # extra JVM flags for every Java server
JFR=${JFR:-0}               # 1: record a JFR profile of every Java server run into $OUT/jfr/
NGINX=${NGINX:-/usr/sbin/nginx}
DIST=${DIST:-$ROOT_DIR/distribution/target/sluice}   # the laid-out distribution sluice-dist runs
DIST_FLAGS=${DIST_FLAGS:-}  # extra `bin/sluice run` flags of sluice-dist, e.g. --accessLog=off
CLK_TCK=$(getconf CLK_TCK)

SERVER_PID=""
SERVER_NAME=""
NGINX_PREFIX=""
DIST_HOME=""

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

build() {
    if [[ "${SKIP_BUILD:-0}" == 1 ]]; then
        log "SKIP_BUILD=1: using the classes in $TARGET"
    else
        # sluice-dist runs the laid-out distribution, so it is built too (with the sample webapps it ships)
        log "building: mvn -B -q -pl benchmarks,distribution -am package -DskipTests"
        (cd "$ROOT_DIR" && mvn -B -q -pl benchmarks,distribution -am package -DskipTests) || return 1
    fi
}

port_of() {
    case "$1" in
        nginx) echo $((PORT_BASE + 0)) ;;
        tomcat) echo $((PORT_BASE + 1)) ;;
        jetty) echo $((PORT_BASE + 2)) ;;
        sluice) echo $((PORT_BASE + 3)) ;;
        sluice-servlet) echo $((PORT_BASE + 4)) ;;
        tomcat-jsp) echo $((PORT_BASE + 5)) ;;
        sluice-jsp) echo $((PORT_BASE + 6)) ;;
        tomcat-ws) echo $((PORT_BASE + 7)) ;;
        jetty-ws) echo $((PORT_BASE + 8)) ;;
        sluice-ws) echo $((PORT_BASE + 9)) ;;
        tomcat-tls) echo $((PORT_BASE + 10)) ;;
        jetty-tls) echo $((PORT_BASE + 11)) ;;
        sluice-tls) echo $((PORT_BASE + 12)) ;;
        sluice-dist) echo $((PORT_BASE + 13)) ;;
        *) echo "unknown server $1" >&2; return 1 ;;
    esac
}

main_class_of() {
    case "$1" in
        tomcat) echo dev.sluice.bench.TomcatMain ;;
        jetty) echo dev.sluice.bench.JettyMain ;;
        sluice) echo dev.sluice.bench.SluiceMain ;;
        sluice-servlet) echo dev.sluice.bench.SluiceServletMain ;;
        tomcat-jsp) echo dev.sluice.bench.TomcatJspMain ;;
        sluice-jsp) echo dev.sluice.bench.SluiceJspMain ;;
        tomcat-ws) echo dev.sluice.bench.TomcatWsMain ;;
        jetty-ws) echo dev.sluice.bench.JettyWsMain ;;
        sluice-ws) echo dev.sluice.bench.SluiceWsMain ;;
        tomcat-tls) echo dev.sluice.bench.TomcatTlsMain ;;
        jetty-tls) echo dev.sluice.bench.JettyTlsMain ;;
        sluice-tls) echo dev.sluice.bench.SluiceTlsMain ;;
    esac
}

classpath_of() {
    local deps
    case "$1" in
        tomcat | tomcat-ws | tomcat-tls) deps=$(cat "$TARGET/classpath-tomcat.txt") ;;
        jetty | jetty-ws | jetty-tls) deps=$(cat "$TARGET/classpath-jetty.txt") ;;
        sluice | sluice-servlet | sluice-ws | sluice-tls | sluice-dist) deps=$(cat "$TARGET/classpath-sluice.txt") ;;
        tomcat-jsp) deps=$(cat "$TARGET/classpath-tomcat-jsp.txt") ;;
        sluice-jsp) deps=$(cat "$TARGET/classpath-sluice-jsp.txt") ;;
    esac
    echo "$TARGET/classes:$deps"
}

# start_server NAME [server flags...]: starts it on 127.0.0.1:$(port_of NAME), waits until it answers /hello.
# Sets SERVER_PID. Returns 1 (after cleaning up) when it does not come up within 60 s.
start_server() {
    local name=$1; shift
    local port; port=$(port_of "$name") || return 1
    local logfile="$OUT/logs/$name-$(date -u +%H%M%S).log"
    mkdir -p "$OUT/logs"
    if port_busy "$port"; then
        log "port $port is already in use; not starting $name"
        return 1
    fi
    if [[ "$name" == nginx ]]; then
        NGINX_PREFIX=$(mktemp -d /tmp/bench-nginx.XXXXXX)
        mkdir -p "$NGINX_PREFIX/logs" "$NGINX_PREFIX/tmp"
        sed -e "s|@PREFIX@|$NGINX_PREFIX|g" -e "s|@HOST@|$HOST|g" -e "s|@PORT@|$port|g" \
            -e "s|@KEEPALIVE_TIMEOUT@|${NGINX_KEEPALIVE_TIMEOUT:-75s}|g" \
            "$BENCH_DIR/nginx/nginx.conf.template" > "$NGINX_PREFIX/nginx.conf"
        "$NGINX" -p "$NGINX_PREFIX" -e "$NGINX_PREFIX/logs/error.log" -c "$NGINX_PREFIX/nginx.conf" -g 'daemon off;' > "$logfile" 2>&1 &
    elif [[ "$name" == sluice-dist ]]; then
        start_dist "$port" "$logfile" "$@" || return 1
    else
        local jfr_opts=()
        if [[ "$JFR" == 1 ]]; then
            mkdir -p "$OUT/jfr"
            jfr_opts=("-XX:StartFlightRecording=settings=profile,filename=$OUT/jfr/$name-$(date -u +%H%M%S).jfr,dumponexit=true")
        fi
        # shellcheck disable=SC2086
        java -Xms"$HEAP" -Xmx"$HEAP" $JAVA_OPTS "${jfr_opts[@]}" -cp "$(classpath_of "$name")" \
            "$(main_class_of "$name")" --host="$HOST" --port="$port" "$@" > "$logfile" 2>&1 &
    fi
    SERVER_PID=$!
    SERVER_NAME=$name
    echo "$(date -u +%FT%TZ) start $name pid $SERVER_PID port $port args: $*" >> "$OUT/pids.log"
    local waited=0
    # READY_SCHEME=https for the TLS servers (tls.sh); -k: their certificate is a self-signed test one
    until curl -sk -o /dev/null --max-time 2 "${READY_SCHEME:-http}://$HOST:$port/hello"; do
        if ! kill -0 "$SERVER_PID" 2> /dev/null || (( waited >= 600 )); then
            log "$name did not come up; last lines of $logfile:"
            tail -5 "$logfile" >&2
            stop_server
            return 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    log "$name up, pid $SERVER_PID, port $port"
}

# start_dist PORT LOGFILE [server flags...]: the distribution as users run it: a copy of $DIST (bin, conf, lib)
# in a temp SLUICE_HOME whose webapps/ holds only the benchmark's ROOT webapp (HelloWorldServlet at /hello and
# /slow, as a user's plain servlet webapp), started with `bin/sluice run` and its defaults: access log on
# (combined, in $DIST_HOME/logs), status pages, hot deploy. The JVM replaces the script (exec), so $! is its PID.
start_dist() {
    local port=$1 logfile=$2; shift 2
    if [[ ! -x "$DIST/bin/sluice" ]]; then
        log "no distribution in $DIST (build it: mvn -B -q -pl distribution -am package -DskipTests)"
        return 1
    fi
    DIST_HOME=$(mktemp -d /tmp/bench-sluice-dist.XXXXXX)
    cp -r "$DIST/bin" "$DIST/conf" "$DIST/lib" "$DIST_HOME/"
    mkdir -p "$DIST_HOME/webapps" "$DIST_HOME/logs"
    if ! java -cp "$(classpath_of sluice-dist)" dev.sluice.bench.DistWebapps "$DIST_HOME/webapps" > /dev/null; then
        rm -rf "$DIST_HOME"; DIST_HOME=""
        return 1
    fi
    # the benchmark mains' flags, as the launcher spells them
    local flags=() arg
    for arg in "$@"; do
        case "$arg" in
            --threads=*) flags+=("--maxThreads=${arg#--threads=}") ;;
            --queue=*) [[ "${arg#--queue=}" -ge 0 ]] && flags+=("--acceptQueue=${arg#--queue=}") ;;
            --max-connections=*) [[ "${arg#--max-connections=}" -ge 0 ]] && flags+=("--maxConnections=${arg#--max-connections=}") ;;
            --idle-timeout-ms=*) [[ "${arg#--idle-timeout-ms=}" -ge 0 ]] && flags+=("--keepAliveTimeout=${arg#--idle-timeout-ms=}ms") ;;
            *) log "sluice-dist ignores $arg" ;;
        esac
    done
    local jfr_opts=""
    if [[ "$JFR" == 1 ]]; then
        mkdir -p "$OUT/jfr"
        jfr_opts="-XX:StartFlightRecording=settings=profile,filename=$OUT/jfr/sluice-dist-$(date -u +%H%M%S).jfr,dumponexit=true"
    fi
    JAVA_OPTS="-Xms$HEAP -Xmx$HEAP $JAVA_OPTS $jfr_opts" \
        "$DIST_HOME/bin/sluice" run --host="$HOST" --port="$port" "${flags[@]}" > "$logfile" 2>&1 &
}

# Stops the server started last, by its PID: TERM, then KILL after 15 s.
stop_server() {
    [[ -n "$SERVER_PID" ]] || return 0
    if kill -0 "$SERVER_PID" 2> /dev/null; then
        kill -TERM "$SERVER_PID" 2> /dev/null
        local i
        for ((i = 0; i < 150; i++)); do
            kill -0 "$SERVER_PID" 2> /dev/null || break
            sleep 0.1
        done
        if kill -0 "$SERVER_PID" 2> /dev/null; then
            log "$SERVER_NAME (pid $SERVER_PID) ignored TERM; sending KILL"
            kill -KILL "$SERVER_PID" 2> /dev/null
        fi
    fi
    wait "$SERVER_PID" 2> /dev/null
    echo "$(date -u +%FT%TZ) stop $SERVER_NAME pid $SERVER_PID" >> "$OUT/pids.log"
    if [[ -n "$NGINX_PREFIX" && "$SERVER_NAME" == nginx ]]; then
        rm -rf "$NGINX_PREFIX"
        NGINX_PREFIX=""
    fi
    if [[ -n "$DIST_HOME" && "$SERVER_NAME" == sluice-dist ]]; then
        rm -rf "$DIST_HOME"   # with its access log: a 10 s run at 100k req/s writes about 150 MB
        DIST_HOME=""
    fi
    SERVER_PID=""
    SERVER_NAME=""
}

port_busy() {
    (exec 3<> "/dev/tcp/$HOST/$1") 2> /dev/null
}

# CPU clock ticks (utime + stime) of a process and its children (nginx workers), from /proc/<pid>/stat.
cpu_ticks() {
    local root=$1 total=0 pid stat rest
    for pid in $root $(child_pids "$root"); do
        stat=$(cat "/proc/$pid/stat" 2> /dev/null) || continue
        rest=${stat##*) }              # fields from 3 (state) on; comm may hold spaces
        read -r -a f <<< "$rest"
        total=$((total + f[11] + f[12])) # utime (14) and stime (15)
    done
    echo "$total"
}

child_pids() {
    local stat rest
    for stat in /proc/[0-9]*/stat; do
        rest=$(cat "$stat" 2> /dev/null) || continue
        rest=${rest##*) }
        read -r -a f <<< "$rest"
        if [[ "${f[1]}" == "$1" ]]; then
            basename "$(dirname "$stat")"
        fi
    done
}

# Resident set size in KiB of a process and its children.
rss_kib() {
    local root=$1 total=0 pid kib
    for pid in $root $(child_pids "$root"); do
        kib=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2> /dev/null)
        total=$((total + ${kib:-0}))
    done
    echo "$total"
}

# Java heap used after a full GC, in KiB (jcmd GC.run, then GC.heap_info); "-" for nginx.
heap_used_after_gc_kib() {
    local pid=$1
    [[ "$SERVER_NAME" == nginx ]] && { echo "-"; return; }
    jcmd "$pid" GC.run > /dev/null 2>&1
    jcmd "$pid" GC.heap_info 2> /dev/null | awk 'match($0, /used [0-9]+K/) { print substr($0, RSTART + 5, RLENGTH - 6); exit }'
}

# run_scenario SERVER SCENARIO ROUND: one wrk run against the server started last, with its CPU time.
run_scenario() {
    local server=$1 scenario=$2 round=$3 port before after file
    local args=()
    case "$scenario" in
        keepalive-16) args=(-c16) ;;
        keepalive-64) args=(-c64) ;;
        keepalive-256) args=(-c256) ;;
        # wrk drops an -H value without a space after the colon, so this stays one quoted word.
        close-16) args=(-c16 -H "Connection: close") ;;
        pipeline-64x16) args=(-c64 -s "$BENCH_DIR/scripts/pipeline.lua") ;;
        *) log "unknown scenario $scenario"; return 1 ;;
    esac
    local label=${RUN_LABEL:-$server}   # ab.sh names the tree a run belongs to
    local tail=()
    [[ "$scenario" == pipeline-* ]] && tail=(-- 16)
    port=$(port_of "$server")
    file="wrk/$label-$scenario-r$round.txt"
    before=$(cpu_ticks "$SERVER_PID")
    wrk -t"$WRK_THREADS" "${args[@]}" -d"${DURATION}s" --latency "http://$HOST:$port/hello" "${tail[@]}" \
        > "$OUT/$file" 2>&1
    after=$(cpu_ticks "$SERVER_PID")
    # The machine is shared: keep the load next to every run so noisy runs can be told apart.
    echo "$(date -u +%T) $label $scenario r$round loadavg $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/load.log"
    printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$scenario" "$round" "$file" $((after - before)) >> "$OUT/runs.tsv"
    log "$label $scenario round $round: $(grep -h 'Requests/sec' "$OUT/$file" || echo 'no result')"
}

cleanup_on_exit() {
    stop_server
}
