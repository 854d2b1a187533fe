<?php
/**
 * Loads a native site's WordPress from the command line, as bin/wp-server's PHP scripts need it.
 *
 * Include it from the global scope (WordPress must load there). The site comes from the environment:
 * SWITCHBOARD_SITE_DIR (the .cache/sites/<name> folder) and SWITCHBOARD_SITE_URL.
 *
 * @package Switchboard
 */

declare(strict_types=1);

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

// Tells the development mu-plugin that this process prepares the site itself.
define( 'SWITCHBOARD_WP_SERVER_CLI', true );

( static function (): void {
	$site = (string) getenv( 'SWITCHBOARD_SITE_DIR' );
	if ( '' === $site || ! is_file( $site . '/wp-config.php' ) || ! is_file( $site . '/wordpress/wp-load.php' ) ) {
		fwrite( STDERR, "SWITCHBOARD_SITE_DIR does not name a prepared site (run bin/wp-server start).\n" );
		exit( 1 );
	}
	$url  = (string) getenv( 'SWITCHBOARD_SITE_URL' );
	$host = (string) parse_url( $url, PHP_URL_HOST );
	$port = (int) parse_url( $url, PHP_URL_PORT );

	// What a web request would carry; core reads several of these without checking they exist.
	$_SERVER['HTTP_HOST']               = $host . ( $port ? ":$port" : '' );
	$_SERVER['SERVER_NAME']             = $host;
	$_SERVER['SERVER_PORT']             = (string) ( $port ? $port : 80 );
	$_SERVER['SERVER_PROTOCOL']         = 'HTTP/1.1';
	$_SERVER['REQUEST_METHOD']          = 'GET';
	$_SERVER['REQUEST_URI']             = '/';
	$_SERVER['REMOTE_ADDR']             = '127.0.0.1';
	$_SERVER['HTTP_USER_AGENT']         = 'switchboard-wp-server';
	$GLOBALS['switchboard_cli_wp_load'] = $site . '/wordpress/wp-load.php';
} )();

require $GLOBALS['switchboard_cli_wp_load'];
