<?php
/**
 * Tests how WordPress records the payment service's callbacks.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Payments;

use Switchboard\Events\Signature;
use Switchboard\Payments\PaymentCallbacks;
use Switchboard\Payments\PaymentStore;
use Switchboard\Tests\Events\EventsTestCase;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Signed callbacks through the real inbound webhook route (`POST switchboard/v1/webhooks/payments`): each
 * payment recorded once, `switchboard_payment_succeeded` exactly once however many deliveries and in whatever
 * order, declines and refunds announced once each, and a malformed callback acknowledged and shown to admins.
 */
final class PaymentCallbacksTest extends EventsTestCase {

	/**
	 * The secret shared with the payment service in these tests.
	 */
	private const SECRET = '9f0e1d2c3b4a59687766554433221100ffeeddccbbaa99887766554433221100';

	/**
	 * Actions fired, by name.
	 *
	 * @var array<string, list<array<mixed>>>
	 */
	private array $fired = array();

	/**
	 * Declares the payment service with its secret and listens to the payment actions.
	 */
	protected function set_up(): void {
		parent::set_up();
		$this->declare_services(
			array(
				'payments' => array(
					'url'        => 'http://localhost:9',
					'subscribes' => false,
				),
			)
		);
		update_option( Signature::SECRET_OPTION_PREFIX . 'payments', self::SECRET, false );
		delete_option( PaymentCallbacks::REFUSED_OPTION );
		foreach ( array( 'succeeded', 'failed', 'refunded', 'canceled' ) as $name ) {
			add_action(
				'switchboard_payment_' . $name,
				function ( ...$args ) use ( $name ): void {
					$this->fired[ $name ][] = $args;
				},
				10,
				2
			);
		}
	}

	/**
	 * A decline, then success: the row follows, `failed` fires for the decline and `succeeded` once; the same
	 * success sent again under new ids, and a late, older decline, change nothing.
	 */
	public function test_success_is_announced_exactly_once(): void {
		$this->assertSame(
			200,
			$this->deliver(
				'cb_1',
				'payment.failed',
				$this->payment(
					'requires_payment_method',
					1000,
					array(
						'code'        => 'card_declined',
						'declineCode' => 'insufficient_funds',
						'message'     => 'Your card has insufficient funds.',
					)
				)
			)
		);
		$row = ( new PaymentStore() )->get( 'pay_test0000001' );
		$this->assertNotNull( $row );
		$this->assertSame( 'requires_payment_method', $row->status );
		$this->assertSame( 'insufficient_funds', $row->last_error_code );
		$this->assertCount( 1, $this->fired['failed'] ?? array() );

		foreach ( array( 'cb_2', 'cb_3', 'cb_4', 'cb_5', 'cb_6' ) as $id ) {
			$this->assertSame( 200, $this->deliver( $id, 'payment.succeeded', $this->payment( 'succeeded', 3000 ) ) );
		}
		$this->assertSame( 200, $this->deliver( 'cb_7', 'payment.failed', $this->payment( 'requires_payment_method', 2000, array( 'code' => 'card_declined' ) ) ) );

		$row = ( new PaymentStore() )->get( 'pay_test0000001' );
		$this->assertNotNull( $row );
		$this->assertSame( 'succeeded', $row->status, 'A late, older decline does not move a payment back.' );
		$this->assertNotNull( $row->succeeded_at );
		$this->assertCount( 1, $this->fired['succeeded'] ?? array() );
		$announced = $this->fired['succeeded'][0][0];
		$this->assertIsArray( $announced );
		$this->assertSame( 'pay_test0000001', $announced['payment_id'] );
		$this->assertSame( 1500, $announced['amount'] );
		$this->assertSame( 'usd', $announced['currency'] );
		$this->assertSame( 42, $announced['post_id'] );
		$this->assertCount( 7, $row->history );
	}

	/**
	 * The same delivery twice is refused as a replay by the route, so nothing fires twice.
	 */
	public function test_a_replayed_callback_is_refused(): void {
		$body = $this->body( 'cb_same', 'payment.succeeded', $this->payment( 'succeeded', 3000 ) );
		$this->assertSame( 200, $this->post( 'cb_same', $body )->get_status() );
		$this->assertSame( 409, $this->post( 'cb_same', $body )->get_status() );
		$this->assertCount( 1, $this->fired['succeeded'] ?? array() );
	}

	/**
	 * Refunds: each refund callback fires `refunded` with what it gave back; the status and total only grow.
	 */
	public function test_refunds_are_announced_with_their_amounts(): void {
		$this->deliver( 'cb_a', 'payment.succeeded', $this->payment( 'succeeded', 3000 ) );
		$this->deliver( 'cb_b', 'payment.refunded', $this->payment( 'partially_refunded', 4000, null, 500 ) );
		$this->deliver( 'cb_c', 'payment.refunded', $this->payment( 'refunded', 5000, null, 1500 ) );
		$this->deliver( 'cb_d', 'payment.refunded', $this->payment( 'partially_refunded', 4500, null, 500 ) );

		$row = ( new PaymentStore() )->get( 'pay_test0000001' );
		$this->assertNotNull( $row );
		$this->assertSame( 'refunded', $row->status );
		$this->assertSame( 1500, $row->amount_refunded );
		$this->assertSame( array( 500, 1000 ), array_map( static fn( array $args ): mixed => $args[1], $this->fired['refunded'] ?? array() ) );
		$this->assertCount( 1, $this->fired['succeeded'] ?? array(), 'A refunded payment had succeeded, once.' );
	}

	/**
	 * A callback that does not describe a payment is acknowledged (sending it again would not mend it), changes
	 * nothing and is kept for the Payments screen, without its body.
	 */
	public function test_a_malformed_callback_is_acknowledged_and_shown(): void {
		$bad = array( 'amount' => -5 ) + $this->payment( 'succeeded', 3000 );
		$this->assertSame( 200, $this->deliver( 'cb_bad', 'payment.succeeded', $bad ) );

		$this->assertNull( ( new PaymentStore() )->get( 'pay_test0000001' ) );
		$this->assertSame( array(), $this->fired );
		$refused = get_option( PaymentCallbacks::REFUSED_OPTION );
		$this->assertIsArray( $refused );
		$this->assertSame( 'cb_bad', $refused['event_id'] );
		$this->assertSame( 'malformed payment', $refused['reason'] );
	}

	/**
	 * A payment as the service describes it.
	 *
	 * @param string                    $status   Status.
	 * @param int                       $updated  Milliseconds after a fixed time: the ledger's `updatedAt`.
	 * @param array<string, mixed>|null $error    `lastError`.
	 * @param int                       $refunded `amountRefunded`.
	 * @return array<string, mixed>
	 */
	private function payment( string $status, int $updated, ?array $error = null, int $refunded = 0 ): array {
		return array(
			'id'              => 'pay_test0000001',
			'attemptKey'      => 'attempt-key-0000000001',
			'status'          => $status,
			'amount'          => 1500,
			'amountRefunded'  => $refunded,
			'currency'        => 'usd',
			'description'     => 'Support the newsroom',
			'reference'       => array(
				'postId'  => 42,
				'blockId' => 'pay-abc123',
			),
			'email'           => 'reader@example.com',
			'paymentIntentId' => 'pi_3Test',
			'lastError'       => $error,
			'livemode'        => false,
			'createdAt'       => '2026-11-23T10:00:00.000Z',
			'updatedAt'       => gmdate( 'Y-m-d\TH:i:s', 1795428000 + intdiv( $updated, 1000 ) ) . sprintf( '.%03dZ', $updated % 1000 ),
		);
	}

	/**
	 * Sends a signed callback and returns the status.
	 *
	 * @param string               $id      Event id.
	 * @param string               $type    Type.
	 * @param array<string, mixed> $payment Payment.
	 * @return int
	 */
	private function deliver( string $id, string $type, array $payment ): int {
		return $this->post( $id, $this->body( $id, $type, $payment ) )->get_status();
	}

	/**
	 * A callback body, as the service encodes it.
	 *
	 * @param string               $id      Event id.
	 * @param string               $type    Type.
	 * @param array<string, mixed> $payment Payment.
	 * @return string
	 */
	private function body( string $id, string $type, array $payment ): string {
		return (string) wp_json_encode(
			array(
				'id'      => $id,
				'type'    => $type,
				'created' => '2026-11-23T10:00:00.000Z',
				'data'    => array( 'payment' => $payment ),
			)
		);
	}

	/**
	 * Posts a signed body to the inbound webhook route.
	 *
	 * @param string $id   Event id.
	 * @param string $body Body.
	 * @return WP_REST_Response
	 */
	private function post( string $id, string $body ): WP_REST_Response {
		$at      = time();
		$request = new WP_REST_Request( 'POST', '/switchboard/v1/webhooks/payments' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_header( Signature::ID_HEADER, $id );
		$request->set_header( Signature::HEADER, 't=' . $at . ',v1=' . Signature::compute( self::SECRET, $id, $at, $body ) );
		$request->set_body( $body );

		return rest_do_request( $request );
	}
}
