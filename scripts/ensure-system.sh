#!/usr/bin/env bash
# Installs what the tests need when it is missing. Usage: scripts/ensure-system.sh [postgres] [chromium] [npm]
# (no arguments: all three).
#   postgres  Debian postgresql-15-postgis-3 (pulls in the PostgreSQL 15 server) for the db tests on PostgreSQL
#   chromium  Debian chromium for the Playwright tests (never `playwright install`)
#   npm       `npm ci` when node_modules is missing or older than package-lock.json
# As root, missing apt packages are installed (one apt-get update first); otherwise it fails and says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

want_postgres=0 want_chromium=0 want_npm=0
if [ $# -eq 0 ]; then set -- postgres chromium npm; fi
for arg in "$@"; do
	case "$arg" in
		postgres) want_postgres=1 ;;
		chromium) want_chromium=1 ;;
		npm) want_npm=1 ;;
		*) echo "ensure-system: unknown component '$arg' (postgres, chromium, npm)" >&2; exit 2 ;;
	esac
done

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

missing=()
if [ "$want_postgres" = 1 ]; then
	installed postgresql-15-postgis-3 && [ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15-postgis-3)
fi
if [ "$want_chromium" = 1 ]; then
	installed chromium && [ -x /usr/bin/chromium ] || missing+=(chromium)
fi

if [ ${#missing[@]} -eq 0 ]; then
	[ "$want_postgres$want_chromium" = 00 ] || echo "ensure-system: apt packages present (postgresql-15-postgis-3, chromium as needed)"
elif [ "$(id -u)" = 0 ]; then
	echo "ensure-system: installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	# Fresh Debian images ship without package lists: update once, then install.
	apt-get update -q
	apt-get install -y -q "${missing[@]}" </dev/null
	for pkg in "${missing[@]}"; do
		installed "$pkg" || { echo "ensure-system: $pkg is still not installed" >&2; exit 1; }
	done
else
	echo "ensure-system: missing Debian packages: ${missing[*]}" >&2
	echo "ensure-system: install them as root:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
	exit 1
fi

if [ "$want_npm" = 1 ]; then
	if [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ]; then
		reason="node_modules is missing"
	elif [ package-lock.json -nt node_modules/.package-lock.json ]; then
		# An `npm install` also rewrites package-lock.json, sometimes after node_modules: only reinstall when
		# what is installed really differs from the lock file.
		if node -e '
			const fs = require("node:fs");
			const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8")).packages ?? {};
			const have = JSON.parse(fs.readFileSync("node_modules/.package-lock.json", "utf8")).packages ?? {};
			for (const [key, entry] of Object.entries(lock)) {
				if (key === "" || entry.link) continue;
				if (have[key]?.version !== entry.version && !(entry.optional && !have[key])) process.exit(1);
			}
		'; then
			touch node_modules/.package-lock.json
			reason=""
		else
			reason="node_modules is older than package-lock.json"
		fi
	else
		reason=""
	fi
	if [ -n "$reason" ]; then
		echo "ensure-system: $reason: npm ci"
		npm ci --no-audit --no-fund </dev/null
	else
		echo "ensure-system: node_modules up to date"
	fi
fi
