<?php
/**
 * One row of WordPress's record of payments.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Payments;

/**
 * A `{prefix}switchboard_payments` row with its types restored (the database gives strings). Site code gets it
 * as an array (to_array()) in the `switchboard_payment_*` actions.
 */
final class PaymentRecord {

	/**
	 * Builds a record; use from_row().
	 *
	 * @param string                                             $payment_id         `pay_...`.
	 * @param int                                                $post_id            Post holding the block.
	 * @param string                                             $block_id           The block's id.
	 * @param int                                                $amount             Minor units.
	 * @param int                                                $amount_refunded    Minor units.
	 * @param string                                             $currency           Lowercase ISO code.
	 * @param string                                             $status             One of PaymentStore::STATUSES.
	 * @param string                                             $description        What it was for.
	 * @param string                                             $email              Receipt email, or ''.
	 * @param string                                             $payment_intent     Stripe PaymentIntent id, or ''.
	 * @param bool                                               $livemode           Whether it was live.
	 * @param string                                             $last_error_code    Last decline's code, or ''.
	 * @param string                                             $last_error_message Last decline's message, or ''.
	 * @param list<array{at: int, type: string, status: string}> $history            Callbacks received, oldest first.
	 * @param int                                                $created_at         Unix time.
	 * @param int|null                                           $succeeded_at       When WordPress learnt it succeeded.
	 */
	public function __construct(
		public readonly string $payment_id,
		public readonly int $post_id,
		public readonly string $block_id,
		public readonly int $amount,
		public readonly int $amount_refunded,
		public readonly string $currency,
		public readonly string $status,
		public readonly string $description,
		public readonly string $email,
		public readonly string $payment_intent,
		public readonly bool $livemode,
		public readonly string $last_error_code,
		public readonly string $last_error_message,
		public readonly array $history,
		public readonly int $created_at,
		public readonly ?int $succeeded_at
	) {
	}

	/**
	 * A record from a database row.
	 *
	 * @param array<mixed> $row Row (ARRAY_A).
	 * @return self
	 */
	public static function from_row( array $row ): self {
		$text    = static fn( string $column ): string => is_scalar( $row[ $column ] ?? null ) ? (string) $row[ $column ] : '';
		$number  = static fn( string $column ): int => is_numeric( $row[ $column ] ?? null ) ? (int) $row[ $column ] : 0;
		$decoded = json_decode( $text( 'history' ), true );
		$history = array();
		foreach ( is_array( $decoded ) ? $decoded : array() as $entry ) {
			if ( is_array( $entry ) && is_int( $entry['at'] ?? null ) && is_string( $entry['type'] ?? null ) && is_string( $entry['status'] ?? null ) ) {
				$history[] = array(
					'at'     => $entry['at'],
					'type'   => $entry['type'],
					'status' => $entry['status'],
				);
			}
		}

		return new self(
			$text( 'payment_id' ),
			$number( 'post_id' ),
			$text( 'block_id' ),
			$number( 'amount' ),
			$number( 'amount_refunded' ),
			$text( 'currency' ),
			$text( 'status' ),
			$text( 'description' ),
			$text( 'email' ),
			$text( 'payment_intent' ),
			1 === $number( 'livemode' ),
			$text( 'last_error_code' ),
			$text( 'last_error_message' ),
			$history,
			$number( 'created_at' ),
			is_numeric( $row['succeeded_at'] ?? null ) ? (int) $row['succeeded_at'] : null
		);
	}

	/**
	 * What is left to refund, in minor units.
	 *
	 * @return int
	 */
	public function refundable(): int {
		return in_array( $this->status, array( 'succeeded', 'partially_refunded' ), true ) ? max( 0, $this->amount - $this->amount_refunded ) : 0;
	}

	/**
	 * The record as an array, for site code and the REST list.
	 *
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return array(
			'payment_id'         => $this->payment_id,
			'post_id'            => $this->post_id,
			'block_id'           => $this->block_id,
			'amount'             => $this->amount,
			'amount_refunded'    => $this->amount_refunded,
			'currency'           => $this->currency,
			'status'             => $this->status,
			'description'        => $this->description,
			'email'              => $this->email,
			'payment_intent'     => $this->payment_intent,
			'livemode'           => $this->livemode,
			'last_error_code'    => $this->last_error_code,
			'last_error_message' => $this->last_error_message,
			'history'            => $this->history,
			'created_at'         => $this->created_at,
			'succeeded_at'       => $this->succeeded_at,
		);
	}
}
