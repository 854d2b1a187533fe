<?php
/**
 * Switchboard's fast path, as WordPress's `advanced-cache.php` drop-in.
 *
 * Install: copy or link this file to `wp-content/advanced-cache.php`, define `WP_CACHE` as true in
 * wp-config.php, and run a persistent object cache drop-in (`wp-content/object-cache.php`, e.g. the Redis one
 * next to this file). Set `SWITCHBOARD_PLUGIN_DIR` when the plugin is not in `wp-content/plugins/switchboard`.
 *
 * WordPress includes this file before it loads its database, plugins or theme. For requests to
 * `switchboard/v1` it starts the object cache early (as Batcache does) and lets Switchboard\Gateway\FastPath
 * answer a public cached read that WordPress has already validated and answered; every other request
 * continues into WordPress untouched. Without an object cache, on multisite, or when the plugin is missing,
 * it does nothing.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

( static function (): void {
	$uri = isset( $_SERVER['REQUEST_URI'] ) && is_string( $_SERVER['REQUEST_URI'] ) ? $_SERVER['REQUEST_URI'] : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only searched for a fixed string; FastPathRequest validates it.
	if ( ! str_contains( $uri, '/wp-json/switchboard/v1/' ) || ( defined( 'MULTISITE' ) && MULTISITE ) ) {
		return;
	}

	$plugin_dir = defined( 'SWITCHBOARD_PLUGIN_DIR' ) && is_string( SWITCHBOARD_PLUGIN_DIR ) ? SWITCHBOARD_PLUGIN_DIR : WP_CONTENT_DIR . '/plugins/switchboard';
	if ( ! is_file( $plugin_dir . '/src/Gateway/FastPath/FastPath.php' ) || ! is_file( WP_CONTENT_DIR . '/object-cache.php' ) ) {
		return;
	}

	// The same switch WordPress honours before loading the object cache drop-in.
	if ( ! apply_filters( 'enable_loading_object_cache_dropin', true ) ) { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's own filter, applied as core applies it.
		return;
	}

	// WordPress's wp_start_object_cache() expects this: it keeps the drop-in and initializes it again.
	require_once WP_CONTENT_DIR . '/object-cache.php';
	if ( ! function_exists( 'wp_cache_init' ) ) {
		return;
	}
	wp_cache_init();

	require_once $plugin_dir . '/src/Autoloader.php';
	( new Switchboard\Autoloader( 'Switchboard\\', $plugin_dir . '/src' ) )->register();

	if ( Switchboard\Gateway\FastPath\FastPath::serve_before_wordpress() ) {
		exit;
	}
} )();
