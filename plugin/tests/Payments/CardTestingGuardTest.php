<?php
/**
 * Tests the card-testing defence.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Payments;

use Switchboard\Payments\CardTestingGuard;
use Switchboard\Tests\TestCase;

/**
 * Declines are counted once each per client; past the threshold a proof of work is required, and only a real
 * solution of an unexpired token this site signed is accepted, once.
 */
final class CardTestingGuardTest extends TestCase {

	/**
	 * The same decline read again counts once; the third distinct one brings the challenge, for that client only.
	 */
	public function test_repeated_declines_bring_the_challenge(): void {
		$guard = new CardTestingGuard();
		$guard->record_failure( 'client-a', 'pay_1', 'card_declined|1' );
		$guard->record_failure( 'client-a', 'pay_1', 'card_declined|1' );
		$guard->record_failure( 'client-a', 'pay_1', 'card_declined|2' );
		$this->assertSame( 2, $guard->failures( 'client-a' ) );
		$this->assertFalse( $guard->requires_challenge( 'client-a' ) );

		$guard->record_failure( 'client-a', 'pay_2', 'insufficient_funds|3' );
		$this->assertTrue( $guard->requires_challenge( 'client-a' ) );
		$this->assertFalse( $guard->requires_challenge( 'client-b' ) );
	}

	/**
	 * A solved challenge is accepted once; a wrong solution, a tampered or expired token, or a second use is not.
	 */
	public function test_only_a_fresh_solved_token_passes_once(): void {
		$now       = 1_800_000_000;
		$guard     = new CardTestingGuard(
			static function () use ( &$now ): int {
				return $now;
			}
		);
		$challenge = $guard->issue();
		$this->assertSame( 'SHA-256', $challenge['algorithm'] );
		$this->assertSame( CardTestingGuard::DIFFICULTY, $challenge['difficulty'] );

		$solution = self::solve( $challenge['salt'], $challenge['difficulty'] );
		$wrong    = (string) ( (int) $solution + 1 );
		if ( str_starts_with( hash( 'sha256', $challenge['salt'] . $wrong ), str_repeat( '0', $challenge['difficulty'] ) ) ) {
			$wrong = 'x';
		}
		$this->assertFalse( $guard->verify( $challenge['token'], $wrong ) );
		$this->assertFalse( $guard->verify( str_replace( '.' . CardTestingGuard::DIFFICULTY . '.', '.1.', $challenge['token'] ), $solution ), 'A lower difficulty in the token breaks its signature.' );
		$this->assertTrue( $guard->verify( $challenge['token'], $solution ) );
		$this->assertFalse( $guard->verify( $challenge['token'], $solution ), 'Single use.' );

		$late = $guard->issue();
		$now += CardTestingGuard::TOKEN_TTL + 1;
		$this->assertFalse( $guard->verify( $late['token'], self::solve( $late['salt'], $late['difficulty'] ) ), 'Expired.' );
	}

	/**
	 * What the browser does: the first number whose hash after the salt starts with enough zeros.
	 *
	 * @param string $salt       Salt.
	 * @param int    $difficulty Leading zero hex digits.
	 * @return string
	 */
	private static function solve( string $salt, int $difficulty ): string {
		$zeros = str_repeat( '0', $difficulty );
		for ( $n = 0; ; $n++ ) {
			if ( str_starts_with( hash( 'sha256', $salt . $n ), $zeros ) ) {
				return (string) $n;
			}
		}
	}
}
