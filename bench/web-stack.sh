# shellcheck shell=bash
# The production-like web tier of the benchmarks, as bench/gateway sets it up: php-fpm (opcache on, files never
# re-checked, 4 static workers) behind nginx, as unprivileged local processes with their configs, sockets and
# logs in one work folder, in front of a bin/wp-server site (whose own PHP server must be stopped first, so
# nginx can take its port). Source it after bin/lib/common.sh; it defines functions only.
#
#   web_stack_start WORK SITE_DIR PORT [NAME=VALUE...]   serve SITE_DIR/wordpress on 127.0.0.1:PORT; each
#                                                        NAME=VALUE is an environment variable of the PHP workers
#   web_stack_stop WORK                                  stop both (safe to call when nothing runs)

# web_stack_sockets WORK: where the sockets go (unix socket paths are limited to 107 bytes).
web_stack_sockets() {
	if [ "${#1}" -gt 80 ]; then
		echo "/tmp/switchboard-web-$(printf '%s' "$1" | md5sum | cut -c1-12)"
	else
		echo "$1"
	fi
}

web_stack_start() {
	local work="$1" site="$2" port="$3" sockets root_user_fpm="" root_user_nginx="" root_flag=() deadline pair
	shift 3
	sockets="$(web_stack_sockets "$work")"
	if ! command -v nginx >/dev/null 2>&1 || ! command -v php-fpm8.2 >/dev/null 2>&1; then
		"$SB_ROOT/bin/install-system-deps" --with-bench
	fi
	mkdir -p "$work/nginx/tmp" "$sockets"
	if [ "$(id -u)" -eq 0 ]; then
		root_user_fpm="user = root"
		root_user_nginx="user root;"
		root_flag=(-R)
	fi
	{
		cat <<EOF
; Written by bench/web-stack.sh on every run.
[global]
pid = $work/php-fpm.pid
error_log = $work/php-fpm.log
daemonize = no

[bench]
$root_user_fpm
listen = $sockets/php-fpm.sock
listen.mode = 0666
pm = static
pm.max_children = 4
pm.max_requests = 0
catch_workers_output = yes
php_admin_value[memory_limit] = 256M
php_value[error_log] = $work/php-error.log
EOF
		for pair in "$@"; do
			echo "env[${pair%%=*}] = ${pair#*=}"
		done
	} >"$work/php-fpm.conf"
	rm -f "$sockets/php-fpm.sock"
	sb_start_bg "$work/php-fpm.run.pid" "$work/php-fpm.out" php-fpm8.2 --nodaemonize --fpm-config "$work/php-fpm.conf" "${root_flag[@]}" \
		-d opcache.enable=1 -d opcache.validate_timestamps=0 -d opcache.memory_consumption=128 -d opcache.max_accelerated_files=20000
	deadline=$((SECONDS + 10))
	until [ -S "$sockets/php-fpm.sock" ]; do
		sb_pid_alive "$work/php-fpm.run.pid" || sb_die "php-fpm exited; see $work/php-fpm.out and $work/php-fpm.log"
		[ "$SECONDS" -lt "$deadline" ] || sb_die "php-fpm did not start; see $work/php-fpm.log"
		sleep 0.1
	done
	# Debian's fastcgi_params passes HTTP_HOST without the port, so WordPress would redirect every page to itself.
	cat >"$work/nginx.conf" <<EOF
# Written by bench/web-stack.sh on every run.
$root_user_nginx
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $work/nginx/tmp/body;
	fastcgi_temp_path $work/nginx/tmp/fastcgi;
	proxy_temp_path $work/nginx/tmp/proxy;
	uwsgi_temp_path $work/nginx/tmp/uwsgi;
	scgi_temp_path $work/nginx/tmp/scgi;
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	gzip on;
	gzip_types application/javascript text/javascript text/css application/json;
	server {
		listen 127.0.0.1:$port;
		root $site/wordpress;
		index index.php;
		location / {
			try_files \$uri \$uri/ /index.php?\$args;
		}
		location ~ \.php\$ {
			try_files \$uri =404;
			include /etc/nginx/fastcgi_params;
			fastcgi_param HTTP_HOST \$http_host;
			fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
			fastcgi_pass unix:$sockets/php-fpm.sock;
		}
	}
}
EOF
	sb_start_bg "$work/nginx.run.pid" "$work/nginx.out" nginx -p "$work/nginx/" -c "$work/nginx.conf" -e "$work/nginx-error.log"
	sb_wait_http "http://127.0.0.1:$port/wp-login.php" 30 "$(cat "$work/nginx.run.pid")" ||
		sb_die "nginx on port $port does not answer; see $work/nginx-error.log, $work/php-error.log, $site/debug.log"
}

web_stack_stop() {
	local sockets
	sockets="$(web_stack_sockets "$1")"
	sb_stop_pidfile "$1/nginx.run.pid" "$1"
	sb_stop_pidfile "$1/php-fpm.run.pid" "$1"
	[ "$sockets" = "$1" ] || rm -rf "$sockets"
}
