<?php
/**
 * Signs outbound events and verifies inbound webhooks.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Events;

use Closure;
use WP_Error;
use wpdb;

/**
 * HMAC-SHA256 over `id.timestamp.body` with a secret shared with one service, sent as
 * `Switchboard-Signature: t=<unix>,v1=<hex>` beside `Switchboard-Event-Id`.
 *
 * The secret comes from the constant `SWITCHBOARD_<ID>_WEBHOOK_SECRET`, else the environment variable of the
 * same name, else a generated, non-autoloaded option. It is never sent anywhere but into the HMAC, and never
 * appears in an error. verify() compares in constant time, accepts timestamps within five minutes either way,
 * and remembers each verified id (as a keyed hash, atomically, until its window is over) to refuse replays.
 */
final class Signature {

	/**
	 * Header carrying the timestamp and signature.
	 */
	public const HEADER = 'Switchboard-Signature';

	/**
	 * Header carrying the event id.
	 */
	public const ID_HEADER = 'Switchboard-Event-Id';

	/**
	 * Seconds a timestamp may be away from now, either way.
	 */
	public const TOLERANCE = 300;

	/**
	 * Prefix of the generated secrets' option names.
	 */
	public const SECRET_OPTION_PREFIX = 'switchboard_webhook_secret_';

	/**
	 * Shape of an event id.
	 */
	private const ID_PATTERN = '/^[A-Za-z0-9._:-]{1,128}$/D';

	/**
	 * Returns the current Unix time in seconds.
	 *
	 * @var Closure(): int
	 */
	private Closure $clock;

	/**
	 * Sets the clock.
	 *
	 * @param Closure():int|null $clock Current Unix time; time() when null.
	 */
	public function __construct( ?Closure $clock = null ) {
		$this->clock = $clock ?? static fn(): int => time();
	}

	/**
	 * The secret shared with a service, generating and storing one on first use when none is configured.
	 *
	 * @param string $service_id Service id.
	 * @return string
	 */
	public function secret( string $service_id ): string {
		$secret = self::configured_secret( $service_id );
		if ( null !== $secret ) {
			return $secret;
		}

		$option = self::secret_option( $service_id );
		// add_option() does nothing when another request stored a secret first; the stored one wins.
		add_option( $option, bin2hex( random_bytes( 32 ) ), '', false );
		wp_cache_delete( $option, 'options' );
		$stored = get_option( $option );

		return is_string( $stored ) ? $stored : '';
	}

	/**
	 * Whether a service has a secret already (configured, or generated and stored), without generating one.
	 *
	 * @param string $service_id Service id.
	 * @return bool
	 */
	public function has_secret( string $service_id ): bool {
		return null !== self::configured_secret( $service_id );
	}

	/**
	 * The secret from the constant, the environment or the stored option, or null when there is none.
	 *
	 * @param string $service_id Service id.
	 * @return string|null
	 */
	private static function configured_secret( string $service_id ): ?string {
		$name = self::secret_variable( $service_id );
		if ( defined( $name ) ) {
			$value = constant( $name );
			if ( is_string( $value ) && '' !== $value ) {
				return $value;
			}
		}
		$env = getenv( $name );
		if ( is_string( $env ) && '' !== $env ) {
			return $env;
		}

		$stored = get_option( self::secret_option( $service_id ) );

		return is_string( $stored ) && strlen( $stored ) >= 32 ? $stored : null;
	}

	/**
	 * Name of the option holding a service's generated secret.
	 *
	 * @param string $service_id Service id.
	 * @return string
	 */
	private static function secret_option( string $service_id ): string {
		return self::SECRET_OPTION_PREFIX . str_replace( '-', '_', $service_id );
	}

	/**
	 * Name of the constant and environment variable that configure a service's secret.
	 *
	 * @param string $service_id Service id.
	 * @return string E.g. SWITCHBOARD_SEARCH_WEBHOOK_SECRET.
	 */
	public static function secret_variable( string $service_id ): string {
		return 'SWITCHBOARD_' . strtoupper( str_replace( '-', '_', $service_id ) ) . '_WEBHOOK_SECRET';
	}

	/**
	 * The hex HMAC of an id, timestamp and body.
	 *
	 * @param string $secret    Shared secret.
	 * @param string $id        Event id.
	 * @param int    $timestamp Unix time.
	 * @param string $body      Exact body bytes.
	 * @return string
	 */
	public static function compute( string $secret, string $id, int $timestamp, string $body ): string {
		return hash_hmac( 'sha256', $id . '.' . $timestamp . '.' . $body, $secret );
	}

	/**
	 * The headers that sign a body for a service, stamped now.
	 *
	 * @param string $service_id Service id.
	 * @param string $id         Event id.
	 * @param string $body       Exact body bytes.
	 * @return array<string, string>
	 */
	public function headers( string $service_id, string $id, string $body ): array {
		$now = ( $this->clock )();

		return array(
			self::HEADER    => 't=' . $now . ',v1=' . self::compute( $this->secret( $service_id ), $id, $now, $body ),
			self::ID_HEADER => $id,
		);
	}

	/**
	 * Checks an inbound webhook from a service and remembers its id, so that the same delivery is accepted once.
	 *
	 * @param string $service_id Service the webhook claims to come from.
	 * @param string $id         Value of the Switchboard-Event-Id header.
	 * @param string $header     Value of the Switchboard-Signature header.
	 * @param string $body       Exact body bytes.
	 * @return true|WP_Error Errors have status 400 (malformed), 401 (bad signature or stale) or 409 (replay).
	 */
	public function verify( string $service_id, string $id, string $header, string $body ): bool|WP_Error {
		if ( 1 !== preg_match( self::ID_PATTERN, $id ) ) {
			return self::error( 'switchboard_webhook_bad_id', __( 'The webhook has no valid event id.', 'switchboard' ), 400 );
		}

		$timestamp  = null;
		$signatures = array();
		foreach ( explode( ',', $header ) as $part ) {
			$pair = explode( '=', trim( $part ), 2 );
			if ( 2 !== count( $pair ) ) {
				continue;
			}
			if ( 't' === $pair[0] && 1 === preg_match( '/^[0-9]{1,12}$/D', $pair[1] ) ) {
				$timestamp = (int) $pair[1];
			} elseif ( 'v1' === $pair[0] && 1 === preg_match( '/^[0-9a-f]{64}$/D', $pair[1] ) ) {
				$signatures[] = $pair[1];
			}
		}
		if ( null === $timestamp || array() === $signatures ) {
			return self::error( 'switchboard_webhook_bad_signature', __( 'The webhook signature is missing or malformed.', 'switchboard' ), 400 );
		}

		$now = ( $this->clock )();
		if ( abs( $now - $timestamp ) > self::TOLERANCE ) {
			return self::error( 'switchboard_webhook_stale', __( 'The webhook timestamp is outside the accepted window.', 'switchboard' ), 401 );
		}

		$expected = self::compute( $this->secret( $service_id ), $id, $timestamp, $body );
		$valid    = false;
		foreach ( $signatures as $signature ) {
			// No early exit, so the time taken does not depend on which signature matched.
			$valid = hash_equals( $expected, $signature ) || $valid;
		}
		if ( ! $valid ) {
			return self::error( 'switchboard_webhook_bad_signature', __( 'The webhook signature does not match.', 'switchboard' ), 401 );
		}

		if ( ! $this->remember( $service_id, $id, $now ) ) {
			return self::error( 'switchboard_webhook_replayed', __( 'This webhook was already processed.', 'switchboard' ), 409 );
		}

		return true;
	}

	/**
	 * Forgets a verified id, so that the service's retry of a delivery that could not be processed is accepted.
	 *
	 * @param string $service_id Service id.
	 * @param string $id         Event id.
	 */
	public function forget( string $service_id, string $id ): void {
		$wpdb = $GLOBALS['wpdb'] ?? null;
		if ( ! $wpdb instanceof wpdb || ! Schema::ensure( $wpdb ) ) {
			return;
		}

		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- the ids table's own row; WPCS 2.3 predates %i.
		$wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i WHERE id_hash = %s', Schema::webhook_ids( $wpdb ), self::id_hash( $service_id, $id ) ) );
		// phpcs:enable
	}

	/**
	 * The stored form of a service's event id: keyed with a site salt, so the table reveals no ids.
	 *
	 * @param string $service_id Service id.
	 * @param string $id         Event id.
	 * @return string
	 */
	private static function id_hash( string $service_id, string $id ): string {
		return hash_hmac( 'sha256', $service_id . "\n" . $id, wp_salt( 'auth' ) );
	}

	/**
	 * Records a verified id atomically; false when it was already recorded and has not expired.
	 *
	 * Rows live for twice the window: any delivery older than that is refused by its timestamp anyway.
	 *
	 * @param string $service_id Service id.
	 * @param string $id         Event id.
	 * @param int    $now        Unix time.
	 * @return bool Whether the id is new.
	 */
	private function remember( string $service_id, string $id, int $now ): bool {
		$wpdb = $GLOBALS['wpdb'] ?? null;
		if ( ! $wpdb instanceof wpdb || ! Schema::ensure( $wpdb ) ) {
			return false;
		}
		$table = Schema::webhook_ids( $wpdb );
		$hash  = self::id_hash( $service_id, $id );

		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- atomic conditional writes are the point; a cached value would be wrong.
		// phpcs:disable WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- WPCS 2.3 predates the %i identifier placeholder (WordPress 6.2); every query is prepared.
		$wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i WHERE expires_at < %d', $table, $now ) );
		$inserted = $wpdb->query( (string) $wpdb->prepare( 'INSERT IGNORE INTO %i (id_hash, expires_at) VALUES (%s, %d)', $table, $hash, $now + 2 * self::TOLERANCE ) );
		// phpcs:enable

		return 1 === $inserted;
	}

	/**
	 * An error with only a status as data.
	 *
	 * @param string $code    Stable code.
	 * @param string $message Message.
	 * @param int    $status  HTTP status.
	 * @return WP_Error
	 */
	private static function error( string $code, string $message, int $status ): WP_Error {
		return new WP_Error( $code, $message, array( 'status' => $status ) );
	}
}
