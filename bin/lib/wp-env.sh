# shellcheck shell=bash
# Helpers around @wordpress/env for bin/start and bin/stop. Source after common.sh.
# shellcheck disable=SC2034 # the variables are for the scripts that source this file

WPENV_BIN="$SB_ROOT/node_modules/.bin/wp-env"
WPENV_CONFIG="$SB_ROOT/.wp-env.json"
WPENV_OVERRIDE="$SB_ROOT/.wp-env.override.json"
# bin/start marks the override files it writes with this wp-config constant, and only ever replaces or
# deletes a file that carries it: an override a developer wrote stays theirs.
WPENV_OVERRIDE_MARK="SWITCHBOARD_DEV_OVERRIDE"
WPENV_PORT="${WP_ENV_PORT:-8888}"
WPENV_URL="http://localhost:$WPENV_PORT"

# wpenv_home: wp-env's home, as lib/config/get-cache-directory.js computes it.
wpenv_home() {
	if [ -n "${WP_ENV_HOME:-}" ]; then
		realpath -m "$WP_ENV_HOME"
	elif [ -e /snap ]; then
		echo "$HOME/wp-env"
	else
		echo "$HOME/.wp-env"
	fi
}

# wpenv_work_dir: this project's folder in wp-env's home, as lib/config/load-config.js names it: the
# legacy md5(config path) folder when it exists, else wp-env-<project folder>-<first 8 hex of that md5>.
wpenv_work_dir() {
	local home hash
	home="$(wpenv_home)"
	hash="$(printf '%s' "$WPENV_CONFIG" | md5sum | cut -d' ' -f1)"
	if [ -d "$home/$hash" ]; then
		echo "$home/$hash"
	else
		echo "$home/wp-env-$(basename "$(dirname "$WPENV_CONFIG")")-${hash:0:8}"
	fi
}

# wpenv_docker: a Docker engine answers, so wp-env can use its default runtime.
wpenv_docker() {
	command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1
}

# wpenv_saved_runtime: the runtime wp-env recorded at its last start ("" if it never started).
wpenv_saved_runtime() {
	local cache
	cache="$(wpenv_work_dir)/wp-env-cache.json"
	[ -f "$cache" ] || return 0
	node -e 'try { process.stdout.write(String(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).runtime || "")); } catch { }' "$cache"
}

# wpenv_playground_running: the Playground server wp-env started is alive and answering.
wpenv_playground_running() {
	local pidfile
	pidfile="$(wpenv_work_dir)/playground.pid"
	sb_pid_alive "$pidfile" && [ "$(sb_http_status "$WPENV_URL/wp-login.php" 5)" != 000 ]
}

# wpenv_override_is_ours: there is no override file, or bin/start wrote it.
wpenv_override_is_ours() {
	[ ! -e "$WPENV_OVERRIDE" ] || grep -q "\"$WPENV_OVERRIDE_MARK\"" "$WPENV_OVERRIDE"
}

# wpenv_write_override JSON: replaces our override file (never a developer's own); "" removes ours.
wpenv_write_override() {
	if ! wpenv_override_is_ours; then
		[ -z "$1" ] || sb_warn "$WPENV_OVERRIDE was written by hand, so bin/start leaves it alone; it needs: $1"
		return 0
	fi
	if [ -z "$1" ]; then
		rm -f "$WPENV_OVERRIDE"
	else
		printf '%s\n' "$1" >"$WPENV_OVERRIDE"
	fi
}

# wpenv_cache_latest_version VERSION: wp-env asks wordpress.org for the latest version even when core is a
# local folder and gives up offline unless its cache knows one; this merges it into that cache file.
wpenv_cache_latest_version() {
	local dir
	dir="$(wpenv_work_dir)"
	mkdir -p "$dir"
	node -e '
		const fs = require("fs");
		const [file, version] = process.argv.slice(1);
		let cache = {};
		try { cache = JSON.parse(fs.readFileSync(file, "utf8")); } catch { }
		cache.latestWordPressVersion = version;
		fs.writeFileSync(file, JSON.stringify(cache));
	' "$dir/wp-env-cache.json" "$1"
}
