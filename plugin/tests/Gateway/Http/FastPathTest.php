<?php
/**
 * The fast path over real HTTP: the advanced-cache.php drop-in on the Redis object cache.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Http;

use Switchboard\Tests\Redis\RedisServer;
use Switchboard\Tests\Support\Site;

/**
 * FastAnswerTestCase's tests with the site on Redis (`plugin/dropins/object-cache.php`) and
 * `plugin/dropins/advanced-cache.php` with `WP_CACHE`: answers come before WordPress loads its database.
 */
final class FastPathTest extends FastAnswerTestCase {

	/**
	 * The site's Redis.
	 *
	 * @var RedisServer|null
	 */
	private static ?RedisServer $redis = null;

	/**
	 * The stage's name in `Server-Timing`.
	 *
	 * @return string
	 */
	protected static function stage(): string {
		return 'fast path';
	}

	/**
	 * Redis and phpredis are needed.
	 *
	 * @return string|null
	 */
	protected static function unavailable(): ?string {
		$missing = RedisServer::unavailable();

		return null === $missing ? null : 'The fast path needs Redis: ' . $missing;
	}

	/**
	 * Starts Redis and installs both drop-ins with `WP_CACHE` on.
	 *
	 * @param GatewaySite $gateway The started site.
	 */
	protected static function prepare( GatewaySite $gateway ): void {
		$dir = sys_get_temp_dir() . '/switchboard-fastpath-' . getmypid();
		Site::make_dir( $dir );
		self::$redis = RedisServer::start( $dir );

		$content = $gateway->site->content_dir();
		$plugin  = dirname( __DIR__, 3 );
		copy( $plugin . '/dropins/object-cache.php', $content . '/object-cache.php' );
		copy( $plugin . '/dropins/advanced-cache.php', $content . '/advanced-cache.php' );

		$config = dirname( $content ) . '/wp-config.php';
		$code   = (string) file_get_contents( $config );
		$extra  = "define( 'WP_CACHE', true );\n"
			. 'define( ' . var_export( 'WP_REDIS_PATH', true ) . ', ' . var_export( self::$redis->socket, true ) . " );\n"
			. "define( 'WP_REDIS_PREFIX', 'fastpath' );\n";
		file_put_contents( $config, str_replace( "\$table_prefix = 'wp_';", $extra . "\n\$table_prefix = 'wp_';", $code ) );
	}

	/**
	 * Stops Redis.
	 */
	protected static function clean_up(): void {
		self::$redis?->stop();
		self::$redis = null;
	}
}
