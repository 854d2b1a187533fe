/**
 * Builders for Stripe objects with every top-level field Stripe returns (see test/shapes.test.ts), so
 * code written against the stand-in reads the same fields it will read from Stripe.
 */
import { createHash } from 'node:crypto';

import { brandOf } from './cards';
import { newId, randomText } from './ids';
import type {
	Charge,
	Json,
	PaymentIntent,
	PaymentMethod,
	Refund,
} from './store';

const seconds = ( ms: number ) => Math.floor( ms / 1000 );

export interface PaymentIntentInput {
	amount: number;
	currency: string;
	automaticPaymentMethods: boolean;
	paymentMethodTypes: string[];
	/** What the caller restricted the types to (the endive API's name), or null. */
	allowedPaymentMethodTypes: string[] | null;
	description: string | null;
	metadata: Record< string, string >;
	receiptEmail: string | null;
}

/**
 * A new PaymentIntent waiting for a payment method.
 *
 * @param input Its parameters.
 * @param now   Current time (ms).
 */
export function buildPaymentIntent(
	input: PaymentIntentInput,
	now: number
): PaymentIntent {
	const id = newId( 'pi' );
	return {
		id,
		object: 'payment_intent',
		// Two fields of API version 2026-10-28.endive that Stripe's older published example lacks.
		allowed_payment_method_types: input.allowedPaymentMethodTypes,
		payment_record: null,
		amount: input.amount,
		amount_capturable: 0,
		amount_details: { tip: {} },
		amount_received: 0,
		application: null,
		application_fee_amount: null,
		automatic_payment_methods: input.automaticPaymentMethods
			? { allow_redirects: 'always', enabled: true }
			: null,
		canceled_at: null,
		cancellation_reason: null,
		capture_method: 'automatic',
		client_secret: `${ id }_secret_${ randomText( 25 ) }`,
		confirmation_method: 'automatic',
		created: seconds( now ),
		currency: input.currency,
		customer: null,
		customer_account: null,
		description: input.description,
		excluded_payment_method_types: null,
		last_payment_error: null,
		latest_charge: null,
		livemode: false,
		managed_payments: null,
		metadata: input.metadata,
		next_action: null,
		on_behalf_of: null,
		payment_method: null,
		payment_method_configuration_details: null,
		payment_method_options: {
			card: {
				installments: null,
				mandate_options: null,
				network: null,
				request_three_d_secure: 'automatic',
			},
		},
		payment_method_types: input.paymentMethodTypes,
		processing: null,
		receipt_email: input.receiptEmail,
		review: null,
		setup_future_usage: null,
		shipping: null,
		source: null,
		statement_descriptor: null,
		statement_descriptor_suffix: null,
		status: 'requires_payment_method',
		transfer_data: null,
		transfer_group: null,
	};
}

export interface BillingInput {
	name?: string;
	email?: string;
	phone?: string;
	address?: Record< string, string | undefined >;
}

/**
 * Billing details with every field present (null when not given), as Stripe returns them.
 *
 * @param input What was given.
 */
export function billingDetails( input: BillingInput = {} ): Json {
	const address = input.address ?? {};
	return {
		address: {
			city: address.city ?? null,
			country: address.country ?? null,
			line1: address.line1 ?? null,
			line2: address.line2 ?? null,
			postal_code: address.postal_code ?? null,
			state: address.state ?? null,
		},
		email: input.email ?? null,
		name: input.name ?? null,
		phone: input.phone ?? null,
		tax_id: null,
	};
}

/**
 * Stripe's card fingerprint: the same number always gives the same value.
 *
 * @param number The card number.
 */
const fingerprint = ( number: string ) =>
	createHash( 'sha256' )
		.update( `standin:${ number }` )
		.digest( 'base64url' )
		.replace( /[-_]/g, '' )
		.slice( 0, 16 );

/**
 * A card PaymentMethod.
 *
 * @param card          Number and expiry.
 * @param card.number   The number.
 * @param card.expMonth Expiry month.
 * @param card.expYear  Expiry year.
 * @param card.cvc      Security code, if given (only its check result is kept).
 * @param billing       Billing details.
 * @param metadata      Metadata.
 * @param now           Current time (ms).
 */
export function buildPaymentMethod(
	card: {
		number: string;
		expMonth: number;
		expYear: number;
		cvc: string | undefined;
	},
	billing: Json,
	metadata: Record< string, string >,
	now: number
): PaymentMethod {
	const brand = brandOf( card.number );
	return {
		id: newId( 'pm' ),
		object: 'payment_method',
		allow_redisplay: 'unspecified',
		billing_details: billing,
		card: {
			brand,
			checks: {
				address_line1_check: null,
				address_postal_code_check: null,
				cvc_check: card.cvc === undefined ? null : 'unchecked',
			},
			country: 'US',
			display_brand: brand,
			exp_month: card.expMonth,
			exp_year: card.expYear < 100 ? 2000 + card.expYear : card.expYear,
			fingerprint: fingerprint( card.number ),
			funding: 'credit',
			generated_from: null,
			last4: card.number.slice( -4 ),
			networks: { available: [ brand ], preferred: null },
			regulated_status: 'unregulated',
			three_d_secure_usage: { supported: true },
			wallet: null,
		},
		created: seconds( now ),
		customer: null,
		customer_account: null,
		livemode: false,
		metadata,
		type: 'card',
	};
}

export interface ChargeFailure {
	code: string;
	declineCode: string;
	message: string;
}

/**
 * The Charge a confirmation makes: succeeded, or failed with the decline.
 *
 * @param intent        The PaymentIntent.
 * @param method        The PaymentMethod charged.
 * @param failure       The decline, or null.
 * @param authenticated Whether 3-D Secure was completed for it.
 * @param now           Current time (ms).
 */
export function buildCharge(
	intent: PaymentIntent,
	method: PaymentMethod,
	failure: ChargeFailure | null,
	authenticated: boolean,
	now: number
): Charge {
	const id = newId( 'ch' );
	const card = method.card;
	const paid = failure === null;
	return {
		id,
		object: 'charge',
		amount: intent.amount,
		amount_captured: paid ? intent.amount : 0,
		amount_refunded: 0,
		application: null,
		application_fee: null,
		application_fee_amount: null,
		balance_transaction: paid ? newId( 'txn' ) : null,
		billing_details: method.billing_details,
		calculated_statement_descriptor: 'SWITCHBOARD STANDIN',
		captured: paid,
		created: seconds( now ),
		currency: intent.currency,
		customer: null,
		description: intent.description,
		disputed: false,
		failure_balance_transaction: null,
		failure_code: failure?.code ?? null,
		failure_message: failure?.message ?? null,
		fraud_details: {},
		livemode: false,
		metadata: { ...intent.metadata },
		on_behalf_of: null,
		outcome: {
			advice_code: null,
			network_advice_code: null,
			network_decline_code: null,
			network_status: paid
				? 'approved_by_network'
				: 'declined_by_network',
			reason: failure?.declineCode ?? null,
			risk_level: 'normal',
			risk_score: 20,
			seller_message: paid
				? 'Payment complete.'
				: 'The bank did not return any further details with this decline.',
			type: paid ? 'authorized' : 'issuer_declined',
		},
		paid,
		payment_intent: intent.id,
		payment_method: method.id,
		payment_method_details: {
			card: {
				amount_authorized: paid ? intent.amount : null,
				authorization_code: null,
				brand: card.brand,
				checks: card.checks,
				country: card.country,
				exp_month: card.exp_month,
				exp_year: card.exp_year,
				extended_authorization: { status: 'disabled' },
				fingerprint: card.fingerprint,
				funding: card.funding,
				incremental_authorization: { status: 'unavailable' },
				installments: null,
				last4: card.last4,
				mandate: null,
				multicapture: { status: 'unavailable' },
				network: card.brand,
				network_token: { used: false },
				network_transaction_id: null,
				overcapture: {
					maximum_amount_capturable: intent.amount,
					status: 'unavailable',
				},
				regulated_status: 'unregulated',
				three_d_secure: authenticated
					? {
							authentication_flow: 'challenge',
							electronic_commerce_indicator: '05',
							exemption_indicator: null,
							result: 'authenticated',
							result_reason: null,
							transaction_id: randomText( 16 ),
							version: '2.2.0',
						}
					: null,
				wallet: null,
			},
			type: 'card',
		},
		receipt_email: intent.receipt_email,
		receipt_number: null,
		receipt_url: null,
		refunded: false,
		refunds: {
			object: 'list',
			data: [],
			has_more: false,
			url: `/v1/charges/${ id }/refunds`,
		},
		review: null,
		shipping: null,
		source: null,
		source_transfer: null,
		statement_descriptor: null,
		statement_descriptor_suffix: null,
		status: paid ? 'succeeded' : 'failed',
		transfer_data: null,
		transfer_group: null,
	};
}

export interface RefundInput {
	amount: number;
	reason: string | null;
	metadata: Record< string, string >;
}

/**
 * A refund, successful at once (test cards refund synchronously).
 *
 * @param charge The charge refunded.
 * @param input  Amount, reason, metadata.
 * @param now    Current time (ms).
 */
export function buildRefund(
	charge: Charge,
	input: RefundInput,
	now: number
): Refund {
	return {
		id: newId( 're' ),
		object: 'refund',
		amount: input.amount,
		balance_transaction: newId( 'txn' ),
		charge: charge.id,
		created: seconds( now ),
		currency: charge.currency,
		customer: null,
		customer_account: null,
		destination_details: {
			card: {
				reference: null,
				reference_status: 'pending',
				reference_type: 'acquirer_reference_number',
				type: 'refund',
			},
			type: 'card',
		},
		metadata: input.metadata,
		payment_intent: charge.payment_intent,
		payment_method: charge.payment_method,
		reason: input.reason,
		receipt_number: null,
		source_transfer_reversal: null,
		status: 'succeeded',
		transfer_reversal: null,
	};
}
