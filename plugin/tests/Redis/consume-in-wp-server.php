<?php
/**
 * Consumes from one rate-limit bucket in a bin/wp-server site; run through `bin/wp-server php`, which loads
 * the site's WordPress (and so the plugin) first. Prints `{"allowed":N,"denied":N,"external":bool}`.
 *
 * Usage: bin/wp-server php --name NAME consume-in-wp-server.php <key> <capacity> <attempts> <start time>
 *
 * @package Switchboard
 */

declare( strict_types=1 );

use Switchboard\Gateway\RateLimit\Policy;
use Switchboard\Gateway\RateLimit\RateLimiter;
use Switchboard\Tests\Support\SiteScript;

require_once dirname( __DIR__, 3 ) . '/vendor/autoload.php';

// phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- command-line arguments.
$switchboard_args = array_slice( SiteScript::arguments( $_SERVER['argv'] ?? array() ), 1 );
if ( count( $switchboard_args ) < 4 ) {
	fwrite( STDERR, "Usage: consume-in-wp-server.php <key> <capacity> <attempts> <start time>\n" );
	exit( 2 );
}

while ( microtime( true ) < (float) $switchboard_args[3] ) {
	usleep( 1000 );
}

// A refill of one token per 1,000 seconds: nothing comes back while the processes race.
$switchboard_policy  = new Policy( max( 1, (int) $switchboard_args[1] ), 0.001 );
$switchboard_limiter = new RateLimiter();
$switchboard_allowed = 0;
$switchboard_denied  = 0;
for ( $switchboard_i = (int) $switchboard_args[2]; $switchboard_i > 0; --$switchboard_i ) {
	if ( $switchboard_limiter->consume( $switchboard_args[0], $switchboard_policy )->allowed ) {
		++$switchboard_allowed;
	} else {
		++$switchboard_denied;
	}
}

echo "\n" . wp_json_encode( // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON for the parent process.
	array(
		'allowed'  => $switchboard_allowed,
		'denied'   => $switchboard_denied,
		'external' => wp_using_ext_object_cache(),
		'database' => $GLOBALS['wpdb'] instanceof wpdb ? $GLOBALS['wpdb']->db_server_info() : '',
	)
) . "\n";
