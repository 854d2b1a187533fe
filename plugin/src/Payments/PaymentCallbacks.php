<?php
/**
 * Records the payment service's signed callbacks and tells site code.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Payments;

use Closure;
use RuntimeException;
use Switchboard\Module;

/**
 * Listens to `switchboard_webhook_payments`, which WebhookController fires once per verified, unseen callback
 * (`POST switchboard/v1/webhooks/payments`, HMAC-signed by the service), records the payment and fires:
 *
 * - `switchboard_payment_succeeded( array $payment )` (PaymentRecord::to_array()): exactly once per payment, ever (PaymentStore::record());
 * - `switchboard_payment_failed( array $payment )`: once per declined try (the payment stays open for a retry);
 * - `switchboard_payment_refunded( array $payment, int $refunded_now )`: once per refund callback;
 * - `switchboard_payment_canceled( array $payment )`: when an abandoned or cancelled payment is closed.
 *
 * A callback that is not a well-formed payment is acknowledged (sending it again would not mend it) and kept
 * in an option that the Payments screen shows, so an administrator sees it.
 */
final class PaymentCallbacks implements Module {

	/**
	 * Option holding the last refused callback (time, event id and reason; never its body).
	 */
	public const REFUSED_OPTION = 'switchboard_payments_refused_callback';

	/**
	 * Callback types and what they mean.
	 */
	public const TYPES = array( 'payment.succeeded', 'payment.failed', 'payment.refunded', 'payment.canceled' );

	/**
	 * Returns the current Unix time.
	 *
	 * @var Closure(): int
	 */
	private Closure $clock;

	/**
	 * Stores the collaborators.
	 *
	 * @param PaymentStore       $store Where payments are recorded.
	 * @param Closure():int|null $clock Current Unix time; time() when null.
	 */
	public function __construct( private readonly PaymentStore $store, ?Closure $clock = null ) {
		$this->clock = $clock ?? static fn(): int => time();
	}

	/**
	 * Listens to the payment service's webhooks.
	 */
	public function register_hooks(): void {
		add_action( 'switchboard_webhook_payments', array( $this, 'receive' ), 10, 3 );
	}

	/**
	 * Handles one verified callback.
	 *
	 * @param string       $type     Its type.
	 * @param array<mixed> $data     Its data: `{ payment: {...} }`.
	 * @param string       $event_id Its id.
	 * @throws RuntimeException When the payments table cannot be written (WebhookController then answers 500).
	 */
	public function receive( string $type, array $data, string $event_id ): void {
		$payment = Payment::from_array( $data['payment'] ?? null );
		if ( ! in_array( $type, self::TYPES, true ) || null === $payment ) {
			update_option(
				self::REFUSED_OPTION,
				array(
					'at'       => ( $this->clock )(),
					'event_id' => $event_id,
					'type'     => substr( sanitize_key( $type ), 0, 64 ),
					'reason'   => null === $payment ? 'malformed payment' : 'unknown type',
				),
				false
			);
			return;
		}

		$previous = $this->store->get( $payment->id );
		$recorded = $this->store->record( $payment, $type, ( $this->clock )() );
		$row      = $recorded['row'];
		if ( null === $row ) {
			// The table could not be written: an exception makes WebhookController answer 500, so the service retries.
			throw new RuntimeException( 'The payments table is not available.' );
		}

		if ( $recorded['newly_succeeded'] ) {
			/**
			 * Fires once per payment, when WordPress first learns it succeeded.
			 *
			 * @param array<string, mixed> $payment The payment's row (PaymentStore).
			 */
			do_action( 'switchboard_payment_succeeded', $row->to_array() );
		}

		switch ( $type ) {
			case 'payment.failed':
				/**
				 * Fires when a visitor's try was declined (the payment stays open for another try).
				 *
				 * @param array<string, mixed> $payment The payment's row, with `last_error_code` and `last_error_message`.
				 */
				do_action( 'switchboard_payment_failed', $row->to_array() );
				break;
			case 'payment.refunded':
				$before = null === $previous ? 0 : $previous->amount_refunded;
				$now    = max( 0, $row->amount_refunded - $before );
				if ( $now > 0 ) {
					/**
					 * Fires once per refund.
					 *
					 * @param array<string, mixed> $payment      The payment's row.
					 * @param int                  $refunded_now Amount this refund gave back, in minor units.
					 */
					do_action( 'switchboard_payment_refunded', $row->to_array(), $now );
				}
				break;
			case 'payment.canceled':
				/**
				 * Fires when an unpaid payment is closed (abandoned, or cancelled).
				 *
				 * @param array<string, mixed> $payment The payment's row.
				 */
				do_action( 'switchboard_payment_canceled', $row->to_array() );
				break;
		}
	}
}
