<?php
/**
 * One of several dispatcher processes on one site.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Events;

use InvalidArgumentException;
use Switchboard\Events\DispatchTrigger;
use Switchboard\Events\Outbox;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Plugin;
use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\SiteScript;

/**
 * The body of dispatch-in-site.php. Loads a test site's WordPress as a request would, then either seeds the
 * outbox (`seed <url> <subjects> <events per subject>`: points the search and feed services at the URL and
 * writes that many pending events about each subject, for each service), or waits for a shared start time
 * and runs the site's own dispatcher (as its cron run would) until nothing is pending or the time is up
 * (`dispatch <start time> <seconds>`). Prints a JSON report.
 */
final class ConcurrentDispatcher {

	/**
	 * Services that receive the seeded events.
	 */
	public const SERVICES = array( 'search', 'feed' );

	/**
	 * Entry point.
	 *
	 * @param list<string> $argv Script, site folder, core folder, command, its arguments.
	 * @return int Exit code.
	 * @throws InvalidArgumentException For an unknown command.
	 */
	public static function main( array $argv ): int {
		if ( count( $argv ) < 6 ) {
			fwrite( STDERR, "Usage: php dispatch-in-site.php <site dir> <core dir> seed <url> <subjects> <events> | dispatch <start time> <seconds>\n" );
			return 2;
		}

		( new Site( $argv[1], $argv[2] ) )->load();
		$report = match ( $argv[3] ) {
			'seed'     => self::seed( $argv[4], (int) $argv[5], (int) ( $argv[6] ?? 1 ) ),
			'dispatch' => self::dispatch( (float) $argv[4], (float) $argv[5] ),
			default    => throw new InvalidArgumentException( "Unknown command {$argv[3]}." ),
		};

		echo wp_json_encode( $report ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON for the parent process.

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
	 * Points the services at the upstream and writes the events, subjects interleaved.
	 *
	 * @param string $url      Upstream base URL.
	 * @param int    $subjects Subjects (posts).
	 * @param int    $events   Events per subject and service.
	 * @return array{rows: int}
	 */
	private static function seed( string $url, int $subjects, int $events ): array {
		update_option( ServiceRegistry::OPTION, array_fill_keys( self::SERVICES, $url ) );
		$outbox = new Outbox();
		$rows   = 0;
		for ( $n = 1; $n <= $events; $n++ ) {
			for ( $post = 1; $post <= $subjects; $post++ ) {
				foreach ( self::SERVICES as $service ) {
					$payload = array(
						'id'      => $post,
						'n'       => $n,
						'service' => $service,
					);
					$rows   += '' === $outbox->add( $service, 1 === $n ? 'post.published' : 'post.updated', $payload, time(), 'post:' . $post ) ? 0 : 1;
				}
			}
		}

		return array( 'rows' => $rows );
	}

	/**
	 * Runs the site's dispatcher from the shared start time until nothing is pending.
	 *
	 * @param float $start_at Unix time to start at.
	 * @param float $seconds  Longest time to keep running.
	 * @return array{pid: int, runs: int, delivered: int, failed: int, dead: int, released: int, pending: int}
	 */
	private static function dispatch( float $start_at, float $seconds ): array {
		$trigger = null;
		foreach ( Plugin::instance()?->modules() ?? array() as $module ) {
			$trigger = $module instanceof DispatchTrigger ? $module : $trigger;
		}
		$report = array(
			'pid'       => (int) getmypid(),
			'runs'      => 0,
			'delivered' => 0,
			'failed'    => 0,
			'dead'      => 0,
			'released'  => 0,
			'pending'   => -1,
		);
		if ( null === $trigger ) {
			return $report;
		}

		while ( microtime( true ) < $start_at ) {
			usleep( 1000 );
		}
		$until  = $start_at + $seconds;
		$outbox = new Outbox();
		do {
			$stats = $trigger->run();
			++$report['runs'];
			foreach ( $stats as $key => $count ) {
				$report[ $key ] += $count;
			}
			$report['pending'] = $outbox->counts()['pending'];
			if ( 0 === array_sum( $stats ) && $report['pending'] > 0 ) {
				usleep( 50000 ); // The rest is leased by the other processes.
			}
		} while ( $report['pending'] > 0 && microtime( true ) < $until );

		return $report;
	}
}
