/**
 * Stripe's error answers: `{ "error": { type, code, decline_code, message, param, doc_url, ... } }` with
 * Stripe's statuses, so the SDK raises the same error classes it raises against the real API.
 */
export type StripeErrorType =
	| 'api_error'
	| 'card_error'
	| 'idempotency_error'
	| 'invalid_request_error'
	| 'authentication_error'
	| 'rate_limit_error';

export interface StripeErrorBody {
	type: StripeErrorType;
	message: string;
	code?: string;
	decline_code?: string;
	param?: string;
	doc_url?: string;
	charge?: string;
	payment_intent?: Record< string, unknown >;
	payment_method?: Record< string, unknown >;
	request_log_url?: string;
}

/** Thrown anywhere below a route; the error handler turns it into Stripe's answer. */
export class StripeError extends Error {
	constructor(
		readonly statusCode: number,
		readonly body: StripeErrorBody
	) {
		super( body.message );
	}
}

/**
 * Stripe's documentation page for an error code.
 *
 * @param code The error code.
 */
export const docUrl = ( code: string ) =>
	`https://stripe.com/docs/error-codes/${ code.replace( /_/g, '-' ) }`;

/**
 * A 400 invalid_request_error.
 *
 * @param message What Stripe says.
 * @param param   The parameter at fault.
 * @param code    The error code.
 */
export function invalidRequest(
	message: string,
	param?: string,
	code?: string
): StripeError {
	return new StripeError( 400, {
		type: 'invalid_request_error',
		message,
		...( code === undefined ? {} : { code, doc_url: docUrl( code ) } ),
		...( param === undefined ? {} : { param } ),
	} );
}

/**
 * Stripe's 404 for an unknown id.
 *
 * @param kind  The object name (payment_intent, charge...).
 * @param id    The id asked for.
 * @param param The parameter that named it, when it came from the body.
 */
export function noSuch( kind: string, id: string, param = 'id' ): StripeError {
	return new StripeError( 404, {
		type: 'invalid_request_error',
		code: 'resource_missing',
		doc_url: docUrl( 'resource_missing' ),
		message: `No such ${ kind }: '${ id }'`,
		param,
	} );
}

/**
 * An unexpected-state error (confirming a succeeded intent, refunding an unpaid one...).
 *
 * @param message       What Stripe says.
 * @param paymentIntent The intent, embedded as Stripe does.
 */
export function unexpectedState(
	message: string,
	paymentIntent?: Record< string, unknown >
): StripeError {
	return new StripeError( 400, {
		type: 'invalid_request_error',
		code: 'payment_intent_unexpected_state',
		doc_url: docUrl( 'payment_intent_unexpected_state' ),
		message,
		...( paymentIntent === undefined
			? {}
			: { payment_intent: paymentIntent } ),
	} );
}

/** The 401 a publishable key gets on a call only a secret key may make. */
export const publishableKeyRefused = () =>
	new StripeError( 401, {
		type: 'invalid_request_error',
		message:
			'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
	} );
