<?php
/**
 * One request of the Redis site tests, in its own PHP process.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Redis;

use InvalidArgumentException;
use Switchboard\Gateway\Cache\CachedEndpoint;
use Switchboard\Gateway\Cache\CacheKey;
use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\SiteScript;
use WP_Error;

/**
 * The body of redis-site-worker.php: loads a test site (whose wp-content holds the Redis drop-in) as a
 * request would, runs one command, and prints one JSON line for the parent test.
 *
 * Commands:
 * - `probe [value]`: reports whether WordPress uses the external cache, what the cache object is and what
 *   key `shared` holds; stores `value` there when given.
 * - `breaker-fail <count>`: records failures of the `fault` service.
 * - `breaker-acquire <start> <cool-down>`: at the start time, asks the breaker to call the `fault` service.
 * - `single-flight <url> <start>`: at the start time, fetches one cache key through the default store,
 *   whose origin is the fault server at `url`.
 */
final class RedisSiteWorker {

	/**
	 * The circuit breaker the commands share: 3 failures open it. The cool-down is not stored with the
	 * state, so each process may use its own.
	 *
	 * @param int $cooldown Seconds the circuit stays open.
	 * @return CircuitBreaker
	 */
	public static function breaker( int $cooldown = 60 ): CircuitBreaker {
		return new CircuitBreaker( 3, 60, $cooldown );
	}

	/**
	 * Entry point.
	 *
	 * @param list<string> $argv Script, site folder, core folder, command, arguments.
	 * @return int Exit code.
	 * @throws InvalidArgumentException For an unknown command.
	 */
	public static function main( array $argv ): int {
		if ( count( $argv ) < 4 ) {
			fwrite( STDERR, "Usage: php redis-site-worker.php <site dir> <core dir> <command> [arguments]\n" );
			return 2;
		}
		list( , $site_dir, $core_dir, $command ) = $argv;
		$arguments                               = array_slice( $argv, 4 );

		( new Site( $site_dir, $core_dir ) )->load();

		$result = match ( $command ) {
			'probe'           => self::probe( $arguments[0] ?? null ),
			'breaker-fail'    => self::breaker_fail( (int) ( $arguments[0] ?? 1 ) ),
			'breaker-acquire' => self::breaker_acquire( (float) ( $arguments[0] ?? 0 ), (int) ( $arguments[1] ?? 60 ) ),
			'single-flight'   => self::single_flight( $arguments[0] ?? '', (float) ( $arguments[1] ?? 0 ) ),
			default           => throw new InvalidArgumentException( "Unknown command {$command}." ),
		};

		echo "\n" . wp_json_encode( $result ) . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON for the parent process.
		return 0;
	}

	/**
	 * The command-line arguments as a list of strings.
	 *
	 * @param mixed $argv `$_SERVER['argv']`.
	 * @return list<string>
	 */
	public static function arguments( mixed $argv ): array {
		return SiteScript::arguments( $argv );
	}

	/**
	 * Reports the cache WordPress runs on.
	 *
	 * @param string|null $value Value to store in `shared`, if any.
	 * @return array<string, mixed>
	 */
	private static function probe( ?string $value ): array {
		$found  = null;
		$shared = wp_cache_get( 'shared', 'switchboard_test', false, $found );
		if ( null !== $value ) {
			wp_cache_set( 'shared', $value, 'switchboard_test', 60 );
		}
		$supports = array();
		foreach ( array( 'add_multiple', 'set_multiple', 'get_multiple', 'delete_multiple', 'flush_runtime', 'flush_group' ) as $feature ) {
			$supports[ $feature ] = wp_cache_supports( $feature );
		}

		return array(
			'external' => wp_using_ext_object_cache(),
			'class'    => is_object( $GLOBALS['wp_object_cache'] ?? null ) ? get_class( $GLOBALS['wp_object_cache'] ) : '',
			'store'    => get_class( CachedEndpoint::default_store() ),
			'shared'   => $found ? $shared : null,
			'supports' => $supports,
			'blogname' => get_option( 'blogname' ),
		);
	}

	/**
	 * Records failures.
	 *
	 * @param int $count Failures.
	 * @return array<string, mixed>
	 */
	private static function breaker_fail( int $count ): array {
		$service = GatewayFixture::service( 'http://127.0.0.1:9' );
		$breaker = self::breaker();
		for ( $i = 0; $i < $count; $i++ ) {
			$breaker->record_failure( $service, 'switchboard_test', 'Test failure.' );
		}

		return array( 'state' => $breaker->acquire( $service ) );
	}

	/**
	 * Asks the breaker, at a shared start time.
	 *
	 * @param float $start    Unix time to ask at.
	 * @param int   $cooldown Seconds the circuit stays open.
	 * @return array<string, mixed>
	 */
	private static function breaker_acquire( float $start, int $cooldown ): array {
		$service = GatewayFixture::service( 'http://127.0.0.1:9' );
		$breaker = self::breaker( $cooldown );
		self::wait_until( $start );

		return array(
			'state' => $breaker->acquire( $service ),
			'late'  => round( microtime( true ) - $start, 3 ),
		);
	}

	/**
	 * Fetches one key through the default store, at a shared start time.
	 *
	 * @param string $url   The fault server's URL.
	 * @param float  $start Unix time to fetch at.
	 * @return array<string, mixed>
	 */
	private static function single_flight( string $url, float $start ): array {
		GatewayFixture::declare_fault_service();
		add_filter( 'pre_option_' . ServiceRegistry::OPTION, static fn(): array => array( GatewayFixture::SERVICE_ID => $url ) );

		$service  = GatewayFixture::service( $url );
		$client   = GatewayFixture::client();
		$store    = CachedEndpoint::default_store();
		$endpoint = new CachedEndpoint( $store, 2.0 );
		$key      = CacheKey::for_route( 'fault/items', array( 'q' => 'same' ) );
		self::wait_until( $start );

		$result = $endpoint->fetch(
			$key,
			CachePolicy::public( 60 ),
			static fn(): array|WP_Error => $client->request( $service, 'GET', '/v1/items' )
		);

		return array(
			'store'  => get_class( $store ),
			'status' => $result->status,
			'value'  => $result->is_error() ? null : $result->value,
		);
	}

	/**
	 * Sleeps until a Unix time.
	 *
	 * @param float $start Unix time.
	 */
	private static function wait_until( float $start ): void {
		while ( microtime( true ) < $start ) {
			usleep( 1000 );
		}
	}
}
