/**
 * The ledger: payments, their transitions, the Stripe events already processed and the refunds. Every change
 * of state happens in one immediate SQLite transaction together with its transition row, the id of the Stripe
 * event that caused it and the callback that announces it, through a conditional UPDATE: two deliveries of
 * the same news can never both win, so a payment succeeds exactly once.
 */
import { randomBytes } from 'node:crypto';

import type { Db } from './db';
import { enqueueCallback } from './outbox';
import {
	toPayment,
	type LastError,
	type Payment,
	type PaymentRow,
	type PaymentStatus,
} from './payment';
import {
	callbackFor,
	isFinal,
	mayFollowStripe,
	statusFromIntent,
	type IntentStatus,
} from './transitions';

export type TransitionSource = 'api' | 'webhook' | 'reconciler' | 'refund';

/** What the ledger needs to know of a PaymentIntent, freshly retrieved from Stripe. */
export interface IntentSnapshot {
	id: string;
	status: IntentStatus;
	lastError: LastError | null;
	livemode: boolean;
}

export interface NewPayment {
	attemptKey: string;
	requestHash: string;
	amount: number;
	currency: string;
	description: string;
	postId: number;
	blockId: string;
	returnUrl: string;
	email: string | null;
	livemode: boolean;
}

/** A Stripe event, as far as deduplication needs it. */
export interface StripeEventRef {
	id: string;
	type: string;
}

export interface ApplyOptions {
	source: TransitionSource;
	/** The Stripe event that brought the news; recorded as processed in the same transaction. */
	stripeEvent?: StripeEventRef;
	/** The failure to announce with `payment.failed` (a `payment_intent.payment_failed` event's error). */
	failure?: LastError;
}

export interface ApplyResult {
	payment: Payment;
	/** The status changed. */
	changed: boolean;
	/** The Stripe event had been processed already: nothing was done. */
	duplicate: boolean;
}

export interface TransitionRow {
	at: number;
	from_status: PaymentStatus | null;
	to_status: PaymentStatus;
	source: TransitionSource;
	stripe_event_id: string | null;
}

export interface RefundRow {
	refund_key: string;
	payment_id: string;
	request_hash: string;
	stripe_refund_id: string;
	amount: number;
	status: string;
	requested_by: string;
	created_at: number;
}

/** Refund statuses that do not give the money back. */
const FAILED_REFUND = new Set( [ 'failed', 'canceled' ] );

export class Ledger {
	constructor(
		private readonly db: Db,
		private readonly now: () => number
	) {}

	/**
	 * @param id Payment id.
	 */
	byId( id: string ): PaymentRow | undefined {
		return this.db
			.prepare( 'SELECT * FROM payments WHERE id = ?' )
			.get( id ) as PaymentRow | undefined;
	}

	/**
	 * @param attemptKey The visitor's attempt key.
	 */
	byAttemptKey( attemptKey: string ): PaymentRow | undefined {
		return this.db
			.prepare( 'SELECT * FROM payments WHERE attempt_key = ?' )
			.get( attemptKey ) as PaymentRow | undefined;
	}

	/**
	 * @param intentId A PaymentIntent id.
	 */
	byIntentId( intentId: string ): PaymentRow | undefined {
		return this.db
			.prepare( 'SELECT * FROM payments WHERE payment_intent_id = ?' )
			.get( intentId ) as PaymentRow | undefined;
	}

	/**
	 * Records a new attempt, before Stripe is asked for its intent.
	 *
	 * @param fields The attempt.
	 */
	insert( fields: NewPayment ): PaymentRow {
		const now = this.now();
		const id = `pay_${ randomBytes( 12 ).toString( 'hex' ) }`;
		this.db
			.transaction( () => {
				this.db
					.prepare(
						`INSERT INTO payments (id, attempt_key, request_hash, status, amount, currency, description,
					post_id, block_id, return_url, email, livemode, created_at, updated_at)
					VALUES (?, ?, ?, 'requires_payment_method', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
					)
					.run(
						id,
						fields.attemptKey,
						fields.requestHash,
						fields.amount,
						fields.currency,
						fields.description,
						fields.postId,
						fields.blockId,
						fields.returnUrl,
						fields.email,
						fields.livemode ? 1 : 0,
						now,
						now
					);
				this.addTransition(
					id,
					null,
					'requires_payment_method',
					'api',
					null,
					now
				);
			} )
			.immediate();
		return this.byId( id ) as PaymentRow;
	}

	/**
	 * Links a payment to its intent (once; the same idempotency key always yields the same intent).
	 *
	 * @param paymentId Payment id.
	 * @param intentId  PaymentIntent id.
	 */
	attachIntent( paymentId: string, intentId: string ): void {
		this.db
			.prepare(
				'UPDATE payments SET payment_intent_id = ?, updated_at = ? WHERE id = ? AND payment_intent_id IS NULL'
			)
			.run( intentId, this.now(), paymentId );
	}

	/**
	 * Applies what Stripe says an intent is now. Webhooks, the reconciler and `?refresh=1` all come here.
	 *
	 * @param paymentId Payment id.
	 * @param intent    The intent, freshly retrieved.
	 * @param options   Where the news came from.
	 */
	applyIntent(
		paymentId: string,
		intent: IntentSnapshot,
		options: ApplyOptions
	): ApplyResult {
		return this.db
			.transaction( (): ApplyResult => {
				const now = this.now();
				if (
					options.stripeEvent !== undefined &&
					! this.insertEvent( options.stripeEvent, paymentId, now )
				) {
					return {
						payment: toPayment(
							this.byId( paymentId ) as PaymentRow
						),
						changed: false,
						duplicate: true,
					};
				}
				const row = this.byId( paymentId );
				if ( row === undefined ) {
					throw new Error( `No payment ${ paymentId }.` );
				}
				const target = statusFromIntent( intent.status );
				let changed = false;
				if ( mayFollowStripe( row.status, target ) ) {
					// Conditional: only from the status read above, so a concurrent writer cannot be overtaken.
					const result = this.db
						.prepare(
							`UPDATE payments SET status = ?, last_error = ?, livemode = ?, updated_at = ?
							WHERE id = ? AND status = ?`
						)
						.run(
							target,
							serializeError( intent.lastError ),
							intent.livemode ? 1 : 0,
							now,
							paymentId,
							row.status
						);
					changed = result.changes === 1;
					if ( changed ) {
						this.addTransition(
							paymentId,
							row.status,
							target,
							options.source,
							options.stripeEvent?.id ?? null,
							now
						);
					}
				} else if (
					! isFinal( row.status ) &&
					row.last_error !== serializeError( intent.lastError )
				) {
					this.db
						.prepare(
							'UPDATE payments SET last_error = ?, updated_at = ? WHERE id = ? AND status = ?'
						)
						.run(
							serializeError( intent.lastError ),
							now,
							paymentId,
							row.status
						);
				}
				const payment = toPayment(
					this.byId( paymentId ) as PaymentRow
				);
				const callback = changed ? callbackFor( target ) : null;
				if ( callback !== null ) {
					enqueueCallback( this.db, callback, payment, now );
				}
				// A declined try is news even though the payment stays open for the next try; after a
				// late failure event on a payment that meanwhile succeeded, it would only confuse WordPress.
				if (
					options.failure !== undefined &&
					! isFinal( payment.status )
				) {
					enqueueCallback(
						this.db,
						'payment.failed',
						{ ...payment, lastError: options.failure },
						now
					);
				}
				return { payment, changed, duplicate: false };
			} )
			.immediate();
	}

	/**
	 * Remembers a Stripe event that changes no payment (unknown intent, irrelevant type).
	 *
	 * @param event The event.
	 * @return False when it had been recorded already.
	 */
	recordEvent( event: StripeEventRef ): boolean {
		return this.db
			.transaction( () => this.insertEvent( event, null, this.now() ) )
			.immediate();
	}

	/**
	 * @param eventId A Stripe event id.
	 */
	hasEvent( eventId: string ): boolean {
		return (
			this.db
				.prepare( 'SELECT 1 FROM stripe_events WHERE id = ?' )
				.get( eventId ) !== undefined
		);
	}

	/**
	 * Payments, newest first.
	 *
	 * @param status Only this status, or all.
	 * @param limit  Page size.
	 * @param before Only rows older than this sequence number (the cursor).
	 */
	list(
		status: PaymentStatus | null,
		limit: number,
		before: number | null
	): PaymentRow[] {
		return this.db
			.prepare(
				`SELECT * FROM payments WHERE (? IS NULL OR status = ?) AND (? IS NULL OR seq < ?)
				ORDER BY seq DESC LIMIT ?`
			)
			.all( status, status, before, before, limit ) as PaymentRow[];
	}

	/**
	 * @param paymentId Payment id.
	 */
	transitions( paymentId: string ): TransitionRow[] {
		return this.db
			.prepare(
				`SELECT at, from_status, to_status, source, stripe_event_id FROM transitions
				WHERE payment_id = ? ORDER BY seq`
			)
			.all( paymentId ) as TransitionRow[];
	}

	/**
	 * Payments still open that were created before a time: the reconciler's work list.
	 *
	 * @param createdBefore Milliseconds since the epoch.
	 * @param limit         Most rows.
	 */
	unsettled( createdBefore: number, limit: number ): PaymentRow[] {
		return this.db
			.prepare(
				`SELECT * FROM payments
				WHERE status IN ('requires_payment_method', 'requires_confirmation', 'requires_action', 'processing')
				AND created_at <= ? ORDER BY seq LIMIT ?`
			)
			.all( createdBefore, limit ) as PaymentRow[];
	}

	/**
	 * Cancels a payment that never got an intent (Stripe failed on every try): without an intent no client
	 * secret ever reached the visitor, so nothing can be charged.
	 *
	 * @param paymentId Payment id.
	 */
	cancelWithoutIntent( paymentId: string ): boolean {
		return this.db
			.transaction( () => {
				const row = this.byId( paymentId );
				if (
					row === undefined ||
					row.payment_intent_id !== null ||
					isFinal( row.status )
				) {
					return false;
				}
				const now = this.now();
				const result = this.db
					.prepare(
						`UPDATE payments SET status = 'canceled', updated_at = ?
						WHERE id = ? AND status = ? AND payment_intent_id IS NULL`
					)
					.run( now, paymentId, row.status );
				if ( result.changes !== 1 ) {
					return false;
				}
				this.addTransition(
					paymentId,
					row.status,
					'canceled',
					'reconciler',
					null,
					now
				);
				enqueueCallback(
					this.db,
					'payment.canceled',
					toPayment( this.byId( paymentId ) as PaymentRow ),
					now
				);
				return true;
			} )
			.immediate();
	}

	/**
	 * @param refundKey The admin's refund key.
	 */
	refundByKey( refundKey: string ): RefundRow | undefined {
		return this.db
			.prepare( 'SELECT * FROM refunds WHERE refund_key = ?' )
			.get( refundKey ) as RefundRow | undefined;
	}

	/**
	 * Records a refund Stripe accepted and moves the payment to partially_refunded or refunded.
	 *
	 * @param refund The refund (its Stripe id, amount and status).
	 */
	recordRefund( refund: Omit< RefundRow, 'created_at' > ): Payment {
		return this.db
			.transaction( () => {
				const now = this.now();
				const inserted = this.db
					.prepare(
						`INSERT OR IGNORE INTO refunds (refund_key, payment_id, request_hash, stripe_refund_id, amount,
						status, requested_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
					)
					.run(
						refund.refund_key,
						refund.payment_id,
						refund.request_hash,
						refund.stripe_refund_id,
						refund.amount,
						refund.status,
						refund.requested_by,
						now
					);
				const row = this.byId( refund.payment_id ) as PaymentRow;
				if (
					inserted.changes === 0 ||
					FAILED_REFUND.has( refund.status )
				) {
					return toPayment( row );
				}
				const refunded = row.amount_refunded + refund.amount;
				const target: PaymentStatus =
					refunded >= row.amount ? 'refunded' : 'partially_refunded';
				const result = this.db
					.prepare(
						`UPDATE payments SET status = ?, amount_refunded = ?, updated_at = ?
						WHERE id = ? AND status = ? AND amount_refunded = ?
						AND status IN ('succeeded', 'partially_refunded')`
					)
					.run(
						target,
						refunded,
						now,
						row.id,
						row.status,
						row.amount_refunded
					);
				if ( result.changes !== 1 ) {
					throw new Error(
						`Payment ${ row.id } changed during a refund.`
					);
				}
				this.addTransition(
					row.id,
					row.status,
					target,
					'refund',
					null,
					now
				);
				const payment = toPayment( this.byId( row.id ) as PaymentRow );
				enqueueCallback( this.db, 'payment.refunded', payment, now );
				return payment;
			} )
			.immediate();
	}

	/**
	 * @param event     The event.
	 * @param paymentId The payment it concerns, if any.
	 * @param now       Milliseconds since the epoch.
	 * @return False when it had been recorded already.
	 */
	private insertEvent(
		event: StripeEventRef,
		paymentId: string | null,
		now: number
	): boolean {
		return (
			this.db
				.prepare(
					'INSERT OR IGNORE INTO stripe_events (id, type, payment_id, received_at) VALUES (?, ?, ?, ?)'
				)
				.run( event.id, event.type, paymentId, now ).changes === 1
		);
	}

	private addTransition(
		paymentId: string,
		from: PaymentStatus | null,
		to: PaymentStatus,
		source: TransitionSource,
		stripeEventId: string | null,
		now: number
	): void {
		this.db
			.prepare(
				`INSERT INTO transitions (payment_id, at, from_status, to_status, source, stripe_event_id)
				VALUES (?, ?, ?, ?, ?, ?)`
			)
			.run( paymentId, now, from, to, source, stripeEventId );
	}
}

/**
 * @param error A last error, or null.
 */
function serializeError( error: LastError | null ): string | null {
	return error === null ? null : JSON.stringify( error );
}
