<?php
/**
 * Per-minute gateway metrics shared by every PHP process of the site.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Metrics;

use Closure;
use Switchboard\Gateway\Cache\CacheResult;
use Throwable;
use wpdb;

/**
 * Counts each answered gateway request into its service's current minute: requests, failures, requests
 * served from the cache (hit, stale, stale-if-error), cache misses (miss, revalidated; bypass counts as
 * neither) and one latency bucket of Histogram.
 *
 * With a persistent object cache (Redis, Memcached) every count is a counter bumped by wp_cache_incr(),
 * created by wp_cache_add() the first time, so concurrent requests never lose a count; counters expire on
 * their own after RETENTION_MINUTES. Without one, a minute is a row of MetricsTable bumped by one
 * `UPDATE … SET n = n + 1` (atomic in the database); the first request of a minute creates the row with
 * `INSERT IGNORE` (the loser of that race updates instead) and deletes rows older than RETENTION_MINUTES.
 * Both forms are translated by the SQLite integration as well as run on MySQL and MariaDB.
 *
 * record() never throws: a broken store loses samples, never a visitor's request.
 */
final class MetricsStore implements MetricsRecorder {

	/**
	 * How long minutes are kept: the health view reads the last hour, with room to spare.
	 */
	public const RETENTION_MINUTES = 120;

	/**
	 * Object cache group.
	 */
	private const GROUP = 'switchboard_metrics';

	/**
	 * Cache states served from the cache.
	 */
	private const HITS = array( CacheResult::HIT, CacheResult::STALE, CacheResult::STALE_IF_ERROR );

	/**
	 * Cache states that asked the service.
	 */
	private const MISSES = array( CacheResult::MISS, CacheResult::REVALIDATED );

	/**
	 * Returns the current Unix time in seconds.
	 *
	 * @var Closure(): float
	 */
	private Closure $clock;

	/**
	 * Sets the clock.
	 *
	 * @param Closure():float|null $clock Current Unix time in seconds; microtime( true ) when null.
	 */
	public function __construct( ?Closure $clock = null ) {
		$this->clock = $clock ?? static fn(): float => microtime( true );
	}

	/**
	 * Counts one answered request into the current minute.
	 *
	 * @param string $service_id   Service the route belongs to.
	 * @param float  $milliseconds Time the gateway spent answering.
	 * @param bool   $failed       Whether the visitor got a failure.
	 * @param string $cache        A CacheResult state or MetricsRecorder::BYPASS.
	 */
	public function record( string $service_id, float $milliseconds, bool $failed, string $cache ): void {
		if ( '' === $service_id || strlen( $service_id ) > 32 ) {
			return;
		}

		$counts = array(
			'requests'     => 1,
			'failures'     => $failed ? 1 : 0,
			'cache_hits'   => in_array( $cache, self::HITS, true ) ? 1 : 0,
			'cache_misses' => in_array( $cache, self::MISSES, true ) ? 1 : 0,
		);
		$bucket = Histogram::bucket_of( $milliseconds );
		$minute = $this->minute();

		try {
			if ( wp_using_ext_object_cache() ) {
				$this->record_in_cache( $service_id, $minute, $counts, $bucket );
				return;
			}

			$wpdb = $GLOBALS['wpdb'] ?? null;
			if ( $wpdb instanceof wpdb && MetricsTable::ensure( $wpdb ) ) {
				$this->record_in_database( $wpdb, $service_id, $minute, $counts, $bucket );
			}
		} catch ( Throwable $error ) {
			// A lost sample is better than a failed request.
			unset( $error );
		}
	}

	/**
	 * The stored minutes of one service within a range, oldest first; minutes without requests are absent.
	 *
	 * @param string $service_id  Service id.
	 * @param int    $from_minute First minute (Unix time / 60), inclusive.
	 * @param int    $to_minute   Last minute, inclusive.
	 * @return array<int, array{requests: int, failures: int, cache_hits: int, cache_misses: int, buckets: list<int>}> Keyed by minute.
	 */
	public function minutes( string $service_id, int $from_minute, int $to_minute ): array {
		if ( $to_minute < $from_minute ) {
			return array();
		}
		if ( wp_using_ext_object_cache() ) {
			return $this->minutes_in_cache( $service_id, $from_minute, $to_minute );
		}

		$wpdb = $GLOBALS['wpdb'] ?? null;
		if ( ! $wpdb instanceof wpdb || ! MetricsTable::ensure( $wpdb ) ) {
			return array();
		}

		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- live counters; WPCS 2.3 predates %i.
		$rows = $wpdb->get_results( (string) $wpdb->prepare( 'SELECT * FROM %i WHERE service = %s AND minute >= %d AND minute <= %d ORDER BY minute', MetricsTable::name( $wpdb ), $service_id, $from_minute, $to_minute ), 'ARRAY_A' );
		// phpcs:enable

		$minutes = array();
		foreach ( $rows ?? array() as $row ) {
			$buckets = array();
			for ( $i = 0, $size = Histogram::size(); $i < $size; ++$i ) {
				$buckets[] = self::int_of( $row[ MetricsTable::bucket_column( $i ) ] ?? 0 );
			}
			$minutes[ self::int_of( $row['minute'] ?? 0 ) ] = array(
				'requests'     => self::int_of( $row['requests'] ?? 0 ),
				'failures'     => self::int_of( $row['failures'] ?? 0 ),
				'cache_hits'   => self::int_of( $row['cache_hits'] ?? 0 ),
				'cache_misses' => self::int_of( $row['cache_misses'] ?? 0 ),
				'buckets'      => $buckets,
			);
		}

		return $minutes;
	}

	/**
	 * Deletes table rows older than the retention (the object cache expires its counters on its own).
	 *
	 * @return int Rows deleted.
	 */
	public function prune(): int {
		$wpdb = $GLOBALS['wpdb'] ?? null;
		if ( wp_using_ext_object_cache() || ! $wpdb instanceof wpdb || ! MetricsTable::ensure( $wpdb ) ) {
			return 0;
		}

		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- the store's own table; WPCS 2.3 predates %i.
		$deleted = $wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i WHERE minute < %d', MetricsTable::name( $wpdb ), $this->minute() - self::RETENTION_MINUTES ) );
		// phpcs:enable

		return is_int( $deleted ) ? $deleted : 0;
	}

	/**
	 * The current minute: Unix time divided by 60, rounded down.
	 *
	 * @return int
	 */
	public function minute(): int {
		return (int) floor( ( $this->clock )() / 60 );
	}

	/**
	 * One atomic UPDATE of the minute's row, or its creation (see the class docblock).
	 *
	 * @param wpdb                                                                    $wpdb       WordPress's database.
	 * @param string                                                                  $service_id Service id.
	 * @param int                                                                     $minute     Minute.
	 * @param array{requests: int, failures: int, cache_hits: int, cache_misses: int} $counts     Counts to add.
	 * @param int                                                                     $bucket     Latency bucket.
	 */
	private function record_in_database( wpdb $wpdb, string $service_id, int $minute, array $counts, int $bucket ): void {
		$table  = MetricsTable::name( $wpdb );
		$column = MetricsTable::bucket_column( $bucket );

		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- atomic increments are the point; a cached value would be wrong.
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- WPCS 2.3 predates the %i identifier placeholder (WordPress 6.2); every query is prepared.
		$update = (string) $wpdb->prepare(
			'UPDATE %i SET requests = requests + 1, failures = failures + %d, cache_hits = cache_hits + %d, cache_misses = cache_misses + %d, %i = %i + 1 WHERE service = %s AND minute = %d',
			$table,
			$counts['failures'],
			$counts['cache_hits'],
			$counts['cache_misses'],
			$column,
			$column,
			$service_id,
			$minute
		);
		if ( 1 === $wpdb->query( $update ) ) {
			return;
		}

		// The first request of this minute: drop what is past the retention, then create the row.
		$this->prune();
		$inserted = $wpdb->query(
			(string) $wpdb->prepare(
				'INSERT IGNORE INTO %i (service, minute, requests, failures, cache_hits, cache_misses, %i) VALUES (%s, %d, 1, %d, %d, %d, 1)',
				$table,
				$column,
				$service_id,
				$minute,
				$counts['failures'],
				$counts['cache_hits'],
				$counts['cache_misses']
			)
		);
		if ( 1 !== $inserted ) {
			// Another request created the row between the UPDATE and the INSERT.
			$wpdb->query( $update );
		}
		// phpcs:enable
	}

	/**
	 * Bumps the minute's counters in the object cache.
	 *
	 * @param string                                                                  $service_id Service id.
	 * @param int                                                                     $minute     Minute.
	 * @param array{requests: int, failures: int, cache_hits: int, cache_misses: int} $counts     Counts to add.
	 * @param int                                                                     $bucket     Latency bucket.
	 */
	private function record_in_cache( string $service_id, int $minute, array $counts, int $bucket ): void {
		$counts[ 'b' . $bucket ] = 1;
		$ttl                     = ( self::RETENTION_MINUTES + 1 ) * MINUTE_IN_SECONDS;
		foreach ( $counts as $field => $count ) {
			if ( $count <= 0 ) {
				continue;
			}
			$key = self::cache_key( $service_id, $minute, $field );
			// Usually one call; the counter is created when missing, and a lost race to create it increments.
			if ( false === wp_cache_incr( $key, $count, self::GROUP ) && ! wp_cache_add( $key, $count, self::GROUP, $ttl ) ) {
				wp_cache_incr( $key, $count, self::GROUP );
			}
		}
	}

	/**
	 * Reads a range of minutes from the object cache.
	 *
	 * @param string $service_id  Service id.
	 * @param int    $from_minute First minute.
	 * @param int    $to_minute   Last minute.
	 * @return array<int, array{requests: int, failures: int, cache_hits: int, cache_misses: int, buckets: list<int>}>
	 */
	private function minutes_in_cache( string $service_id, int $from_minute, int $to_minute ): array {
		$fields = array( 'requests', 'failures', 'cache_hits', 'cache_misses' );
		for ( $i = 0, $size = Histogram::size(); $i < $size; ++$i ) {
			$fields[] = 'b' . $i;
		}

		$keys = array();
		for ( $minute = $from_minute; $minute <= $to_minute; ++$minute ) {
			foreach ( $fields as $field ) {
				$keys[] = self::cache_key( $service_id, $minute, $field );
			}
		}
		$values = wp_cache_get_multiple( $keys, self::GROUP );

		$minutes = array();
		for ( $minute = $from_minute; $minute <= $to_minute; ++$minute ) {
			$requests = self::int_of( $values[ self::cache_key( $service_id, $minute, 'requests' ) ] ?? 0 );
			if ( 0 === $requests ) {
				continue;
			}
			$buckets = array();
			for ( $i = 0, $size = Histogram::size(); $i < $size; ++$i ) {
				$buckets[] = self::int_of( $values[ self::cache_key( $service_id, $minute, 'b' . $i ) ] ?? 0 );
			}
			$minutes[ $minute ] = array(
				'requests'     => $requests,
				'failures'     => self::int_of( $values[ self::cache_key( $service_id, $minute, 'failures' ) ] ?? 0 ),
				'cache_hits'   => self::int_of( $values[ self::cache_key( $service_id, $minute, 'cache_hits' ) ] ?? 0 ),
				'cache_misses' => self::int_of( $values[ self::cache_key( $service_id, $minute, 'cache_misses' ) ] ?? 0 ),
				'buckets'      => $buckets,
			);
		}

		return $minutes;
	}

	/**
	 * The cache key of one counter.
	 *
	 * @param string $service_id Service id.
	 * @param int    $minute     Minute.
	 * @param string $field      Counter name.
	 * @return string
	 */
	private static function cache_key( string $service_id, int $minute, string $field ): string {
		return $service_id . ':' . $minute . ':' . $field;
	}

	/**
	 * A stored value as a non-negative integer.
	 *
	 * @param mixed $value Value.
	 * @return int
	 */
	private static function int_of( mixed $value ): int {
		return is_numeric( $value ) ? max( 0, (int) $value ) : 0;
	}
}
