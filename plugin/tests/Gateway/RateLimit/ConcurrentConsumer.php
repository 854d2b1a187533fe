<?php
/**
 * One of several processes hammering one rate-limit bucket.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\RateLimit;

use Switchboard\Gateway\RateLimit\Policy;
use Switchboard\Gateway\RateLimit\RateLimiter;
use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\SiteScript;

/**
 * The body of consume-in-site.php: loads a test site's WordPress as a request would, waits for a shared
 * start time so that all processes race, consumes from one bucket, and prints how many were allowed.
 */
final class ConcurrentConsumer {

	/**
	 * Entry point.
	 *
	 * @param list<string> $argv Script, site folder, core folder, bucket key, capacity, attempts, start time.
	 * @return int Exit code.
	 */
	public static function main( array $argv ): int {
		if ( count( $argv ) < 7 ) {
			fwrite( STDERR, "Usage: php consume-in-site.php <site dir> <core dir> <key> <capacity> <attempts> <start time>\n" );
			return 2;
		}

		( new Site( $argv[1], $argv[2] ) )->load();

		$start = (float) $argv[6];
		while ( microtime( true ) < $start ) {
			usleep( 1000 );
		}

		// A refill of one token per 1,000 seconds: nothing comes back while the processes race.
		$policy  = new Policy( max( 1, (int) $argv[4] ), 0.001 );
		$limiter = new RateLimiter();
		$allowed = 0;
		$denied  = 0;
		for ( $i = (int) $argv[5]; $i > 0; --$i ) {
			if ( $limiter->consume( $argv[3], $policy )->allowed ) {
				++$allowed;
			} else {
				++$denied;
			}
		}

		echo wp_json_encode( // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON for the parent process.
			array(
				'allowed' => $allowed,
				'denied'  => $denied,
				'hash'    => RateLimiter::hash( $argv[3] ),
			)
		);

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
}
