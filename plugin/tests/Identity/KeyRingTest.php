<?php
/**
 * Tests the site's key ring.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Identity;

use Switchboard\Identity\KeyRing;
use Switchboard\Identity\SigningKey;
use Switchboard\Tests\TestCase;

/**
 * The first key is made lazily and stored without autoloading; rotation keeps the previous key published
 * for the grace period, then drops it; the daily job rotates keys past their maximum age.
 */
final class KeyRingTest extends TestCase {

	/**
	 * Current time of the ring's clock, moved by the tests.
	 *
	 * @var int
	 */
	private int $now = 1700000000;

	/**
	 * A ring on the test clock.
	 *
	 * @return KeyRing
	 */
	private function ring(): KeyRing {
		return new KeyRing( fn (): int => $this->now );
	}

	/**
	 * Kids of the published keys.
	 *
	 * @param KeyRing $ring Key ring.
	 * @return list<string>
	 */
	private static function published_kids( KeyRing $ring ): array {
		return array_map( static fn ( SigningKey $key ): string => $key->kid(), $ring->published() );
	}

	/**
	 * The first key is created on first use, kept, and stored in a non-autoloaded option.
	 */
	public function test_creates_the_first_key_lazily_in_a_non_autoloaded_option(): void {
		$this->assertFalse( get_option( KeyRing::OPTION ) );

		$key = $this->ring()->current();

		$this->assertSame( $this->now, $key->created_at );
		$this->assertSame( $key->kid(), $this->ring()->current()->kid() );
		wp_cache_delete( 'alloptions', 'options' );
		$this->assertArrayNotHasKey( KeyRing::OPTION, wp_load_alloptions() );
		$this->assertStringStartsWith( 'switchboard_', KeyRing::OPTION, 'The uninstaller removes options by this prefix.' );
	}

	/**
	 * A replaced key stays published during the grace period and is dropped after it.
	 */
	public function test_rotation_keeps_the_previous_key_for_the_grace_period(): void {
		$ring = $this->ring();
		$old  = $ring->current();

		$this->now += 100;
		$new        = $ring->rotate();

		$this->assertNotSame( $old->kid(), $new->kid() );
		$this->assertSame( $new->kid(), $ring->current()->kid() );
		$this->assertSame( array( $new->kid(), $old->kid() ), self::published_kids( $ring ) );

		$this->now += DAY_IN_SECONDS - 1;
		$this->assertSame( array( $new->kid(), $old->kid() ), self::published_kids( $ring ) );

		$this->now += 1;
		$this->assertSame( array( $new->kid() ), self::published_kids( $ring ) );

		// The next write drops it from storage as well.
		$this->assertFalse( $ring->rotate_if_due() );
		$stored = get_option( KeyRing::OPTION );
		$this->assertIsArray( $stored );
		$this->assertCount( 1, $stored );
	}

	/**
	 * The grace period is filterable, but never shorter than a token's longest lifetime.
	 */
	public function test_grace_period_filter(): void {
		add_filter( 'switchboard_identity_key_grace_period', static fn (): int => HOUR_IN_SECONDS );
		$ring = $this->ring();
		$old  = $ring->current();
		$ring->rotate();

		$this->now += HOUR_IN_SECONDS - 1;
		$this->assertContains( $old->kid(), self::published_kids( $ring ) );
		$this->now += 1;
		$this->assertNotContains( $old->kid(), self::published_kids( $ring ) );

		add_filter( 'switchboard_identity_key_grace_period', static fn (): int => 0, 20 );
		$this->assertSame( 60, $ring->grace_period() );
	}

	/**
	 * The daily job rotates only keys that reached the maximum age (filterable).
	 */
	public function test_rotate_if_due(): void {
		$ring  = $this->ring();
		$first = $ring->current();

		$this->now += 30 * DAY_IN_SECONDS - 1;
		$this->assertFalse( $ring->rotate_if_due() );
		$this->assertSame( $first->kid(), $ring->current()->kid() );

		$this->now += 1;
		$this->assertTrue( $ring->rotate_if_due() );
		$this->assertNotSame( $first->kid(), $ring->current()->kid() );
		$this->assertContains( $first->kid(), self::published_kids( $ring ) );

		add_filter( 'switchboard_identity_key_max_age', static fn (): int => 7 * DAY_IN_SECONDS );
		$second     = $ring->current();
		$this->now += 7 * DAY_IN_SECONDS;
		$this->assertTrue( $ring->rotate_if_due() );
		$this->assertNotSame( $second->kid(), $ring->current()->kid() );
		$this->assertSame( array( $ring->current()->kid(), $second->kid() ), self::published_kids( $ring ), 'The first key\'s grace ended days ago.' );
	}

	/**
	 * Unusable stored entries are skipped, and a ring with no usable key gets a new one.
	 */
	public function test_recovers_from_a_corrupt_option(): void {
		update_option(
			KeyRing::OPTION,
			array(
				'garbage',
				array(
					'secret'  => 'not base64url!',
					'created' => 1,
				),
			),
			false
		);

		$key = $this->ring()->current();

		$this->assertSame( $key->kid(), $this->ring()->current()->kid() );
	}
}
