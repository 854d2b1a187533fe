/**
 * The PaymentIntent lifecycle: create, update, confirm (success, decline, 3-D Secure), cancel, and the
 * end of a 3-D Secure challenge. Each change emits the events Stripe emits for it.
 */
import { outcomeOf } from './cards';
import { checkAmount, checkCurrency } from './currencies';
import { buildCharge, buildPaymentIntent, type ChargeFailure } from './objects';
import {
	choice,
	flag,
	hash,
	integer,
	list,
	metadata,
	refuseUnknown,
	text,
	type Params,
} from './params';
import { createPaymentMethod, resolvePaymentMethod } from './payment-methods';
import type { RequestInfo, Standin } from './standin';
import { copy, type PaymentIntent, type PaymentMethod } from './store';
import {
	docUrl,
	invalidRequest,
	noSuch,
	StripeError,
	unexpectedState,
} from './stripe-error';

const EDITABLE: PaymentIntent[ 'status' ][] = [
	'requires_payment_method',
	'requires_confirmation',
	'requires_action',
];

const CONFIRM_PARAMS = [
	'payment_method',
	'payment_method_data',
	'return_url',
	'receipt_email',
	'expand',
	'use_stripe_sdk',
	'client_secret',
];

/**
 * A stored PaymentIntent or Stripe's 404.
 *
 * @param standin The shared state.
 * @param id      Its id.
 */
export function findIntent( standin: Standin, id: string ): PaymentIntent {
	const intent = standin.data.paymentIntents[ id ];
	if ( intent === undefined ) {
		throw noSuch( 'payment_intent', id, 'intent' );
	}
	return intent;
}

/**
 * POST /v1/payment_intents.
 *
 * @param standin The shared state.
 * @param params  The parameters.
 * @param request Who asked.
 */
export function createIntent(
	standin: Standin,
	params: Params,
	request: RequestInfo
): PaymentIntent {
	refuseUnknown( params, [
		'amount',
		'currency',
		'automatic_payment_methods',
		'payment_method_types',
		'allowed_payment_method_types',
		'description',
		'metadata',
		'receipt_email',
		'capture_method',
		'confirm',
		'confirmation_method',
		...CONFIRM_PARAMS.filter( ( name ) => name !== 'client_secret' ),
	] );
	const amount = integer( params, 'amount', true ) ?? 0;
	const currency = checkCurrency( text( params, 'currency', true ) ?? '' );
	checkAmount( amount, currency );
	const capture = text( params, 'capture_method' );
	if ( capture !== undefined && capture !== 'automatic' ) {
		// Manual capture is not in the payment service's flow; refusing beats pretending.
		throw invalidRequest(
			`The Stripe stand-in supports capture_method=automatic only, not "${ capture }".`,
			'capture_method'
		);
	}
	choice( params, 'confirmation_method', [ 'automatic' ] );
	const automatic = hash( params, 'automatic_payment_methods' );
	if ( automatic !== undefined ) {
		refuseUnknown(
			automatic,
			[ 'enabled', 'allow_redirects' ],
			'automatic_payment_methods'
		);
	}
	const automaticEnabled =
		automatic === undefined
			? undefined
			: flag(
					automatic,
					'enabled',
					'automatic_payment_methods[enabled]'
				);
	// The endive API names the restriction allowed_payment_method_types; older versions payment_method_types.
	const typesParam =
		params.allowed_payment_method_types === undefined
			? 'payment_method_types'
			: 'allowed_payment_method_types';
	const types = list( params, typesParam );
	if ( types !== undefined && automaticEnabled === true ) {
		throw invalidRequest(
			`You may only specify one of these parameters: automatic_payment_methods, ${ typesParam }.`,
			'automatic_payment_methods'
		);
	}
	for ( const type of types ?? [] ) {
		if ( type !== 'card' ) {
			throw invalidRequest(
				`The payment method type "${ type }" is invalid. The stand-in supports card only.`,
				typesParam
			);
		}
	}

	const intent = buildPaymentIntent(
		{
			amount,
			currency,
			// Stripe's default since 2023-08-16: automatic payment methods, unless types are listed.
			automaticPaymentMethods: automaticEnabled ?? types === undefined,
			paymentMethodTypes: [ 'card' ],
			allowedPaymentMethodTypes:
				typesParam === 'allowed_payment_method_types'
					? ( types ?? null )
					: null,
			description: text( params, 'description' ) ?? null,
			metadata: metadata( params ) ?? {},
			receiptEmail: text( params, 'receipt_email' ) ?? null,
		},
		standin.now()
	);
	standin.data.paymentIntents[ intent.id ] = intent;
	standin.emit( 'payment_intent.created', intent, request );

	if ( flag( params, 'confirm' ) === true ) {
		return confirmIntent( standin, intent, params, request, true );
	}
	if ( text( params, 'payment_method' ) !== undefined ) {
		const method = resolvePaymentMethod(
			standin,
			text( params, 'payment_method' ) ?? ''
		);
		intent.payment_method = method.id;
		intent.status = 'requires_confirmation';
	}
	standin.changed();
	return intent;
}

/**
 * POST /v1/payment_intents/:id (amount, currency, metadata, description, receipt_email, payment_method).
 *
 * @param standin The shared state.
 * @param intent  The intent.
 * @param params  The parameters.
 */
export function updateIntent(
	standin: Standin,
	intent: PaymentIntent,
	params: Params
): PaymentIntent {
	refuseUnknown( params, [
		'amount',
		'currency',
		'metadata',
		'description',
		'receipt_email',
		'payment_method',
		'expand',
	] );
	const changesMoney =
		params.amount !== undefined || params.currency !== undefined;
	if ( ! EDITABLE.includes( intent.status ) && changesMoney ) {
		throw unexpectedState(
			`This PaymentIntent's amount could not be updated because it has a status of ${
				intent.status
			}. You may only update the amount of a PaymentIntent with one of the following statuses: ${ EDITABLE.join(
				', '
			) }.`,
			copy( intent )
		);
	}
	const currency =
		params.currency === undefined
			? intent.currency
			: checkCurrency( text( params, 'currency' ) ?? '' );
	const amount = integer( params, 'amount' ) ?? intent.amount;
	checkAmount( amount, currency );
	const paymentMethod = text( params, 'payment_method' );
	if ( paymentMethod !== undefined && ! EDITABLE.includes( intent.status ) ) {
		throw unexpectedState(
			`You cannot update this PaymentIntent's payment method because it has a status of ${ intent.status }.`,
			copy( intent )
		);
	}

	intent.amount = amount;
	intent.currency = currency;
	intent.metadata = metadata( params, intent.metadata ) ?? intent.metadata;
	if ( params.description !== undefined ) {
		intent.description = text( params, 'description' ) ?? null;
	}
	if ( params.receipt_email !== undefined ) {
		intent.receipt_email = text( params, 'receipt_email' ) ?? null;
	}
	if ( paymentMethod !== undefined ) {
		intent.payment_method = resolvePaymentMethod(
			standin,
			paymentMethod
		).id;
		intent.status = 'requires_confirmation';
		intent.next_action = null;
	}
	standin.changed();
	return intent;
}

function paymentMethodFor(
	standin: Standin,
	intent: PaymentIntent,
	params: Params
): PaymentMethod {
	const data = hash( params, 'payment_method_data' );
	if ( data !== undefined ) {
		return createPaymentMethod( standin, data );
	}
	const id = text( params, 'payment_method' ) ?? intent.payment_method;
	if ( id === null ) {
		throw unexpectedState(
			"You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
			copy( intent )
		);
	}
	return resolvePaymentMethod( standin, id );
}

/**
 * POST /v1/payment_intents/:id/confirm (and create with confirm=true).
 *
 * @param standin    The shared state.
 * @param intent     The intent.
 * @param params     The parameters.
 * @param request    Who asked.
 * @param fromCreate Whether the parameters were already checked by create.
 */
export function confirmIntent(
	standin: Standin,
	intent: PaymentIntent,
	params: Params,
	request: RequestInfo,
	fromCreate = false
): PaymentIntent {
	if ( ! fromCreate ) {
		refuseUnknown( params, CONFIRM_PARAMS );
	}
	if ( intent.status === 'succeeded' ) {
		throw unexpectedState(
			'You cannot confirm this PaymentIntent because it has already succeeded after being previously confirmed.',
			copy( intent )
		);
	}
	if ( ! EDITABLE.includes( intent.status ) ) {
		throw unexpectedState(
			`You cannot confirm this PaymentIntent because it has a status of ${ intent.status }.`,
			copy( intent )
		);
	}
	const returnUrl = text( params, 'return_url' ) ?? null;
	if ( returnUrl !== null && ! /^https?:\/\/\S+$/.test( returnUrl ) ) {
		throw invalidRequest( 'Not a valid URL', 'return_url', 'url_invalid' );
	}
	if ( params.receipt_email !== undefined ) {
		intent.receipt_email = text( params, 'receipt_email' ) ?? null;
	}
	const method = paymentMethodFor( standin, intent, params );
	intent.payment_method = method.id;
	const outcome = outcomeOf( standin.data.cardNumbers[ method.id ] ?? '' );

	if ( outcome.kind === 'authenticate' ) {
		intent.status = 'requires_action';
		intent.last_payment_error = null;
		intent.next_action = {
			type: 'redirect_to_url',
			redirect_to_url: {
				return_url: returnUrl,
				url: `${ standin.config.publicUrl }/_standin/3ds/${
					intent.id
				}?client_secret=${ encodeURIComponent( intent.client_secret ) }`,
			},
		};
		standin.emit( 'payment_intent.requires_action', intent, request );
		return intent;
	}
	if ( outcome.kind === 'decline' ) {
		throw decline( standin, intent, method, outcome, request );
	}
	return succeed( standin, intent, method, false, request );
}

function succeed(
	standin: Standin,
	intent: PaymentIntent,
	method: PaymentMethod,
	authenticated: boolean,
	request: RequestInfo
): PaymentIntent {
	const charge = buildCharge(
		intent,
		method,
		null,
		authenticated,
		standin.now()
	);
	standin.data.charges[ charge.id ] = charge;
	intent.status = 'succeeded';
	intent.amount_received = intent.amount;
	intent.latest_charge = charge.id;
	intent.last_payment_error = null;
	intent.next_action = null;
	standin.emit( 'charge.succeeded', charge, request );
	standin.emit( 'payment_intent.succeeded', intent, request );
	return intent;
}

function decline(
	standin: Standin,
	intent: PaymentIntent,
	method: PaymentMethod,
	failure: ChargeFailure,
	request: RequestInfo
): StripeError {
	const charge = buildCharge( intent, method, failure, false, standin.now() );
	standin.data.charges[ charge.id ] = charge;
	const error = {
		type: 'card_error' as const,
		code: failure.code,
		decline_code: failure.declineCode,
		message: failure.message,
		doc_url: docUrl( failure.code ),
		charge: charge.id,
	};
	intent.status = 'requires_payment_method';
	intent.latest_charge = charge.id;
	intent.payment_method = null;
	intent.next_action = null;
	intent.last_payment_error = {
		...error,
		payment_method: copy( method ),
	};
	standin.emit( 'charge.failed', charge, request );
	standin.emit( 'payment_intent.payment_failed', intent, request );
	return new StripeError( 402, {
		...error,
		payment_intent: copy( intent ),
		payment_method: copy( method ),
	} );
}

/**
 * POST /v1/payment_intents/:id/cancel.
 *
 * @param standin The shared state.
 * @param intent  The intent.
 * @param params  The parameters.
 * @param request Who asked.
 */
export function cancelIntent(
	standin: Standin,
	intent: PaymentIntent,
	params: Params,
	request: RequestInfo
): PaymentIntent {
	refuseUnknown( params, [ 'cancellation_reason', 'expand' ] );
	const reason = choice( params, 'cancellation_reason', [
		'duplicate',
		'fraudulent',
		'requested_by_customer',
		'abandoned',
	] );
	if ( ! EDITABLE.includes( intent.status ) ) {
		throw unexpectedState(
			`You cannot cancel this PaymentIntent because it has a status of ${
				intent.status
			}. Only a PaymentIntent with one of the following statuses may be canceled: ${ [
				...EDITABLE,
				'requires_capture',
				'processing',
			].join( ', ' ) }.`,
			copy( intent )
		);
	}
	intent.status = 'canceled';
	intent.canceled_at = Math.floor( standin.now() / 1000 );
	intent.cancellation_reason = reason ?? null;
	intent.next_action = null;
	standin.emit( 'payment_intent.canceled', intent, request );
	return intent;
}

/**
 * The end of a 3-D Secure challenge (POST /_standin/3ds/:payment_intent, from the challenge page).
 *
 * @param standin The shared state.
 * @param intent  The intent, in requires_action.
 * @param outcome What the visitor did.
 */
export function finishAuthentication(
	standin: Standin,
	intent: PaymentIntent,
	outcome: 'complete' | 'fail'
): PaymentIntent {
	if (
		intent.status !== 'requires_action' ||
		intent.payment_method === null
	) {
		throw unexpectedState(
			`This PaymentIntent has a status of ${ intent.status }: there is no authentication to complete.`,
			copy( intent )
		);
	}
	// The browser, not an API request, finished the challenge: Stripe's events then carry no request.
	const request = { id: null, idempotencyKey: null };
	const method = resolvePaymentMethod( standin, intent.payment_method );
	if ( outcome === 'complete' ) {
		return succeed( standin, intent, method, true, request );
	}
	intent.status = 'requires_payment_method';
	intent.payment_method = null;
	intent.next_action = null;
	intent.last_payment_error = {
		type: 'invalid_request_error',
		code: 'payment_intent_authentication_failure',
		doc_url: docUrl( 'payment_intent_authentication_failure' ),
		message:
			'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
		payment_method: copy( method ),
	};
	standin.emit( 'payment_intent.payment_failed', intent, request );
	return intent;
}
