<?php
/**
 * The site's Ed25519 signing keys.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Identity;

use Closure;
use InvalidArgumentException;

/**
 * Holds the key that signs service tokens, and the keys it replaced while their grace period runs.
 *
 * Keys live in one option that is not autoloaded (so the secret keys are read only by requests that sign),
 * named with the plugin's prefix so the uninstaller removes it. The first key is made on first use.
 * rotate() makes a new current key and keeps the previous one published for the grace period, so tokens
 * signed just before a rotation still verify; after that, it is dropped.
 */
final class KeyRing {

	/**
	 * Option holding the keys.
	 */
	public const OPTION = 'switchboard_identity_keys';

	/**
	 * Default grace period of a replaced key, in seconds.
	 */
	public const DEFAULT_GRACE_PERIOD = DAY_IN_SECONDS;

	/**
	 * Default age after which the daily job rotates the current key, in seconds.
	 */
	public const DEFAULT_MAX_AGE = 30 * DAY_IN_SECONDS;

	/**
	 * Returns the current Unix time.
	 *
	 * @var Closure(): int
	 */
	private readonly Closure $clock;

	/**
	 * Sets the clock.
	 *
	 * @param (Closure(): int)|null $clock Current Unix time; the system clock when null.
	 */
	public function __construct( ?Closure $clock = null ) {
		$this->clock = $clock ?? static fn (): int => time();
	}

	/**
	 * The key that signs now, made (and stored) if there is none yet.
	 *
	 * @return SigningKey
	 */
	public function current(): SigningKey {
		$keys = $this->load();
		if ( array() === $keys ) {
			$keys = $this->create_first_key();
		}

		$last = $keys[ count( $keys ) - 1 ];

		// The last key is current unless something other than this class wrote the option.
		return null === $last->retired_at ? $last : $this->rotate();
	}

	/**
	 * The keys to publish: the current one first, then replaced keys still in their grace period.
	 *
	 * @return non-empty-list<SigningKey>
	 */
	public function published(): array {
		$current = $this->current();
		$now     = ( $this->clock )();
		$grace   = $this->grace_period();
		$keys    = array( $current );
		foreach ( array_reverse( $this->load() ) as $key ) {
			if ( null !== $key->retired_at && $now < $key->retired_at + $grace ) {
				$keys[] = $key;
			}
		}

		return $keys;
	}

	/**
	 * Makes a new current key; the previous one stays published for the grace period.
	 *
	 * @return SigningKey The new current key.
	 */
	public function rotate(): SigningKey {
		$now  = ( $this->clock )();
		$keys = array();
		foreach ( $this->load() as $key ) {
			$keys[] = null === $key->retired_at ? $key->retire( $now ) : $key;
		}
		$new    = SigningKey::generate( $now );
		$keys[] = $new;
		$this->save( $this->without_expired( $keys ) );

		return $new;
	}

	/**
	 * The daily job: rotates the current key once it is older than the maximum age, and drops replaced keys
	 * whose grace period is over.
	 *
	 * @return bool Whether the key was rotated.
	 */
	public function rotate_if_due(): bool {
		$current = $this->current();
		if ( ( $this->clock )() - $current->created_at >= $this->max_age() ) {
			$this->rotate();
			return true;
		}

		$keys = $this->load();
		$kept = $this->without_expired( $keys );
		if ( count( $kept ) !== count( $keys ) ) {
			$this->save( $kept );
		}

		return false;
	}

	/**
	 * How long a replaced key stays published, in seconds (filter `switchboard_identity_key_grace_period`).
	 *
	 * Never shorter than the longest token lifetime, so no token outlives the key that verifies it.
	 *
	 * @return int
	 */
	public function grace_period(): int {
		$grace = apply_filters( 'switchboard_identity_key_grace_period', self::DEFAULT_GRACE_PERIOD );

		return max( JwtSigner::MAX_TTL, is_numeric( $grace ) ? (int) $grace : self::DEFAULT_GRACE_PERIOD );
	}

	/**
	 * Age at which the daily job rotates the current key, in seconds (filter `switchboard_identity_key_max_age`).
	 *
	 * @return int
	 */
	public function max_age(): int {
		$age = apply_filters( 'switchboard_identity_key_max_age', self::DEFAULT_MAX_AGE );

		return max( HOUR_IN_SECONDS, is_numeric( $age ) ? (int) $age : self::DEFAULT_MAX_AGE );
	}

	/**
	 * Keeps the current key and the replaced keys still in their grace period.
	 *
	 * @param list<SigningKey> $keys Keys, oldest first.
	 * @return list<SigningKey>
	 */
	private function without_expired( array $keys ): array {
		$now   = ( $this->clock )();
		$grace = $this->grace_period();

		return array_values(
			array_filter(
				$keys,
				static fn ( SigningKey $key ): bool => null === $key->retired_at || $now < $key->retired_at + $grace
			)
		);
	}

	/**
	 * Stores the first key, then reads the option back: when another request stored a key at the same
	 * moment, both then sign with whichever was written last rather than each with its own.
	 *
	 * @return non-empty-list<SigningKey>
	 */
	private function create_first_key(): array {
		$first = array( SigningKey::generate( ( $this->clock )() ) );
		if ( ! add_option( self::OPTION, $this->encode( $first ), '', false ) ) {
			// The option exists but holds no usable key (load() found none): replace it.
			$this->save( $first );
		}
		wp_cache_delete( self::OPTION, 'options' );
		$keys = $this->load();

		return array() === $keys ? $first : $keys;
	}

	/**
	 * Writes the keys, not autoloaded.
	 *
	 * @param list<SigningKey> $keys Keys, oldest first; the last is current.
	 */
	private function save( array $keys ): void {
		update_option( self::OPTION, $this->encode( $keys ), false );
	}

	/**
	 * Reads the stored keys, skipping any entry that is not a valid key.
	 *
	 * @return list<SigningKey> Oldest first; the last one is current.
	 */
	private function load(): array {
		$stored = get_option( self::OPTION, array() );
		$keys   = array();
		foreach ( is_array( $stored ) ? $stored : array() as $entry ) {
			if ( ! is_array( $entry ) || ! isset( $entry['secret'], $entry['created'] ) || ! is_string( $entry['secret'] ) || ! is_int( $entry['created'] ) ) {
				continue;
			}
			$retired = isset( $entry['retired'] ) && is_int( $entry['retired'] ) ? $entry['retired'] : null;
			try {
				$keys[] = SigningKey::from_secret_key( Base64Url::decode( $entry['secret'] ), $entry['created'], $retired );
			} catch ( InvalidArgumentException $e ) {
				continue;
			}
		}

		return $keys;
	}

	/**
	 * The option value for a list of keys.
	 *
	 * @param list<SigningKey> $keys Keys, oldest first.
	 * @return list<array{secret: string, created: int, retired: int|null}>
	 */
	private function encode( array $keys ): array {
		return array_map(
			static fn ( SigningKey $key ): array => array(
				'secret'  => Base64Url::encode( $key->secret_key_for_storage() ),
				'created' => $key->created_at,
				'retired' => $key->retired_at,
			),
			$keys
		);
	}
}
