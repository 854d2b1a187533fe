<?php
/**
 * Tests when the dispatcher runs.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Events;

use RuntimeException;
use Switchboard\Events\Dispatcher;
use Switchboard\Events\DispatchTrigger;
use Switchboard\Events\Outbox;
use Switchboard\Events\Signature;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Tests\TestCase;

/**
 * Every minute through WP-Cron, and at once through a signed, non-blocking loopback kick.
 */
final class DispatchTriggerTest extends TestCase {

	/**
	 * Dispatcher runs started.
	 *
	 * @var int
	 */
	private int $runs = 0;

	/**
	 * Loopback requests captured.
	 *
	 * @var list<array{url: string, blocking: mixed, timeout: mixed, action: string, token: string}>
	 */
	private array $sent = array();

	/**
	 * Captures HTTP requests instead of sending them.
	 */
	protected function set_up(): void {
		parent::set_up();
		$this->runs = 0;
		$this->sent = array();
		add_filter(
			'pre_http_request',
			function ( $response, $args, $url ) {
				$args         = is_array( $args ) ? $args : array();
				$body         = is_array( $args['body'] ?? null ) ? $args['body'] : array();
				$this->sent[] = array(
					'url'      => is_string( $url ) ? $url : '',
					'blocking' => $args['blocking'] ?? null,
					'timeout'  => $args['timeout'] ?? null,
					'action'   => is_string( $body['action'] ?? null ) ? $body['action'] : '',
					'token'    => is_string( $body['token'] ?? null ) ? $body['token'] : '',
				);
				return new \WP_Error( 'captured', 'Captured by the test.' );
			},
			10,
			3
		);
	}

	/**
	 * The every-minute schedule exists and the recurring run is scheduled once.
	 */
	public function test_schedules_a_run_every_minute(): void {
		$trigger = $this->trigger();
		wp_clear_scheduled_hook( DispatchTrigger::CRON_HOOK );
		$trigger->register_hooks();

		$this->assertSame( 60, wp_get_schedules()[ DispatchTrigger::SCHEDULE ]['interval'] ?? null );
		$trigger->schedule();
		$next = wp_next_scheduled( DispatchTrigger::CRON_HOOK );
		$this->assertIsInt( $next );
		$trigger->schedule();
		$this->assertSame( $next, wp_next_scheduled( DispatchTrigger::CRON_HOOK ) );
		$this->assertSame( DispatchTrigger::SCHEDULE, wp_get_schedule( DispatchTrigger::CRON_HOOK ) );

		do_action( DispatchTrigger::CRON_HOOK );
		$this->assertSame( 1, $this->runs() );

		$this->assertSame( 10, has_action( 'deactivate_' . plugin_basename( __FILE__ ), array( $trigger, 'unschedule' ) ) );
		$trigger->unschedule();
		$this->assertFalse( wp_next_scheduled( DispatchTrigger::CRON_HOOK ) );
	}

	/**
	 * A request that wrote events sends one non-blocking loopback with a token the handler accepts.
	 */
	public function test_kick_is_one_non_blocking_signed_loopback(): void {
		$trigger = $this->trigger();
		$trigger->kick_after_request();
		$trigger->kick_after_request();
		$this->assertSame( 10, has_action( 'shutdown', array( $trigger, 'kick' ) ) );
		$trigger->kick();

		$sent = $this->sent();
		$this->assertCount( 1, $sent );
		$this->assertSame( admin_url( 'admin-ajax.php' ), $sent[0]['url'] );
		$this->assertFalse( $sent[0]['blocking'] );
		$this->assertSame( 0.01, $sent[0]['timeout'] );
		$this->assertSame( DispatchTrigger::AJAX_ACTION, $sent[0]['action'] );
		$this->assertTrue( DispatchTrigger::is_valid_token( $sent[0]['token'] ) );
		$this->assertFalse( DispatchTrigger::is_valid_token( '' ) );
		$this->assertFalse( DispatchTrigger::is_valid_token( str_repeat( 'a', 64 ) ) );
		$this->assertSame( 0, $this->runs(), 'The kicking request itself sends nothing.' );

		add_filter( 'switchboard_events_kick', '__return_false' );
		$trigger->kick();
		$this->assertCount( 1, $this->sent() );
	}

	/**
	 * The admin-ajax handler runs the dispatcher only for a valid token.
	 */
	public function test_kick_handler_checks_the_token(): void {
		$trigger = $this->trigger();
		add_filter( 'wp_doing_ajax', '__return_true' );
		add_filter(
			'wp_die_ajax_handler',
			static fn() => static function (): void {
				throw new RuntimeException( 'died' );
			}
		);

		$_POST['token'] = 'forged';
		$output         = $this->handle( $trigger );
		$this->assertStringContainsString( '"success":false', $output );
		$this->assertSame( 0, $this->runs() );

		$trigger->kick();
		$_POST['token'] = $this->sent()[0]['token'];
		$output         = $this->handle( $trigger );
		$this->assertStringContainsString( '"success":true', $output );
		$this->assertSame( 1, $this->runs() );
	}

	/**
	 * Runs the handler and returns what it printed.
	 *
	 * @param DispatchTrigger $trigger Trigger.
	 * @return string
	 */
	private function handle( DispatchTrigger $trigger ): string {
		return $this->capture_output(
			static function () use ( $trigger ): void {
				try {
					$trigger->handle_kick();
				} catch ( RuntimeException $e ) {
					unset( $e ); // wp_die() ends the request here.
				}
			}
		);
	}

	/**
	 * A trigger whose dispatcher counts runs (on an empty outbox).
	 *
	 * @return DispatchTrigger
	 */
	private function trigger(): DispatchTrigger {
		return new DispatchTrigger(
			__FILE__,
			function (): Dispatcher {
				++$this->runs;
				$registry = new ServiceRegistry();
				return new Dispatcher( new Outbox(), new ServiceClient( new CircuitBreaker(), $registry ), $registry, new Signature() );
			}
		);
	}

	/**
	 * Dispatcher runs so far.
	 *
	 * @return int
	 */
	private function runs(): int {
		return $this->runs;
	}

	/**
	 * Loopback requests captured so far.
	 *
	 * @return list<array{url: string, blocking: mixed, timeout: mixed, action: string, token: string}>
	 */
	private function sent(): array {
		return $this->sent;
	}
}
