#!/usr/bin/env bash
# A private PostgreSQL 15 + PostGIS cluster for tests, in a directory of our own on a port of our own.
#
#   scripts/pg-cluster.sh start  [DIR] [PORT]        initdb if needed, start (already running: fine),
#                                                     create database wijkbeeld_test with PostGIS
#   scripts/pg-cluster.sh stop   [DIR] [PORT]        fast shutdown (not running: fine)
#   scripts/pg-cluster.sh status [DIR] [PORT]        exit 0 when running, 3 when not
#   scripts/pg-cluster.sh url    [DIR] [PORT] [DB]   print the database URL (default DB wijkbeeld_test)
#   scripts/pg-cluster.sh fresh-db [DIR] [PORT] DB    drop and recreate DB with PostGIS, print its URL
#
# DIR defaults to .tmp/pg, PORT to 55432. Layout: DIR/data (PGDATA, owned by the server user), DIR/run
# (unix socket), DIR/server.log. Only 127.0.0.1 is listened on, with trust authentication, user postgres.
# As root the server runs as the system user postgres (via runuser); otherwise as the current user.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
DB_NAME=wijkbeeld_test

usage() {
	echo "usage: $0 start|stop|status|url|fresh-db [DIR] [PORT] [DB]" >&2
	exit 2
}

cmd=${1:-}
[ -n "$cmd" ] || usage
dir_arg=${2:-.tmp/pg}
port=${3:-55432}
[[ "$port" =~ ^[0-9]+$ ]] || { echo "pg-cluster: port must be a number, got '$port'" >&2; exit 2; }

mkdir -p "$dir_arg"
dir=$(cd "$dir_arg" && pwd -P)
data="$dir/data"
run="$dir/run"
log="$dir/server.log"

url_for() { echo "postgres://postgres@127.0.0.1:$port/$1"; }

if [ "$(id -u)" = 0 ]; then
	server_user=postgres
	as_server() { (cd / && runuser -u postgres -- "$@"); }
else
	server_user=$(id -un)
	as_server() { (cd / && "$@"); }
fi

psql_() {
	PGOPTIONS="-c client_min_messages=warning" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"
}

is_running() {
	[ -f "$data/PG_VERSION" ] && as_server "$PG_BIN/pg_ctl" status -D "$data" >/dev/null 2>&1
}

check_prerequisites() {
	if [ ! -x "$PG_BIN/initdb" ]; then
		echo "pg-cluster: PostgreSQL 15 server binaries not found in $PG_BIN." >&2
		echo "pg-cluster: install them with: apt-get install -y postgresql-15-postgis-3 (or run scripts/ensure-system.sh as root)" >&2
		exit 1
	fi
	if [ "$server_user" = postgres ] && ! id postgres >/dev/null 2>&1; then
		echo "pg-cluster: system user 'postgres' does not exist (it comes with the postgresql-15 package)." >&2
		exit 1
	fi
	# The server user must be able to reach DIR: every parent directory needs the x bit for it.
	if ! as_server test -x "$dir"; then
		echo "pg-cluster: user $server_user cannot enter $dir (a parent directory is not traversable)." >&2
		echo "pg-cluster: use a DIR under a world-traversable path, e.g. /tmp/wijkbeeld-pg." >&2
		exit 1
	fi
	# Unix socket paths are limited to 107 bytes.
	if [ $((${#run} + 20)) -gt 107 ]; then
		echo "pg-cluster: socket directory path too long ($run); use a shorter DIR." >&2
		exit 1
	fi
}

init_cluster() {
	mkdir -p "$data" "$run"
	chmod 700 "$data"
	if [ "$server_user" = postgres ]; then chown postgres:postgres "$dir" "$data" "$run"; fi
	echo "pg-cluster: initdb in $data" >&2
	as_server "$PG_BIN/initdb" -D "$data" -U postgres --auth=trust --no-locale --encoding=UTF8 >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log" >&2
		exit 1
	}
	# Trust only on our own socket and on 127.0.0.1; nothing else is listened on or accepted.
	as_server tee "$data/pg_hba.conf" >/dev/null <<-'EOF'
		# TYPE  DATABASE  USER  ADDRESS       METHOD
		local   all       all                 trust
		host    all       all   127.0.0.1/32  trust
	EOF
	# Test settings: speed over durability; the cluster is disposable.
	as_server tee -a "$data/postgresql.conf" >/dev/null <<-'EOF'

		# --- wijkbeeld test cluster (scripts/pg-cluster.sh) ---
		fsync = off
		synchronous_commit = off
		full_page_writes = off
		max_connections = 50
		shared_buffers = 128MB
	EOF
}

start() {
	check_prerequisites
	if is_running; then
		# postmaster.pid line 4 is the port the running server listens on.
		running_port=$(sed -n 4p "$data/postmaster.pid" 2>/dev/null || true)
		if [ -n "$running_port" ] && [ "$running_port" != "$port" ]; then
			echo "pg-cluster: already running in $data, but on port $running_port, not $port; stop it first" >&2
			exit 1
		fi
		echo "pg-cluster: already running in $data (port $port)" >&2
	else
		[ -f "$data/PG_VERSION" ] || init_cluster
		mkdir -p "$run"
		if [ "$server_user" = postgres ]; then
			chown postgres:postgres "$run"
			touch "$log" && chown postgres:postgres "$log"
		fi
		# Port and addresses are passed on every start so that the same DIR can move to another PORT.
		if ! as_server "$PG_BIN/pg_ctl" start -D "$data" -l "$log" -w -t 60 \
			-o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$run'" >/dev/null; then
			echo "pg-cluster: server did not start; last lines of $log:" >&2
			tail -n 20 "$log" >&2 || true
			exit 1
		fi
		echo "pg-cluster: started on 127.0.0.1:$port ($data)" >&2
	fi
	ensure_db "$DB_NAME"
}

ensure_db() {
	local name=$1
	if [ "$(psql_ -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" != 1 ]; then
		psql_ -d postgres -c "CREATE DATABASE \"$name\""
	fi
	psql_ -d "$name" -c 'CREATE EXTENSION IF NOT EXISTS postgis'
	# Fail loudly if PostGIS is not usable (e.g. the postgis package is missing).
	psql_ -d "$name" -tAc 'SELECT postgis_lib_version()' >/dev/null
}

stop() {
	if is_running; then
		as_server "$PG_BIN/pg_ctl" stop -D "$data" -m fast -w -t 60 >/dev/null
		echo "pg-cluster: stopped ($data)" >&2
	else
		echo "pg-cluster: not running ($data)" >&2
	fi
}

case "$cmd" in
	start) start ;;
	stop) stop ;;
	status)
		if is_running; then echo "running ($data)"; else echo "not running ($data)"; exit 3; fi
		;;
	url) url_for "${4:-$DB_NAME}" ;;
	fresh-db)
		name=${4:-}
		[[ "$name" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "pg-cluster: fresh-db needs a database name ([a-z_][a-z0-9_]*)" >&2; exit 2; }
		is_running || { echo "pg-cluster: not running ($data); start it first" >&2; exit 1; }
		psql_ -d postgres -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)"
		ensure_db "$name"
		url_for "$name"
		;;
	*) usage ;;
esac
