/**
 * What the routes, the webhook and the reconciler do with payments: create one per attempt key, re-read
 * intents from Stripe and apply them, and refund. Every re-read and apply of a payment runs under that
 * payment's lock, so an older read can never be applied after a newer one in this process.
 */
import { createHash } from 'node:crypto';

import { HttpError } from '@switchboard/service-kit';
import type { FastifyBaseLogger } from 'fastify';
import Stripe from 'stripe';

import { amountProblem } from './currencies';
import { KeyLock } from './key-lock';
import type {
	ApplyResult,
	Ledger,
	StripeEventRef,
	TransitionSource,
} from './ledger';
import {
	toPayment,
	type LastError,
	type Payment,
	type PaymentRow,
} from './payment';
import { describeStripeError, snapshotOf } from './stripe-client';
import { isFinal } from './transitions';

export interface CreateInput {
	attemptKey: string;
	amount: number;
	currency: string;
	description: string;
	reference: { postId: number; blockId: string };
	returnUrl: string;
	email?: string;
}

export interface CreateResult {
	/** The intent was created by this call (201), rather than found (200). */
	created: boolean;
	payment: Payment;
	clientSecret: string | null;
}

export interface RefundInput {
	refundKey: string;
	amount?: number;
	reason?: 'requested_by_customer' | 'duplicate' | 'fraudulent';
}

export interface RefundResult {
	payment: Payment;
	refund: { id: string; amount: number; status: string };
}

export type EventOutcome = 'processed' | 'duplicate' | 'ignored';

/**
 * A digest of every parameter of a request, so the same key with anything different is recognized.
 *
 * @param values The parameters, in a fixed order.
 */
function digest( values: unknown[] ): string {
	return createHash( 'sha256' )
		.update( JSON.stringify( values ) )
		.digest( 'hex' );
}

const stripeUnavailable = () =>
	new HttpError(
		502,
		'stripe_unavailable',
		'Stripe could not be reached or refused the request; the same key can be retried.'
	);

/**
 * @param error A PaymentIntent's last error.
 */
function lastErrorOf(
	error: Stripe.PaymentIntent.LastPaymentError | null | undefined
): LastError {
	return {
		code: error?.code ?? null,
		declineCode: error?.decline_code ?? null,
		message: error?.message ?? null,
	};
}

export class PaymentService {
	private readonly locks = new KeyLock();

	constructor(
		private readonly ledger: Ledger,
		private readonly stripe: Stripe,
		private readonly log: FastifyBaseLogger,
		private readonly livemode: boolean,
		/** Called after every change that may have queued a callback. */
		private readonly onChange: () => void
	) {}

	/**
	 * Creates the attempt's payment, or returns it when the attempt key is known.
	 *
	 * @param input The attempt.
	 */
	async create( input: CreateInput ): Promise< CreateResult > {
		const problem = amountProblem( input.amount, input.currency );
		if ( problem !== null ) {
			throw new HttpError( 400, 'invalid_amount', problem );
		}
		const email = input.email ?? null;
		const requestHash = digest( [
			input.amount,
			input.currency,
			input.description,
			input.reference.postId,
			input.reference.blockId,
			input.returnUrl,
			email,
		] );
		return this.locks.run( `attempt:${ input.attemptKey }`, async () => {
			const known = this.ledger.byAttemptKey( input.attemptKey );
			if ( known !== undefined && known.request_hash !== requestHash ) {
				throw new HttpError(
					409,
					'idempotency_conflict',
					'This attempt key was used with different parameters.'
				);
			}
			const row =
				known ??
				this.ledger.insert( {
					attemptKey: input.attemptKey,
					requestHash,
					amount: input.amount,
					currency: input.currency,
					description: input.description,
					postId: input.reference.postId,
					blockId: input.reference.blockId,
					returnUrl: input.returnUrl,
					email,
					livemode: this.livemode,
				} );
			// Final (even canceled before Stripe ever answered): nothing more may happen with this attempt.
			if ( isFinal( row.status ) ) {
				return {
					created: false,
					payment: toPayment( row ),
					clientSecret: null,
				};
			}
			if ( row.payment_intent_id !== null ) {
				const { result, intent } = await this.refresh( row, 'api' );
				return {
					created: false,
					payment: result.payment,
					clientSecret: isFinal( result.payment.status )
						? null
						: intent.client_secret,
				};
			}
			// A row without intent is an attempt whose earlier call to Stripe failed: asking again with the
			// same idempotency key either creates the intent now or returns the one Stripe made then.
			const intent = await this.createIntent( row );
			this.ledger.attachIntent( row.id, intent.id );
			const result = await this.locks.run(
				`payment:${ row.id }`,
				async () =>
					this.ledger.applyIntent( row.id, snapshotOf( intent ), {
						source: 'api',
					} )
			);
			this.onChange();
			return {
				created: true,
				payment: result.payment,
				clientSecret: isFinal( result.payment.status )
					? null
					: intent.client_secret,
			};
		} );
	}

	/**
	 * @param id      Payment id.
	 * @param refresh Re-read the intent from Stripe first when the payment is not final.
	 */
	async get( id: string, refresh: boolean ): Promise< Payment > {
		const row = this.ledger.byId( id );
		if ( row === undefined ) {
			throw new HttpError( 404, 'payment_not_found', 'No such payment.' );
		}
		if (
			! refresh ||
			isFinal( row.status ) ||
			row.payment_intent_id === null
		) {
			return toPayment( row );
		}
		return ( await this.refresh( row, 'api' ) ).result.payment;
	}

	/**
	 * Re-reads a payment's intent from Stripe and applies it: the one path of webhooks, the reconciler
	 * and refreshes.
	 *
	 * @param row     The payment.
	 * @param source  Who asks.
	 * @param event   The Stripe event that prompted it, recorded as processed with the change.
	 * @param failure The declined try to announce, for `payment_intent.payment_failed`.
	 */
	async refresh(
		row: PaymentRow,
		source: TransitionSource,
		event?: StripeEventRef,
		failure?: LastError
	): Promise< { result: ApplyResult; intent: Stripe.PaymentIntent } > {
		const intentId = row.payment_intent_id;
		if ( intentId === null ) {
			throw new Error( `Payment ${ row.id } has no intent.` );
		}
		return this.locks.run( `payment:${ row.id }`, async () => {
			const intent = await this.callStripe(
				row.id,
				'The PaymentIntent could not be retrieved.',
				() => this.stripe.paymentIntents.retrieve( intentId )
			);
			const result = this.ledger.applyIntent(
				row.id,
				snapshotOf( intent ),
				{
					source,
					stripeEvent: event,
					failure,
				}
			);
			if ( result.changed ) {
				this.log.info(
					{
						paymentId: row.id,
						status: result.payment.status,
						source,
					},
					'Payment status changed.'
				);
			}
			this.onChange();
			return { result, intent };
		} );
	}

	/**
	 * Cancels an abandoned payment's intent and applies the outcome.
	 *
	 * @param row The payment.
	 */
	async abandon( row: PaymentRow ): Promise< Payment > {
		const intentId = row.payment_intent_id;
		if ( intentId === null ) {
			this.ledger.cancelWithoutIntent( row.id );
			this.onChange();
			return toPayment( this.ledger.byId( row.id ) as PaymentRow );
		}
		return this.locks.run( `payment:${ row.id }`, async () => {
			// Paid or processing meanwhile, Stripe refuses to cancel: the next pass reads what it became.
			const intent = await this.callStripe(
				row.id,
				'An abandoned PaymentIntent could not be canceled.',
				() =>
					this.stripe.paymentIntents.cancel(
						intentId,
						{ cancellation_reason: 'abandoned' },
						{ idempotencyKey: `switchboard-abandon-${ row.id }` }
					)
			);
			const result = this.ledger.applyIntent(
				row.id,
				snapshotOf( intent ),
				{
					source: 'reconciler',
				}
			);
			this.onChange();
			return result.payment;
		} );
	}

	/**
	 * Handles a verified Stripe event: payment_intent.* events re-read their intent and apply it;
	 * everything else is only remembered.
	 *
	 * @param event A verified event.
	 */
	async handleEvent( event: Stripe.Event ): Promise< EventOutcome > {
		if ( this.ledger.hasEvent( event.id ) ) {
			return 'duplicate';
		}
		if ( ! event.type.startsWith( 'payment_intent.' ) ) {
			return this.ledger.recordEvent( event ) ? 'ignored' : 'duplicate';
		}
		const object = event.data.object as Stripe.PaymentIntent;
		let row = this.ledger.byIntentId( object.id );
		if ( row === undefined ) {
			// The create call's answer was lost, but Stripe made the intent: its metadata names the payment.
			const paymentId = object.metadata?.switchboard_payment_id;
			const candidate =
				paymentId === undefined
					? undefined
					: this.ledger.byId( paymentId );
			if (
				candidate !== undefined &&
				candidate.payment_intent_id === null
			) {
				this.ledger.attachIntent( candidate.id, object.id );
				row = this.ledger.byId( candidate.id );
			}
		}
		if ( row === undefined ) {
			return this.ledger.recordEvent( event ) ? 'ignored' : 'duplicate';
		}
		const failure =
			event.type === 'payment_intent.payment_failed'
				? lastErrorOf( object.last_payment_error )
				: undefined;
		const { result } = await this.refresh(
			row,
			'webhook',
			{ id: event.id, type: event.type },
			failure
		);
		return result.duplicate ? 'duplicate' : 'processed';
	}

	/**
	 * Refunds all or part of a paid payment, once per refund key.
	 *
	 * @param id          Payment id.
	 * @param input       The refund.
	 * @param requestedBy The WordPress user who asked.
	 */
	async refund(
		id: string,
		input: RefundInput,
		requestedBy: string
	): Promise< RefundResult > {
		const requestHash = digest( [
			id,
			input.amount ?? null,
			input.reason ?? null,
		] );
		return this.locks.run( `refund:${ input.refundKey }`, () =>
			this.locks.run( `payment:${ id }`, async () => {
				const known = this.ledger.refundByKey( input.refundKey );
				if ( known !== undefined ) {
					if ( known.request_hash !== requestHash ) {
						throw new HttpError(
							409,
							'idempotency_conflict',
							'This refund key was used with different parameters.'
						);
					}
					return {
						payment: toPayment(
							this.ledger.byId( id ) as PaymentRow
						),
						refund: {
							id: known.stripe_refund_id,
							amount: known.amount,
							status: known.status,
						},
					};
				}
				const row = this.ledger.byId( id );
				if ( row === undefined ) {
					throw new HttpError(
						404,
						'payment_not_found',
						'No such payment.'
					);
				}
				if (
					( row.status !== 'succeeded' &&
						row.status !== 'partially_refunded' ) ||
					row.payment_intent_id === null
				) {
					throw new HttpError(
						409,
						'not_refundable',
						'Only succeeded or partially refunded payments can be refunded.'
					);
				}
				const remaining = row.amount - row.amount_refunded;
				const amount = input.amount ?? remaining;
				if ( amount > remaining ) {
					throw new HttpError(
						400,
						'refund_exceeds_remaining',
						`At most ${ remaining } minor units remain to refund.`
					);
				}
				const intentId = row.payment_intent_id;
				const refund = await this.callStripe(
					row.id,
					'The refund could not be created.',
					() =>
						this.stripe.refunds.create(
							{
								payment_intent: intentId,
								amount,
								...( input.reason === undefined
									? {}
									: { reason: input.reason } ),
								metadata: {
									switchboard_payment_id: row.id,
									switchboard_refund_key: input.refundKey,
								},
							},
							{
								idempotencyKey: `switchboard-refund-${ input.refundKey }`,
							}
						)
				);
				const payment = this.ledger.recordRefund( {
					refund_key: input.refundKey,
					payment_id: row.id,
					request_hash: requestHash,
					stripe_refund_id: refund.id,
					amount: refund.amount,
					status: refund.status ?? 'pending',
					requested_by: requestedBy,
				} );
				this.log.info(
					{ paymentId: row.id, amount: refund.amount, requestedBy },
					'Refund recorded.'
				);
				this.onChange();
				return {
					payment,
					refund: {
						id: refund.id,
						amount: refund.amount,
						status: refund.status ?? 'pending',
					},
				};
			} )
		);
	}

	/**
	 * A Stripe call whose failure the caller may retry: logged (type and code only) and answered 502.
	 *
	 * @param paymentId The payment concerned, for the log.
	 * @param failure   The log message when it fails.
	 * @param call      The call.
	 */
	private async callStripe< T >(
		paymentId: string,
		failure: string,
		call: () => Promise< T >
	): Promise< T > {
		try {
			return await call();
		} catch ( error ) {
			this.log.warn(
				{ paymentId, ...describeStripeError( error ) },
				failure
			);
			throw stripeUnavailable();
		}
	}

	/**
	 * Asks Stripe for the attempt's intent, with the attempt's idempotency key.
	 *
	 * @param row The payment.
	 */
	private async createIntent(
		row: PaymentRow
	): Promise< Stripe.PaymentIntent > {
		try {
			return await this.stripe.paymentIntents.create(
				{
					amount: row.amount,
					currency: row.currency,
					description: row.description,
					// The Payment Element offers whatever methods the account has switched on.
					automatic_payment_methods: { enabled: true },
					...( row.email === null
						? {}
						: { receipt_email: row.email } ),
					metadata: {
						switchboard_payment_id: row.id,
						switchboard_attempt_key: row.attempt_key,
						wordpress_post_id: String( row.post_id ),
						wordpress_block_id: row.block_id,
					},
				},
				{ idempotencyKey: `switchboard-payment-${ row.attempt_key }` }
			);
		} catch ( error ) {
			this.log.warn(
				{ paymentId: row.id, ...describeStripeError( error ) },
				'The PaymentIntent could not be created.'
			);
			if ( error instanceof Stripe.errors.StripeIdempotencyError ) {
				throw new HttpError(
					409,
					'idempotency_conflict',
					'Stripe already knows this attempt key with different parameters.'
				);
			}
			throw stripeUnavailable();
		}
	}
}
