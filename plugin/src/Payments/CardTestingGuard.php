<?php
/**
 * Card-testing defence: after repeated declines from one client, new payments need a proof of work.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Payments;

use Closure;

/**
 * Card testers try stolen numbers through any payment form they find, many declines from one place. The
 * gateway already limits how many payments a client may start (a rate limit on the start route), and the
 * payment service closes a payment after a few declined tries. This guard adds the challenge: once a client
 * (its rate-limit bucket, an IP or an IPv6 /64) has had FAILURES_BEFORE_CHALLENGE declines within WINDOW
 * seconds, starting a payment needs a solved proof of work: find a number whose SHA-256, after the salt, starts
 * with DIFFICULTY zero hex digits. A browser solves it in a second or two with crypto.subtle; a script testing
 * thousands of cards pays that for every payment. No third party (these machines reach none) and nothing for a
 * visitor to see or solve by hand, so it is as accessible as the form itself.
 *
 * Tokens are HMAC-signed (`wp_salt( 'nonce' )`), expire after TOKEN_TTL seconds and are single use.
 */
final class CardTestingGuard {

	/**
	 * Declines a client may have before it is challenged.
	 */
	public const FAILURES_BEFORE_CHALLENGE = 3;

	/**
	 * Seconds a decline counts for.
	 */
	public const WINDOW = 3600;

	/**
	 * Leading zero hex digits a solution's hash needs (16^4 = 65,536 tries on average).
	 */
	public const DIFFICULTY = 4;

	/**
	 * Seconds a challenge may be solved in.
	 */
	public const TOKEN_TTL = 300;

	/**
	 * Returns the current Unix time.
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
	 * Counts a declined try, once per payment and error (a visitor's status reads repeat the same one).
	 *
	 * @param string $bucket  The client's rate-limit bucket.
	 * @param string $payment Payment id.
	 * @param string $error   The decline's code and time, telling tries apart.
	 */
	public function record_failure( string $bucket, string $payment, string $error ): void {
		$seen = 'switchboard_pay_seen_' . self::hash( $payment . '|' . $error );
		if ( false !== get_transient( $seen ) ) {
			return;
		}
		set_transient( $seen, 1, self::WINDOW );
		$key = self::failures_key( $bucket );
		set_transient( $key, $this->failures( $bucket ) + 1, self::WINDOW );
	}

	/**
	 * Declines counted for a client in the window.
	 *
	 * @param string $bucket The client's bucket.
	 * @return int
	 */
	public function failures( string $bucket ): int {
		$count = get_transient( self::failures_key( $bucket ) );

		return is_numeric( $count ) ? (int) $count : 0;
	}

	/**
	 * Whether a client must solve a challenge before starting a payment.
	 *
	 * @param string $bucket The client's bucket.
	 * @return bool
	 */
	public function requires_challenge( string $bucket ): bool {
		return $this->failures( $bucket ) >= self::FAILURES_BEFORE_CHALLENGE;
	}

	/**
	 * A new challenge.
	 *
	 * @return array{token: string, algorithm: string, salt: string, difficulty: int}
	 */
	public function issue(): array {
		$salt    = bin2hex( random_bytes( 16 ) );
		$payload = $salt . '.' . self::DIFFICULTY . '.' . ( ( $this->clock )() + self::TOKEN_TTL );

		return array(
			'token'      => $payload . '.' . self::sign( $payload ),
			'algorithm'  => 'SHA-256',
			'salt'       => $salt,
			'difficulty' => self::DIFFICULTY,
		);
	}

	/**
	 * Whether a solution answers a token this site issued, in time, for the first time.
	 *
	 * @param string $token    Token from issue().
	 * @param string $solution The decimal number the browser found.
	 * @return bool
	 */
	public function verify( string $token, string $solution ): bool {
		$parts = explode( '.', $token );
		if ( 4 !== count( $parts ) || 1 !== preg_match( '/^\d{1,12}$/D', $solution ) ) {
			return false;
		}
		list( $salt, $difficulty, $expires, $signature ) = $parts;
		$payload = $salt . '.' . $difficulty . '.' . $expires;
		if ( ! hash_equals( self::sign( $payload ), $signature ) || (int) $expires < ( $this->clock )() || (int) $difficulty < 1 ) {
			return false;
		}
		if ( ! str_starts_with( hash( 'sha256', $salt . $solution ), str_repeat( '0', (int) $difficulty ) ) ) {
			return false;
		}

		// Single use: the first request with this token takes it.
		$used = 'switchboard_pay_pow_' . self::hash( $salt );
		if ( false !== get_transient( $used ) ) {
			return false;
		}
		set_transient( $used, 1, self::TOKEN_TTL );

		return true;
	}

	/**
	 * The transient counting a client's declines.
	 *
	 * @param string $bucket Bucket.
	 * @return string
	 */
	private static function failures_key( string $bucket ): string {
		return 'switchboard_pay_fail_' . self::hash( $bucket );
	}

	/**
	 * A short keyed hash (transient names are at most 172 characters, and hold no address in clear).
	 *
	 * @param string $value Value.
	 * @return string
	 */
	private static function hash( string $value ): string {
		return substr( hash_hmac( 'sha256', $value, wp_salt( 'nonce' ) ), 0, 40 );
	}

	/**
	 * The token's signature.
	 *
	 * @param string $payload Salt, difficulty and expiry.
	 * @return string
	 */
	private static function sign( string $payload ): string {
		return hash_hmac( 'sha256', 'switchboard-pow|' . $payload, wp_salt( 'nonce' ) );
	}
}
