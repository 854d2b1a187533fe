<?php
/**
 * One request of the single-flight test: loads a test site, waits for a shared start time, then fetches
 * one cache key whose origin is the fault server, and prints the result as a JSON line.
 *
 * Usage: php single-flight-worker.php <site dir> <core dir> <fault server URL> <start time (microtime)>
 *
 * @package Switchboard
 */

declare( strict_types=1 );

use Switchboard\Gateway\Cache\CachedEndpoint;
use Switchboard\Gateway\Cache\CacheKey;
use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Gateway\Cache\TransientStore;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\SiteScript;

require dirname( __DIR__, 4 ) . '/vendor/autoload.php';

$switchboard_args = SiteScript::arguments( $_SERVER['argv'] ?? array() ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- command-line arguments.
if ( count( $switchboard_args ) < 5 ) {
	fwrite( STDERR, "Usage: php single-flight-worker.php <site dir> <core dir> <url> <start>\n" );
	exit( 2 );
}
list( , $switchboard_site_dir, $switchboard_core_dir, $switchboard_url, $switchboard_start ) = $switchboard_args;

( new Site( $switchboard_site_dir, $switchboard_core_dir ) )->load();

// Registered without writing to the database, so the workers only compete for the cache.
GatewayFixture::declare_fault_service();
add_filter( 'pre_option_' . ServiceRegistry::OPTION, static fn(): array => array( GatewayFixture::SERVICE_ID => $switchboard_url ) );

$switchboard_service  = GatewayFixture::service( $switchboard_url );
$switchboard_client   = GatewayFixture::client();
$switchboard_endpoint = new CachedEndpoint( new TransientStore(), 2.0 );
$switchboard_key      = CacheKey::for_route( 'fault/items', array( 'q' => 'same' ) );

while ( microtime( true ) < (float) $switchboard_start ) {
	usleep( 1000 );
}

$switchboard_result = $switchboard_endpoint->fetch(
	$switchboard_key,
	CachePolicy::public( 60 ),
	static fn(): array|WP_Error => $switchboard_client->request( $switchboard_service, 'GET', '/v1/items' )
);

// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON for the parent process.
echo "\n" . wp_json_encode(
	array(
		'status' => $switchboard_result->status,
		'value'  => $switchboard_result->is_error() ? null : $switchboard_result->value,
		'error'  => $switchboard_result->value instanceof WP_Error ? $switchboard_result->value->get_error_code() : null,
	)
) . "\n";
