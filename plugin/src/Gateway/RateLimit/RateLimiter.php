<?php
/**
 * Token-bucket rate limiting with state shared across PHP processes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\RateLimit;

use Closure;
use wpdb;

/**
 * Decides whether a request may go through, atomically across every PHP process of the site.
 *
 * Without a persistent object cache the state is a row per bucket in Table, driven by GCRA (the generic
 * cell rate algorithm, a token bucket expressed as one number): the bucket's "theoretical arrival time"
 * `tat`, in milliseconds. With an emission interval `I` (1000 / refill per second) and a burst tolerance
 * `(capacity - 1) * I`, a request at `now` is allowed when `tat <= now + tolerance`, and then moves `tat`
 * to `max( tat, now ) + I`. That test and that move are one conditional `UPDATE ... WHERE tat <= ?`, so the
 * database serialises concurrent requests on the row and its affected-row count is the answer. A bucket
 * with no row yet is created by `INSERT IGNORE` (which also counts as its first request); a loser of
 * that race retries the UPDATE once. A row whose `tat` has passed means the same as no row, so expired rows
 * are pruned now and then without changing any answer. Both statements are translated by the SQLite
 * integration as well as run on MySQL and MariaDB.
 *
 * With a persistent object cache (Redis, Memcached) only add and increment are atomic, and GCRA needs a
 * compare-and-set, so the cache uses a fixed window of tokens instead: a counter per bucket and window of
 * `capacity / refill per second` seconds, created by wp_cache_add() and bumped by wp_cache_incr(), whose
 * returned value is this request's place in the window. Exactly `capacity` requests per window go
 * through; unlike GCRA, a burst may straddle two windows (up to twice the capacity in a short time).
 *
 * Bucket keys are stored only as a keyed SHA-256 hash, so the table and the cache never hold a raw IP
 * address. When the state cannot be stored (the table cannot be created, the cache refuses a counter) the
 * limiter lets the request through: a broken limiter must not take the site down.
 */
final class RateLimiter {

	/**
	 * Object cache group.
	 */
	private const GROUP = 'switchboard_rate_limit';

	/**
	 * One in this many new buckets prunes expired rows first.
	 */
	private const PRUNE_EVERY = 100;

	/**
	 * Returns the current Unix time in seconds, with a fraction.
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
	 * Takes one token from a bucket.
	 *
	 * @param string $bucket_key Identifies the bucket, e.g. a route and a ClientIp::bucket() value.
	 * @param Policy $policy     The bucket's capacity and refill rate.
	 * @return Decision
	 */
	public function consume( string $bucket_key, Policy $policy ): Decision {
		$key = self::hash( $bucket_key );
		$now = (int) floor( ( $this->clock )() * 1000 );

		if ( wp_using_ext_object_cache() ) {
			return $this->consume_in_cache( $key, $policy, $now );
		}

		$wpdb = $GLOBALS['wpdb'] ?? null;
		if ( ! $wpdb instanceof wpdb || ! Table::ensure( $wpdb ) ) {
			return self::allow_unrecorded( $policy );
		}

		return $this->consume_in_database( $wpdb, $key, $policy, $now );
	}

	/**
	 * Deletes the rows of buckets that are full again (the same as having no row).
	 *
	 * @return int Rows deleted.
	 */
	public function prune(): int {
		$wpdb = $GLOBALS['wpdb'] ?? null;
		if ( wp_using_ext_object_cache() || ! $wpdb instanceof wpdb || ! Table::ensure( $wpdb ) ) {
			return 0;
		}

		$now = (int) floor( ( $this->clock )() * 1000 );
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- the limiter's own table; WPCS 2.3 predates %i.
		$deleted = $wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i WHERE tat < %d', Table::name( $wpdb ), $now ) );
		// phpcs:enable

		return is_int( $deleted ) ? $deleted : 0;
	}

	/**
	 * The stored form of a bucket key: an HMAC with a site secret, so a stored hash of an IP address
	 * cannot be reversed by hashing every address.
	 *
	 * @param string $bucket_key Bucket key.
	 * @return string 64 hex characters.
	 */
	public static function hash( string $bucket_key ): string {
		return hash_hmac( 'sha256', $bucket_key, (string) self::secret() );
	}

	/**
	 * The key of those HMACs: the site's AUTH_KEY and AUTH_SALT from wp-config.php, which the fast path can
	 * read before WordPress has loaded wp_salt() (they are what wp_salt( 'auth' ) returns on a configured
	 * site); wp_salt( 'auth' ) when they are not defined; null when neither is available yet.
	 *
	 * @return string|null
	 */
	public static function secret(): ?string {
		$key  = defined( 'AUTH_KEY' ) ? constant( 'AUTH_KEY' ) : null;
		$salt = defined( 'AUTH_SALT' ) ? constant( 'AUTH_SALT' ) : null;
		if ( is_string( $key ) && is_string( $salt ) && '' !== $key . $salt ) {
			return $key . $salt;
		}

		return function_exists( 'wp_salt' ) ? wp_salt( 'auth' ) : null;
	}

	/**
	 * GCRA on the table (see the class docblock).
	 *
	 * @param wpdb   $wpdb   WordPress's database.
	 * @param string $key    Hashed bucket key.
	 * @param Policy $policy Policy.
	 * @param int    $now    Current time in milliseconds.
	 * @return Decision
	 */
	private function consume_in_database( wpdb $wpdb, string $key, Policy $policy, int $now ): Decision {
		$interval  = $policy->interval_ms();
		$tolerance = ( $policy->capacity - 1 ) * $interval;
		$table     = Table::name( $wpdb );

		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- atomic conditional writes are the point; a cached value would be wrong.
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- WPCS 2.3 predates the %i identifier placeholder (WordPress 6.2); every query is prepared.
		$take = (string) $wpdb->prepare(
			'UPDATE %i SET tat = CASE WHEN tat < %d THEN %d ELSE tat END + %d WHERE key_hash = %s AND tat <= %d',
			$table,
			$now,
			$now,
			$interval,
			$key,
			$now + $tolerance
		);

		$allowed = self::affected_one( $wpdb->query( $take ) );
		if ( ! $allowed ) {
			if ( 0 === random_int( 0, self::PRUNE_EVERY - 1 ) ) {
				$this->prune();
			}
			$inserted = $wpdb->query( (string) $wpdb->prepare( 'INSERT IGNORE INTO %i (key_hash, tat) VALUES (%s, %d)', $table, $key, $now + $interval ) );
			if ( 1 === $inserted ) {
				return self::decide( true, $policy, $now + $interval, $now );
			}
			// Another request created the row between the UPDATE and the INSERT: try once more.
			$allowed = self::affected_one( $wpdb->query( $take ) );
		}

		$tat = $wpdb->get_var( (string) $wpdb->prepare( 'SELECT tat FROM %i WHERE key_hash = %s', $table, $key ) );
		// phpcs:enable

		return self::decide( $allowed, $policy, is_numeric( $tat ) ? (int) $tat : $now, $now );
	}

	/**
	 * Whether a write changed exactly one row.
	 *
	 * @param int|bool $result wpdb::query()'s result.
	 * @return bool
	 */
	private static function affected_one( int|bool $result ): bool {
		return 1 === $result;
	}

	/**
	 * The decision for a bucket whose theoretical arrival time is now `$tat`.
	 *
	 * @param bool   $allowed Whether this request took a token.
	 * @param Policy $policy  Policy.
	 * @param int    $tat     Theoretical arrival time in milliseconds.
	 * @param int    $now     Current time in milliseconds.
	 * @return Decision
	 */
	private static function decide( bool $allowed, Policy $policy, int $tat, int $now ): Decision {
		$interval  = $policy->interval_ms();
		$tolerance = ( $policy->capacity - 1 ) * $interval;
		$slack     = $now + $tolerance - $tat;
		$remaining = $slack < 0 ? 0 : min( $policy->capacity, intdiv( $slack, $interval ) + 1 );
		$reset     = max( 0, (int) ceil( ( $tat - $now ) / 1000 ) );

		if ( $allowed ) {
			return new Decision( true, $policy->capacity, $remaining, 0, $reset );
		}

		$retry_after = max( 1, (int) ceil( ( $tat - $tolerance - $now ) / 1000 ) );
		return new Decision( false, $policy->capacity, 0, $retry_after, max( 1, $reset ) );
	}

	/**
	 * A fixed window of tokens on the object cache (see the class docblock).
	 *
	 * @param string $key    Hashed bucket key.
	 * @param Policy $policy Policy.
	 * @param int    $now    Current time in milliseconds.
	 * @return Decision
	 */
	private function consume_in_cache( string $key, Policy $policy, int $now ): Decision {
		$window    = $policy->window_seconds();
		$index     = intdiv( intdiv( $now, 1000 ), $window );
		$cache_key = $key . ':' . $window . ':' . $index;

		$count = false;
		// The counter may be evicted between add and incr; a second round creates it again.
		for ( $attempt = 0; false === $count && $attempt < 2; ++$attempt ) {
			wp_cache_add( $cache_key, 0, self::GROUP, $window + 1 );
			$count = wp_cache_incr( $cache_key, 1, self::GROUP );
		}
		if ( ! is_int( $count ) ) {
			return self::allow_unrecorded( $policy );
		}

		$reset   = max( 1, (int) ceil( ( ( $index + 1 ) * $window * 1000 - $now ) / 1000 ) );
		$allowed = $count <= $policy->capacity;

		return new Decision( $allowed, $policy->capacity, max( 0, $policy->capacity - $count ), $allowed ? 0 : $reset, $reset );
	}

	/**
	 * The decision when the state cannot be stored: let the request through.
	 *
	 * @param Policy $policy Policy.
	 * @return Decision
	 */
	private static function allow_unrecorded( Policy $policy ): Decision {
		return new Decision( true, $policy->capacity, $policy->capacity - 1, 0, 0 );
	}
}
