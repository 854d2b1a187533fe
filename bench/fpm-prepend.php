<?php
/**
 * Runs before every PHP request of the benchmark's php-fpm (auto_prepend_file), so each nginx server can
 * choose the site's set-up through fastcgi_params: the bench site's wp-config.php belongs to bin/wp-server,
 * which rewrites it on every start, and everything here must happen before WordPress loads anyway.
 *
 * - SWITCHBOARD_BENCH_REDIS=1: the Redis object-cache drop-in connects to SWITCHBOARD_BENCH_REDIS_PATH;
 *   otherwise core's `enable_loading_object_cache_dropin` filter keeps the drop-in from loading at all.
 * - SWITCHBOARD_FAST_PATH=1: WP_CACHE, so wp-content/advanced-cache.php (the gateway's fast path) loads.
 * - SWITCHBOARD_EARLY_ANSWER=0: the gateway's early answer is off, so hits go through all of WordPress.
 * - SWITCHBOARD_SEARCH_URL: the search service's URL (the local stub).
 *
 * @package Switchboard
 */

declare( strict_types=1 );

( static function (): void {
	$param = static function ( string $name ): string {
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- fastcgi_params written by the bench's own nginx.conf.
		return isset( $_SERVER[ $name ] ) && is_string( $_SERVER[ $name ] ) ? $_SERVER[ $name ] : '';
	};

	if ( '' !== $param( 'SWITCHBOARD_SEARCH_URL' ) ) {
		define( 'SWITCHBOARD_SEARCH_URL', $param( 'SWITCHBOARD_SEARCH_URL' ) );
	}

	if ( '1' === $param( 'SWITCHBOARD_BENCH_REDIS' ) ) {
		// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- the drop-in's own settings.
		define( 'WP_REDIS_PATH', $param( 'SWITCHBOARD_BENCH_REDIS_PATH' ) );
		define( 'WP_REDIS_PREFIX', 'bench' );
		// phpcs:enable
	} else {
		// Nothing has registered a hook yet (this file runs first); WordPress turns hooks registered this early
		// into WP_Hook objects when plugin.php loads.
		$GLOBALS['wp_filter'] = array( // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- registering a core filter before WordPress loads.
			'enable_loading_object_cache_dropin' => array(
				10 => array(
					array(
						'function'      => '__return_false',
						'accepted_args' => 1,
					),
				),
			),
		);
	}

	if ( '0' === $param( 'SWITCHBOARD_EARLY_ANSWER' ) ) {
		define( 'SWITCHBOARD_EARLY_ANSWER', false );
	}

	if ( '1' === $param( 'SWITCHBOARD_FAST_PATH' ) ) {
		define( 'WP_CACHE', true );
	}
} )();
