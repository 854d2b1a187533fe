<?php
/**
 * Tests signing and verifying webhooks.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Events;

use Switchboard\Events\Signature;
use Switchboard\Tests\TestCase;
use WP_Error;

/**
 * A signature verifies once, within five minutes, for the exact body, id and secret.
 */
final class SignatureTest extends TestCase {

	/**
	 * The injected time.
	 *
	 * @var int
	 */
	private int $now = 1_800_000_000;

	/**
	 * A signature made for a service verifies for it, once.
	 */
	public function test_verifies_once_then_refuses_the_replay(): void {
		$signature = $this->signature();
		$headers   = $signature->headers( 'search', 'evt-1', '{"a":1}' );

		$this->assertSame( 'evt-1', $headers[ Signature::ID_HEADER ] );
		$this->assertMatchesRegularExpression( '/^t=1800000000,v1=[0-9a-f]{64}$/', $headers[ Signature::HEADER ] );
		$this->assertTrue( $signature->verify( 'search', 'evt-1', $headers[ Signature::HEADER ], '{"a":1}' ) );
		$this->assert_error( 'switchboard_webhook_replayed', 409, $signature->verify( 'search', 'evt-1', $headers[ Signature::HEADER ], '{"a":1}' ) );
	}

	/**
	 * A changed body, id or secret, a forged or malformed header are refused, and refusals are not remembered.
	 */
	public function test_refuses_tampering_and_wrong_secrets(): void {
		$signature = $this->signature();
		$header    = $signature->headers( 'search', 'evt-2', '{"a":1}' )[ Signature::HEADER ];

		$this->assert_error( 'switchboard_webhook_bad_signature', 401, $signature->verify( 'search', 'evt-2', $header, '{"a":2}' ) );
		$this->assert_error( 'switchboard_webhook_bad_signature', 401, $signature->verify( 'search', 'evt-3', $header, '{"a":1}' ) );
		$this->assert_error( 'switchboard_webhook_bad_signature', 401, $signature->verify( 'feed', 'evt-2', $header, '{"a":1}' ) );
		$forged = 't=' . $this->now . ',v1=' . Signature::compute( 'not-the-secret', 'evt-2', $this->now, '{"a":1}' );
		$this->assert_error( 'switchboard_webhook_bad_signature', 401, $signature->verify( 'search', 'evt-2', $forged, '{"a":1}' ) );
		$this->assert_error( 'switchboard_webhook_bad_signature', 400, $signature->verify( 'search', 'evt-2', 'v1=abc', '{"a":1}' ) );
		$this->assert_error( 'switchboard_webhook_bad_signature', 400, $signature->verify( 'search', 'evt-2', '', '{"a":1}' ) );
		$this->assert_error( 'switchboard_webhook_bad_id', 400, $signature->verify( 'search', "evt\n2", $header, '{"a":1}' ) );

		$this->assertTrue( $signature->verify( 'search', 'evt-2', 'v1=' . str_repeat( '0', 64 ) . ',' . $header, '{"a":1}' ), 'Any listed v1 may match.' );
	}

	/**
	 * Timestamps more than five minutes away, either way, are refused.
	 */
	public function test_refuses_old_and_future_timestamps(): void {
		$signature = $this->signature();
		$secret    = $signature->secret( 'search' );
		$at        = fn( int $t ): string => 't=' . $t . ',v1=' . Signature::compute( $secret, 'evt-' . $t, $t, 'body' );

		$this->assert_error( 'switchboard_webhook_stale', 401, $signature->verify( 'search', 'evt-' . ( $this->now - 301 ), $at( $this->now - 301 ), 'body' ) );
		$this->assert_error( 'switchboard_webhook_stale', 401, $signature->verify( 'search', 'evt-' . ( $this->now + 301 ), $at( $this->now + 301 ), 'body' ) );
		$this->assertTrue( $signature->verify( 'search', 'evt-' . ( $this->now - 300 ), $at( $this->now - 300 ), 'body' ) );
		$this->assertTrue( $signature->verify( 'search', 'evt-' . ( $this->now + 300 ), $at( $this->now + 300 ), 'body' ) );
	}

	/**
	 * A remembered id is refused for as long as its signature could still be valid.
	 */
	public function test_remembers_ids_for_the_whole_window(): void {
		$signature = $this->signature();
		$header    = $signature->headers( 'search', 'evt-late', 'x' )[ Signature::HEADER ];
		$this->assertTrue( $signature->verify( 'search', 'evt-late', $header, 'x' ) );

		$this->now += Signature::TOLERANCE;
		$this->assert_error( 'switchboard_webhook_replayed', 409, $signature->verify( 'search', 'evt-late', $header, 'x' ) );
		$this->now += 1;
		$this->assert_error( 'switchboard_webhook_stale', 401, $signature->verify( 'search', 'evt-late', $header, 'x' ) );
	}

	/**
	 * Without configuration, each service gets its own generated secret, stored once and not autoloaded.
	 */
	public function test_generates_a_stored_secret_per_service(): void {
		$signature = $this->signature();
		$search    = $signature->secret( 'search' );

		$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $search );
		$this->assertSame( $search, $signature->secret( 'search' ) );
		$this->assertSame( $search, ( new Signature() )->secret( 'search' ) );
		$this->assertNotSame( $search, $signature->secret( 'feed' ) );
		$wpdb = $this->wpdb();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders -- checking the stored row itself; %i postdates WPCS 2.3.
		$autoload = $wpdb->get_var( $wpdb->prepare( 'SELECT autoload FROM %i WHERE option_name = %s', $wpdb->options, Signature::SECRET_OPTION_PREFIX . 'search' ) );
		$this->assertContains( $autoload, array( 'no', 'off' ) );
	}

	/**
	 * An environment variable overrides the stored secret.
	 */
	public function test_environment_secret_wins(): void {
		putenv( Signature::secret_variable( 'feed' ) . '=from-the-environment' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_putenv -- the environment is the configuration under test.
		try {
			$this->assertSame( 'SWITCHBOARD_FEED_WEBHOOK_SECRET', Signature::secret_variable( 'feed' ) );
			$this->assertSame( 'from-the-environment', $this->signature()->secret( 'feed' ) );
			$header = 't=' . $this->now . ',v1=' . Signature::compute( 'from-the-environment', 'e', $this->now, 'b' );
			$this->assertTrue( $this->signature()->verify( 'feed', 'e', $header, 'b' ) );
		} finally {
			putenv( Signature::secret_variable( 'feed' ) ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.runtime_configuration_putenv -- restores the environment.
		}
	}

	/**
	 * A signature with the injected clock.
	 *
	 * @return Signature
	 */
	private function signature(): Signature {
		return new Signature( fn(): int => $this->now );
	}

	/**
	 * Asserts an error's code and status.
	 *
	 * @param string $code   Expected code.
	 * @param int    $status Expected status.
	 * @param mixed  $result Result.
	 */
	private function assert_error( string $code, int $status, mixed $result ): void {
		$this->assertInstanceOf( WP_Error::class, $result );
		$this->assertSame( $code, $result->get_error_code() );
		$this->assertSame( array( 'status' => $status ), $result->get_error_data() );
	}
}
