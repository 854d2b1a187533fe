# shellcheck shell=bash
# Shared helpers for the project's bash scripts. Source it; it defines functions and a few variables only.
#
#   SB_ROOT   absolute path of the repository
#   SB_CACHE  git-ignored cache folder (.cache, or $SWITCHBOARD_CACHE_DIR)

# Physical path (pwd -P): wp-env names its work folder after the resolved path of .wp-env.json.
SB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
SB_CACHE="${SWITCHBOARD_CACHE_DIR:-$SB_ROOT/.cache}"
export SB_ROOT SB_CACHE

# The calling script's name prefixes every message, so output from nested scripts stays attributable.
SB_PROG="${SB_PROG:-$(basename "${0:-switchboard}")}"

# sb_usage: prints the calling script's header comment (its documentation), without the "# ".
sb_usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

sb_log() { echo "$SB_PROG: $*" >&2; }
sb_warn() { echo "$SB_PROG: warning: $*" >&2; }
sb_die() {
	echo "$SB_PROG: error: $*" >&2
	exit 1
}

# sb_require_cmd CMD [HINT]: fail early with a useful hint instead of a "command not found" deep inside.
sb_require_cmd() {
	command -v "$1" >/dev/null 2>&1 || sb_die "'$1' is not installed${2:+ ($2)}"
}

# sb_require_php: native PHP with every extension WordPress needs here; names the installer otherwise.
sb_require_php() {
	sb_require_cmd php "run bin/install-system-deps"
	local missing
	# One PHP start for all extensions: each start costs ~0.1 s.
	# shellcheck disable=SC2016 # PHP code, not shell
	missing="$(php -r 'foreach (array_slice($argv, 1) as $e) { if (!extension_loaded($e)) echo "$e "; }' \
		sqlite3 pdo_sqlite mysqli gd xml mbstring curl intl zip)"
	[ -z "$missing" ] || sb_die "PHP lacks: $missing(run bin/install-system-deps)"
}

# sb_wordpress_org_reachable: true when wordpress.org answers quickly. These build machines reach only
# the npm registry and the Debian archive, so everything that would download from wordpress.org asks first.
sb_wordpress_org_reachable() {
	command -v curl >/dev/null 2>&1 || return 1
	curl -fsS --max-time 5 -o /dev/null https://api.wordpress.org/core/version-check/1.7/ 2>/dev/null
}

# sb_wp_version CORE_DIR: the version a WordPress folder really contains (never hard-coded elsewhere).
sb_wp_version() {
	# shellcheck disable=SC2016 # PHP code, not shell
	php -r 'include $argv[1]; echo $wp_version;' "$1/wp-includes/version.php"
}

# sb_node_modules_ready: node_modules is complete (npm writes .package-lock.json last).
sb_require_node_modules() {
	[ -f "$SB_ROOT/node_modules/.package-lock.json" ] || sb_die "node_modules is missing or incomplete: run 'npm ci' first"
}

# sb_sqlite_integration: prints the folder of the SQLite Database Integration plugin, unpacked once into
# the cache from the zip that @wp-playground/cli ships (the one Playground itself uses).
sb_sqlite_integration() {
	local dest="$SB_CACHE/wordpress/sqlite-database-integration" zip tmp
	if [ -f "$dest/load.php" ] && [ -f "$dest/db.copy" ]; then
		echo "$dest"
		return 0
	fi
	sb_require_node_modules
	mkdir -p "$SB_CACHE/wordpress"
	# Unpacked once even when several sites start together (fd 8: fd 9 is the callers' lock).
	exec 8>"$SB_CACHE/wordpress/.sqlite.lock"
	flock -w 120 8 || sb_die "$SB_CACHE/wordpress/.sqlite.lock is held by another process"
	if [ -f "$dest/load.php" ] && [ -f "$dest/db.copy" ]; then
		exec 8>&-
		echo "$dest"
		return 0
	fi
	zip="$(find "$SB_ROOT/node_modules/@wp-playground" -name 'sqlite-database-integration*.zip' -print -quit 2>/dev/null)"
	[ -n "$zip" ] || sb_die "no sqlite-database-integration*.zip under node_modules/@wp-playground (is @wp-playground/cli installed?)"
	sb_require_cmd unzip "run bin/install-system-deps"
	tmp="$(mktemp -d "$SB_CACHE/wordpress/.sqlite.XXXXXX")"
	unzip -q "$zip" -d "$tmp"
	# The zip holds one top-level folder whose name varies between releases.
	local top
	top="$(find "$tmp" -mindepth 2 -maxdepth 2 -name load.php -printf '%h\n' -quit)"
	[ -n "$top" ] || {
		rm -rf "$tmp"
		sb_die "$zip has no load.php"
	}
	rm -rf "$dest"
	mv "$top" "$dest"
	rm -rf "$tmp"
	exec 8>&-
	echo "$dest"
}

# sb_port_busy PORT: something already listens on 127.0.0.1:PORT.
sb_port_busy() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# sb_http_status URL: prints the HTTP status of URL (000 when nothing answers), never fails.
sb_http_status() {
	curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-10}" "$1" 2>/dev/null || true
}

# sb_wait_http URL SECONDS [PID]: waits until URL answers 200. Gives up early when PID (the server) dies.
sb_wait_http() {
	local url="$1" deadline=$((SECONDS + $2)) pid="${3:-}" code
	while [ "$SECONDS" -lt "$deadline" ]; do
		code="$(sb_http_status "$url" 5)"
		[ "$code" = 200 ] && return 0
		if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
			return 1
		fi
		sleep 0.2
	done
	return 1
}

# sb_pid_alive PIDFILE [MATCH]: the pid in PIDFILE is running (and its command line contains MATCH,
# so a pid reused by an unrelated process after a reboot is never mistaken for ours).
sb_pid_alive() {
	local pid
	[ -f "$1" ] || return 1
	pid="$(cat "$1")"
	[[ "$pid" =~ ^[0-9]+$ ]] || return 1
	kill -0 "$pid" 2>/dev/null || return 1
	[ -z "${2:-}" ] || tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2"
}

# sb_start_bg PIDFILE LOGFILE CMD...: runs CMD detached in its own session (so it survives this shell and
# its whole process group can be stopped at once), appends its output to LOGFILE, records its pid.
sb_start_bg() {
	local pidfile="$1" logfile="$2"
	shift 2
	mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
	# The child records its own pid just before exec: setsid forks when it has to, so $! could be wrong.
	# shellcheck disable=SC2016 # expanded by the inner shell
	# fd 9 is the callers' lock (see sb_lock): a server that inherited it would hold the lock for its lifetime.
	setsid bash -c 'echo "$$" >"$0" && exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 9>&- &
	local deadline=$((SECONDS + 5))
	until [ -s "$pidfile" ] || [ "$SECONDS" -ge "$deadline" ]; do
		sleep 0.05
	done
	[ -s "$pidfile" ] || sb_die "could not start $1"
}

# sb_group_alive PID: the process PID, or any process of the group it leads, still exists.
sb_group_alive() {
	kill -0 "$1" 2>/dev/null || kill -0 -- "-$1" 2>/dev/null
}

# sb_stop_pidfile PIDFILE [MATCH] [SECONDS]: stops the process group sb_start_bg started: TERM, then KILL
# after SECONDS (default 10). Only the group whose leader is the recorded pid is signalled.
sb_stop_pidfile() {
	local pidfile="$1" match="${2:-}" wait="${3:-10}" pid deadline
	if ! sb_pid_alive "$pidfile" "$match"; then
		rm -f "$pidfile"
		return 0
	fi
	pid="$(cat "$pidfile")"
	kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
	deadline=$((SECONDS + wait))
	# Wait for the whole group: php -S workers and npm's children can outlive their leader briefly.
	while sb_group_alive "$pid" && [ "$SECONDS" -lt "$deadline" ]; do
		sleep 0.1
	done
	if sb_group_alive "$pid"; then
		sb_warn "process group $pid did not stop in ${wait}s; killing it"
		kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -f "$pidfile"
}

# sb_lock FILE [SECONDS]: serializes this script against others using FILE, until the script exits;
# fails after SECONDS (default 300). Uses fd 9, which sb_start_bg keeps away from the servers it starts.
sb_lock() {
	mkdir -p "$(dirname "$1")"
	exec 9>"$1"
	flock -w "${2:-300}" 9
}

# sb_as_root CMD...: runs CMD as root, through sudo only when this shell is not root already.
sb_as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	else
		sb_require_cmd sudo "run this script as root"
		sudo "$@"
	fi
}
