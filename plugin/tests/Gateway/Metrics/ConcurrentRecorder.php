<?php
/**
 * One of several processes recording gateway metrics at once.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Metrics;

use Switchboard\Gateway\Cache\CacheResult;
use Switchboard\Gateway\Metrics\MetricsReader;
use Switchboard\Gateway\Metrics\MetricsStore;
use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\SiteScript;

/**
 * The body of record-in-site.php: loads a test site's WordPress as a request would, then either waits for a
 * shared start time and records samples (`record`), or prints the last hour of a service (`read`).
 */
final class ConcurrentRecorder {

	/**
	 * Entry point.
	 *
	 * @param list<string> $argv Script, site folder, core folder, command (`record` or `read`), service id,
	 *                           then for `record`: samples and start time.
	 * @return int Exit code.
	 */
	public static function main( array $argv ): int {
		if ( count( $argv ) < 5 ) {
			fwrite( STDERR, "Usage: php record-in-site.php <site dir> <core dir> record|read <service> [<samples> <start time>]\n" );
			return 2;
		}

		( new Site( $argv[1], $argv[2] ) )->load();
		$store = new MetricsStore();

		if ( 'read' === $argv[3] ) {
			echo wp_json_encode( ( new MetricsReader( $store ) )->last_hour( $argv[4] ) + array( 'external' => (bool) wp_using_ext_object_cache() ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON for the parent process.
			return 0;
		}

		$start = (float) ( $argv[6] ?? 0 );
		while ( microtime( true ) < $start ) {
			usleep( 1000 );
		}
		$samples = (int) ( $argv[5] ?? 0 );
		for ( $i = 0; $i < $samples; ++$i ) {
			// Every fifth fails, every other one is a hit, latencies spread over the first buckets.
			$store->record( $argv[4], (float) ( $i % 4 ) * 20.0, 0 === $i % 5, 0 === $i % 2 ? CacheResult::HIT : CacheResult::MISS );
		}
		echo wp_json_encode( array( 'recorded' => $samples ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON for the parent process.

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
