/**
 * Handling a PaymentIntent's `requires_action`: the 3-D Secure challenge in the modal, then the intent
 * read again, because the server (not the modal) is the source of truth for the outcome.
 */
import { callApi, intentIdOf } from './api-client';
import type {
	PaymentIntent,
	PaymentIntentResult,
	StripeError,
} from './stripe-types';
import { runChallenge } from './three-ds-modal';

const AUTHENTICATION_FAILURE =
	'We are unable to authenticate your payment method. Please choose a different payment method and try again.';

/**
 * Retrieves a PaymentIntent with its client secret, as stripe.retrievePaymentIntent() does.
 *
 * @param apiBase        The stand-in's base URL.
 * @param publishableKey The pk_ key.
 * @param clientSecret   The intent's client secret.
 */
export async function retrieveIntent(
	apiBase: string,
	publishableKey: string,
	clientSecret: string
): Promise< PaymentIntentResult > {
	const id = intentIdOf( clientSecret );
	if ( id === null ) {
		return { error: invalidSecret( clientSecret ) };
	}
	const result = await callApi< PaymentIntent >(
		apiBase,
		publishableKey,
		'GET',
		`/v1/payment_intents/${ id }`,
		{ client_secret: clientSecret }
	);
	return result.ok ? { paymentIntent: result.body } : { error: result.error };
}

/**
 * Runs the intent's next action and resolves with the intent (succeeded or processing) or the
 * authentication error Stripe.js reports.
 *
 * @param apiBase        The stand-in's base URL.
 * @param publishableKey The pk_ key.
 * @param intent         An intent in requires_action.
 */
export async function handleAction(
	apiBase: string,
	publishableKey: string,
	intent: PaymentIntent
): Promise< PaymentIntentResult > {
	const challengeUrl = intent.next_action?.redirect_to_url?.url;
	if ( ! challengeUrl || intent.client_secret === null ) {
		return {
			error: {
				type: 'invalid_request_error',
				code: 'payment_intent_unexpected_state',
				message: `The PaymentIntent has no next action the stand-in can handle (status ${ intent.status }).`,
				payment_intent: intent,
			},
		};
	}
	await runChallenge( challengeUrl );
	const after = await retrieveIntent(
		apiBase,
		publishableKey,
		intent.client_secret
	);
	if ( after.error ) {
		return after;
	}
	const current = after.paymentIntent;
	if ( current.status === 'succeeded' || current.status === 'processing' ) {
		return { paymentIntent: current };
	}
	return { error: authenticationFailure( current ) };
}

/**
 * The error Stripe.js resolves with when the challenge fails: the intent's last_payment_error (the server
 * sets payment_intent_authentication_failure) with the intent attached.
 *
 * @param intent The intent after the failed challenge.
 */
export function authenticationFailure( intent: PaymentIntent ): StripeError {
	const last = intent.last_payment_error;
	return {
		type: last?.type ?? 'invalid_request_error',
		code: last?.code ?? 'payment_intent_authentication_failure',
		message: last?.message ?? AUTHENTICATION_FAILURE,
		doc_url:
			last?.doc_url ??
			'https://stripe.com/docs/error-codes/payment-intent-authentication-failure',
		...( last?.payment_method
			? { payment_method: last.payment_method }
			: {} ),
		payment_intent: intent,
	};
}

/**
 * @param clientSecret What was given.
 */
function invalidSecret( clientSecret: string ): StripeError {
	return {
		type: 'invalid_request_error',
		code: 'parameter_invalid',
		param: 'client_secret',
		message: `Invalid value for clientSecret: ${ clientSecret }. It should be a client secret of the form \${id}_secret_\${secret}.`,
	};
}
