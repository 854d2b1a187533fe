<?php
/**
 * Per-service circuit breaker with state shared across PHP processes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

use Closure;
use wpdb;

/**
 * Stops calling a service that keeps failing, and lets one probe through after a cool-down.
 *
 * Closed: calls go through; `threshold` consecutive failures within `window` seconds open it. Open: calls are
 * refused at once for `cooldown` seconds. Half-open: exactly one caller wins an atomic lock and probes;
 * its success closes the circuit, its failure opens it again.
 *
 * State lives in the persistent object cache when there is one, otherwise in a non-autoloaded option, so
 * every PHP process sees it. The probe lock is an atomic add (wp_cache_add, or INSERT IGNORE on the options
 * table), never a check-then-set.
 */
final class CircuitBreaker {

	/**
	 * Calls may go through.
	 */
	public const CLOSED = 'closed';

	/**
	 * Calls are refused.
	 */
	public const OPEN = 'open';

	/**
	 * The cool-down is over; one probe may go through.
	 */
	public const HALF_OPEN = 'half-open';

	/**
	 * Object cache group.
	 */
	private const GROUP = 'switchboard_circuit';

	/**
	 * Prefix of the option names and cache keys.
	 */
	private const PREFIX = 'switchboard_circuit_';

	/**
	 * Returns the current Unix time in seconds.
	 *
	 * @var Closure(): int
	 */
	private Closure $clock;

	/**
	 * Sets the thresholds.
	 *
	 * @param int                $threshold Consecutive failures that open the circuit.
	 * @param int                $window    Seconds within which those failures must fall.
	 * @param int                $cooldown  Seconds the circuit stays open before a probe.
	 * @param Closure():int|null $clock    Current Unix time; time() when null.
	 */
	public function __construct(
		private readonly int $threshold = 5,
		private readonly int $window = 60,
		private readonly int $cooldown = 30,
		?Closure $clock = null
	) {
		$this->clock = $clock ?? static fn(): int => time();
	}

	/**
	 * A breaker with the site's settings: the defaults, or what the `switchboard_circuit_breaker` filter
	 * returns (`threshold` 1-100 failures, `window` and `cooldown` 1-3600 seconds).
	 *
	 * @return self
	 */
	public static function configured(): self {
		$defaults = array(
			'threshold' => 5,
			'window'    => 60,
			'cooldown'  => 30,
		);
		/**
		 * Filters the circuit breaker's settings for every service.
		 *
		 * @param array{threshold: int, window: int, cooldown: int} $settings Consecutive failures that open the
		 *                                                                    circuit, the seconds they must fall
		 *                                                                    within, and the seconds it stays open.
		 */
		$settings = apply_filters( 'switchboard_circuit_breaker', $defaults );
		$settings = is_array( $settings ) ? $settings : $defaults;
		$read     = static function ( string $name, int $max ) use ( $settings, $defaults ): int {
			$value = $settings[ $name ] ?? $defaults[ $name ];
			return is_int( $value ) ? max( 1, min( $max, $value ) ) : $defaults[ $name ];
		};

		return new self( $read( 'threshold', 100 ), $read( 'window', 3600 ), $read( 'cooldown', 3600 ) );
	}

	/**
	 * Asks to call a service.
	 *
	 * @param Service $service Service.
	 * @return string CLOSED (go), HALF_OPEN (go: this caller is the probe) or OPEN (do not call).
	 */
	public function acquire( Service $service ): string {
		$state = $this->load( $service );
		if ( null === $state['opened_at'] ) {
			return self::CLOSED;
		}
		if ( $this->now() < $state['opened_at'] + $this->cooldown ) {
			return self::OPEN;
		}

		return $this->lock( $service ) ? self::HALF_OPEN : self::OPEN;
	}

	/**
	 * Records a successful call: the circuit closes and the failure count resets.
	 *
	 * @param Service $service Service.
	 */
	public function record_success( Service $service ): void {
		$state    = $this->load( $service );
		$was_open = null !== $state['opened_at'];
		if ( 0 !== $state['failures'] || $was_open ) {
			$state['failures']         = 0;
			$state['first_failure_at'] = null;
			$state['opened_at']        = null;
			$this->save( $service, $state );
		}
		if ( $was_open ) {
			$this->unlock( $service );
		}
	}

	/**
	 * Records a failed call.
	 *
	 * @param Service $service Service.
	 * @param string  $code    Stable error code (the gateway's own, never upstream text).
	 * @param string  $message The gateway's own error message.
	 */
	public function record_failure( Service $service, string $code, string $message ): void {
		$state    = $this->load( $service );
		$now      = $this->now();
		$was_open = null !== $state['opened_at'];

		if ( $was_open ) {
			$state['opened_at'] = $now;
		} else {
			if ( null === $state['first_failure_at'] || $now - $state['first_failure_at'] > $this->window ) {
				$state['failures']         = 0;
				$state['first_failure_at'] = $now;
			}
			++$state['failures'];
			if ( $state['failures'] >= $this->threshold ) {
				$state['opened_at'] = $now;
			}
		}
		$state['last_failure'] = array(
			'time'    => $now,
			'code'    => $code,
			'message' => $message,
		);

		$this->save( $service, $state );
		if ( $was_open ) {
			$this->unlock( $service );
		}
	}

	/**
	 * The circuit's state for the admin view.
	 *
	 * @param Service $service Service.
	 * @return array{state: string, failures: int, opened_at: int|null, retry_at: int|null, last_failure: array{time: int, code: string, message: string}|null}
	 */
	public function status( Service $service ): array {
		$state = $this->load( $service );
		$name  = self::CLOSED;
		if ( null !== $state['opened_at'] ) {
			$name = $this->now() < $state['opened_at'] + $this->cooldown ? self::OPEN : self::HALF_OPEN;
		}

		return array(
			'state'        => $name,
			'failures'     => $state['failures'],
			'opened_at'    => $state['opened_at'],
			'retry_at'     => null === $state['opened_at'] ? null : $state['opened_at'] + $this->cooldown,
			'last_failure' => $state['last_failure'],
		);
	}

	/**
	 * Forgets everything about a service's circuit.
	 *
	 * @param Service $service Service.
	 */
	public function reset( Service $service ): void {
		if ( wp_using_ext_object_cache() ) {
			wp_cache_delete( self::PREFIX . $service->id, self::GROUP );
		} else {
			delete_option( self::PREFIX . $service->id );
		}
		$this->unlock( $service );
	}

	/**
	 * Current time.
	 *
	 * @return int
	 */
	private function now(): int {
		return ( $this->clock )();
	}

	/**
	 * Reads the stored state.
	 *
	 * @param Service $service Service.
	 * @return array{failures: int, first_failure_at: int|null, opened_at: int|null, last_failure: array{time: int, code: string, message: string}|null}
	 */
	private function load( Service $service ): array {
		$stored = wp_using_ext_object_cache()
			? wp_cache_get( self::PREFIX . $service->id, self::GROUP )
			: get_option( self::PREFIX . $service->id, array() );
		$stored = is_array( $stored ) ? $stored : array();

		$last = $stored['last_failure'] ?? null;
		if ( ! is_array( $last ) || ! is_int( $last['time'] ?? null ) || ! is_string( $last['code'] ?? null ) || ! is_string( $last['message'] ?? null ) ) {
			$last = null;
		} else {
			$last = array(
				'time'    => $last['time'],
				'code'    => $last['code'],
				'message' => $last['message'],
			);
		}

		return array(
			'failures'         => is_int( $stored['failures'] ?? null ) ? $stored['failures'] : 0,
			'first_failure_at' => is_int( $stored['first_failure_at'] ?? null ) ? $stored['first_failure_at'] : null,
			'opened_at'        => is_int( $stored['opened_at'] ?? null ) ? $stored['opened_at'] : null,
			'last_failure'     => $last,
		);
	}

	/**
	 * Writes the state.
	 *
	 * @param Service                                                                                                                                   $service Service.
	 * @param array{failures: int, first_failure_at: int|null, opened_at: int|null, last_failure: array{time: int, code: string, message: string}|null} $state   State.
	 */
	private function save( Service $service, array $state ): void {
		if ( wp_using_ext_object_cache() ) {
			wp_cache_set( self::PREFIX . $service->id, $state, self::GROUP );
		} else {
			update_option( self::PREFIX . $service->id, $state, false );
		}
	}

	/**
	 * Takes the probe lock atomically; a lock older than the cool-down (its holder died) is broken first.
	 *
	 * @param Service $service Service.
	 * @return bool Whether this caller holds the lock.
	 */
	private function lock( Service $service ): bool {
		$key = self::PREFIX . 'probe_' . $service->id;
		$now = $this->now();

		if ( wp_using_ext_object_cache() ) {
			return wp_cache_add( $key, $now, self::GROUP, max( 1, $this->cooldown ) );
		}

		$wpdb = $GLOBALS['wpdb'] ?? null;
		if ( ! $wpdb instanceof wpdb ) {
			return false;
		}
		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- an atomic insert is the point; the options API has no add-if-absent.
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- WPCS 2.3 predates the %i identifier placeholder (WordPress 6.2); every query is prepared.
		$held = $wpdb->get_var( (string) $wpdb->prepare( 'SELECT option_value FROM %i WHERE option_name = %s', $wpdb->options, $key ) );
		if ( is_string( $held ) && (int) $held + $this->cooldown <= $now ) {
			$wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i WHERE option_name = %s AND option_value = %s', $wpdb->options, $key, $held ) );
		}
		$inserted = $wpdb->query( (string) $wpdb->prepare( "INSERT IGNORE INTO %i (option_name, option_value, autoload) VALUES (%s, %s, 'off')", $wpdb->options, $key, (string) $now ) );
		// phpcs:enable

		return 1 === $inserted;
	}

	/**
	 * Releases the probe lock.
	 *
	 * @param Service $service Service.
	 */
	private function unlock( Service $service ): void {
		$key = self::PREFIX . 'probe_' . $service->id;
		if ( wp_using_ext_object_cache() ) {
			wp_cache_delete( $key, self::GROUP );
			return;
		}

		$wpdb = $GLOBALS['wpdb'] ?? null;
		if ( $wpdb instanceof wpdb ) {
			$wpdb->delete( $wpdb->options, array( 'option_name' => $key ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- pairs with the atomic insert in lock().
		}
	}
}
