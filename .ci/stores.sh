#!/usr/bin/env bash
# Runs a command with two real triple stores on 127.0.0.1 for the integration tests (and Debian's
# Chromium, jing, serdi and rapper installed for the browser, CMIF schema and parser tests), then stops them:
#   bash .ci/stores.sh COMMAND [ARG ...]
# Oxigraph server (PyPI package "oxigraph", installed into the venv) always; Virtuoso Open Source 7
# (Debian package "virtuoso-opensource-7-bin") when it is installed or can be (root and apt-get).
# Exports OXIGRAPH_URL and VIRTUOSO_SPARQL_URL / VIRTUOSO_GSP_URL / VIRTUOSO_USER / VIRTUOSO_PASSWORD;
# tests that need a store skip, saying so, when its variable is unset. Set KG_STORES=0 to start none.
set -u
PY="${PY:-.venv/bin/python}"
OX_PORT="${OX_PORT:-7878}" VT_HTTP_PORT="${VT_HTTP_PORT:-8890}" VT_SQL_PORT="${VT_SQL_PORT:-1111}"
STORE_TIMEOUT="${STORE_TIMEOUT:-90}"
TMP="$(mktemp -d -t kg-stores.XXXXXX)"
PIDS=()

stop() {
  local rc=$? p i
  if [ "$rc" -ne 0 ]; then
    for f in "$TMP"/*.log "$TMP"/virtuoso/*.log; do [ -f "$f" ] && { echo "== tail $f"; tail -n 20 "$f"; }; done >&2
  fi
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do
    for i in $(seq 1 150); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
  done
  rm -rf "$TMP"
  exit "$rc"
}
trap stop EXIT INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_http() {  # NAME URL PID LOG...: poll until the store answers; fail clearly on timeout or early exit
  local name=$1 url=$2 pid=$3 start=$SECONDS; shift 3
  until curl -fsS -o /dev/null --max-time 5 "$url" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "ERROR: $name exited while starting; its log:" >&2; tail -n 40 "$@" >&2 2>/dev/null; return 1
    fi
    if (( SECONDS - start >= STORE_TIMEOUT )); then
      echo "ERROR: $name did not answer $url within ${STORE_TIMEOUT}s; its log:" >&2; tail -n 40 "$@" >&2; return 1
    fi
    sleep 0.2
  done
  echo "$name ready after $(( SECONDS - start ))s" >&2
}

start_oxigraph() {
  "$PY" -m pip install -q --disable-pip-version-check "oxigraph==0.5.13" || return 1
  local bin; bin="$(dirname "$PY")/oxigraph"
  port_free "$OX_PORT" || { echo "ERROR: port $OX_PORT is in use" >&2; return 1; }
  "$bin" serve --location "$TMP/oxigraph" --bind "127.0.0.1:$OX_PORT" > "$TMP/oxigraph.log" 2>&1 &
  PIDS+=($!)
  wait_http oxigraph "http://127.0.0.1:$OX_PORT/query?query=ASK%7B%7D" "${PIDS[-1]}" "$TMP/oxigraph.log" || return 1
  export OXIGRAPH_URL="http://127.0.0.1:$OX_PORT"
}

install_virtuoso() {
  command -v virtuoso-t >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      virtuoso-opensource-7-bin >/dev/null && return 0
  fi
  echo "NOTE: Virtuoso is not installed and cannot be installed here (needs root and apt-get); its tests will skip" >&2
  return 1
}

start_virtuoso() {
  install_virtuoso || return 0
  local p dir="$TMP/virtuoso"
  for p in "$VT_HTTP_PORT" "$VT_SQL_PORT"; do port_free "$p" || { echo "ERROR: port $p is in use" >&2; return 1; }; done
  mkdir -p "$dir"
  cat > "$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:$VT_SQL_PORT
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = ., $dir
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
[HTTPServer]
ServerPort = 127.0.0.1:$VT_HTTP_PORT
ServerRoot = $dir
ServerThreads = 10
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
INI
  (cd "$dir" && exec virtuoso-t +foreground +configfile virtuoso.ini) > "$dir/stdout.log" 2>&1 &
  PIDS+=($!)
  wait_http virtuoso "http://127.0.0.1:$VT_HTTP_PORT/sparql?query=ASK%7B%7D" "${PIDS[-1]}" \
    "$dir/stdout.log" "$dir/virtuoso.log" || return 1
  export VIRTUOSO_SPARQL_URL="http://127.0.0.1:$VT_HTTP_PORT/sparql"
  export VIRTUOSO_GSP_URL="http://127.0.0.1:$VT_HTTP_PORT/sparql-graph-crud-auth"
  export VIRTUOSO_USER=dba VIRTUOSO_PASSWORD=dba VIRTUOSO_ISQL_PORT="$VT_SQL_PORT"
  export VIRTUOSO_LOAD_DIR="$dir"   # the bulk loader reads files only under DirsAllowed
}

# install_debian COMMAND PACKAGE WHICH_TESTS: a Debian package the tests use, installed when its command is
# missing (root and apt-get).
install_debian() {
  command -v "$1" >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "$2" >/dev/null; } || echo "NOTE: $2 could not be installed; $3 will skip" >&2
  else
    echo "NOTE: $1 is not installed (needs root and apt-get); $3 will skip" >&2
  fi
}

install_debian chromium chromium "the browser tests (the actor map in a real headless browser)"
install_debian jing jing "the CMIF schema tests (kg's CMIF against the format's RELAX NG schema)"
install_debian serdi serdi "the parser cross-check with serdi"
install_debian rapper raptor2-utils "the parser cross-check with rapper"

if [ "${KG_STORES:-1}" != 0 ]; then
  start_oxigraph || exit 1
  start_virtuoso || exit 1
fi
"$@"
