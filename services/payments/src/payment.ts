/**
 * A payment as the gateway sees it, and the ledger row it is read from.
 */
export const PAYMENT_STATUSES = [
	'requires_payment_method',
	'requires_confirmation',
	'requires_action',
	'processing',
	'succeeded',
	'canceled',
	'partially_refunded',
	'refunded',
] as const;

export type PaymentStatus = ( typeof PAYMENT_STATUSES )[ number ];

/** Why the visitor's last try failed, from Stripe's `last_payment_error`. */
export interface LastError {
	code: string | null;
	declineCode: string | null;
	message: string | null;
}

export interface Payment {
	id: string;
	attemptKey: string;
	status: PaymentStatus;
	amount: number;
	amountRefunded: number;
	currency: string;
	description: string;
	reference: { postId: number; blockId: string };
	email: string | null;
	paymentIntentId: string | null;
	lastError: LastError | null;
	livemode: boolean;
	createdAt: string;
	updatedAt: string;
}

/** The `payments` table's columns. */
export interface PaymentRow {
	seq: number;
	id: string;
	attempt_key: string;
	request_hash: string;
	status: PaymentStatus;
	amount: number;
	amount_refunded: number;
	currency: string;
	description: string;
	post_id: number;
	block_id: string;
	return_url: string;
	email: string | null;
	payment_intent_id: string | null;
	last_error: string | null;
	livemode: number;
	created_at: number;
	updated_at: number;
}

/**
 * @param row A `payments` row.
 */
export function toPayment( row: PaymentRow ): Payment {
	return {
		id: row.id,
		attemptKey: row.attempt_key,
		status: row.status,
		amount: row.amount,
		amountRefunded: row.amount_refunded,
		currency: row.currency,
		description: row.description,
		reference: { postId: row.post_id, blockId: row.block_id },
		email: row.email,
		paymentIntentId: row.payment_intent_id,
		lastError:
			row.last_error === null
				? null
				: ( JSON.parse( row.last_error ) as LastError ),
		livemode: row.livemode === 1,
		createdAt: new Date( row.created_at ).toISOString(),
		updatedAt: new Date( row.updated_at ).toISOString(),
	};
}
