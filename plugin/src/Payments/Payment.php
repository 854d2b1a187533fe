<?php
/**
 * A payment as the payment service describes it.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Payments;

use DateTimeImmutable;
use Exception;

/**
 * Parsed and checked from the service's JSON (`Payment` in services/payments/README.md): ids of a fixed shape,
 * integer amounts, a known status and currency. Anything else is refused (from_array() gives null), so a
 * malformed callback never reaches the table or the site's actions.
 */
final class Payment {

	/**
	 * Shape of a payment id.
	 */
	public const ID_PATTERN = '/^pay_[A-Za-z0-9]{8,48}$/D';

	/**
	 * Builds a payment; use from_array().
	 *
	 * @param string $id              `pay_...`.
	 * @param string $status          One of PaymentStore::STATUSES.
	 * @param int    $amount          Amount in minor units.
	 * @param int    $amount_refunded Refunded so far, in minor units.
	 * @param string $currency        Lowercase ISO code.
	 * @param string $description     What it was for.
	 * @param int    $post_id         Post holding the block.
	 * @param string $block_id        The block's id.
	 * @param string $email           Receipt email, or ''.
	 * @param string $payment_intent  Stripe PaymentIntent id, or ''.
	 * @param bool   $livemode        Whether it was a live payment.
	 * @param string $error_code      Last error's code (a decline code when there is one), or ''.
	 * @param string $error_message   Last error's message, or ''.
	 * @param int    $created_at      Unix time.
	 * @param int    $updated_at      The ledger's last change, in Unix milliseconds (two changes can share a second).
	 */
	public function __construct(
		public readonly string $id,
		public readonly string $status,
		public readonly int $amount,
		public readonly int $amount_refunded,
		public readonly string $currency,
		public readonly string $description,
		public readonly int $post_id,
		public readonly string $block_id,
		public readonly string $email,
		public readonly string $payment_intent,
		public readonly bool $livemode,
		public readonly string $error_code,
		public readonly string $error_message,
		public readonly int $created_at,
		public readonly int $updated_at
	) {
	}

	/**
	 * Reads the service's JSON, or null when it is not a well-formed payment.
	 *
	 * @param mixed $data Decoded `payment` object.
	 * @return self|null
	 */
	public static function from_array( mixed $data ): ?self {
		if ( ! is_array( $data ) ) {
			return null;
		}
		$id        = $data['id'] ?? null;
		$status    = $data['status'] ?? null;
		$amount    = $data['amount'] ?? null;
		$refunded  = $data['amountRefunded'] ?? 0;
		$currency  = $data['currency'] ?? null;
		$reference = is_array( $data['reference'] ?? null ) ? $data['reference'] : array();
		$post_id   = $reference['postId'] ?? null;
		$block_id  = $reference['blockId'] ?? null;
		$created   = self::millis( $data['createdAt'] ?? null );
		$updated   = self::millis( $data['updatedAt'] ?? null );
		if ( ! is_string( $id ) || 1 !== preg_match( self::ID_PATTERN, $id )
			|| ! in_array( $status, PaymentStore::STATUSES, true )
			|| ! is_int( $amount ) || $amount < 1 || ! is_int( $refunded ) || $refunded < 0 || $refunded > $amount
			|| ! is_string( $currency ) || null === Currency::get( $currency )
			|| ! is_int( $post_id ) || $post_id < 1 || ! is_string( $block_id ) || 1 !== preg_match( BlockPrice::BLOCK_ID_PATTERN, $block_id )
			|| null === $created || null === $updated ) {
			return null;
		}

		$error  = is_array( $data['lastError'] ?? null ) ? $data['lastError'] : array();
		$code   = $error['declineCode'] ?? null;
		$code   = is_string( $code ) && '' !== $code ? $code : ( $error['code'] ?? '' );
		$intent = $data['paymentIntentId'] ?? '';
		$email  = is_string( $data['email'] ?? null ) ? sanitize_email( $data['email'] ) : '';

		return new self(
			$id,
			$status,
			$amount,
			$refunded,
			strtolower( $currency ),
			is_string( $data['description'] ?? null ) ? mb_substr( sanitize_text_field( $data['description'] ), 0, 500 ) : '',
			$post_id,
			$block_id,
			$email,
			is_string( $intent ) && 1 === preg_match( '/^pi_[A-Za-z0-9_]{1,250}$/D', $intent ) ? $intent : '',
			true === ( $data['livemode'] ?? false ),
			is_string( $code ) && 1 === preg_match( '/^[a-z0-9_]{1,64}$/D', $code ) ? $code : '',
			is_string( $error['message'] ?? null ) ? mb_substr( sanitize_text_field( $error['message'] ), 0, 500 ) : '',
			intdiv( $created, 1000 ),
			$updated
		);
	}

	/**
	 * Whether the payment is over (nothing more will happen but refunds).
	 *
	 * @return bool
	 */
	public function is_final(): bool {
		return in_array( $this->status, array( 'succeeded', 'canceled', 'partially_refunded', 'refunded' ), true );
	}

	/**
	 * The fields a visitor may see about their own payment.
	 *
	 * @return array{id: string, status: string, amount: int, currency: string, last_error: array{code: string, message: string}|null}
	 */
	public function for_visitor(): array {
		return array(
			'id'         => $this->id,
			'status'     => $this->status,
			'amount'     => $this->amount,
			'currency'   => $this->currency,
			'last_error' => '' === $this->error_code ? null : array(
				'code'    => $this->error_code,
				'message' => $this->error_message,
			),
		);
	}

	/**
	 * Unix milliseconds of an ISO 8601 string, or null.
	 *
	 * @param mixed $value Value.
	 * @return int|null
	 */
	private static function millis( mixed $value ): ?int {
		if ( ! is_string( $value ) || strlen( $value ) > 40 || 1 !== preg_match( '/^\d{4}-\d{2}-\d{2}T/', $value ) ) {
			return null;
		}
		try {
			return (int) ( new DateTimeImmutable( $value ) )->format( 'Uv' );
		} catch ( Exception ) {
			return null;
		}
	}
}
