/**
 * What a visitor is told when Stripe refuses a payment: a sentence they can act on, not a code.
 */

/** The messages render.php provides, translated (ViewModel::strings()['declines']). */
export interface DeclineMessages {
	insufficientFunds: string;
	cardDeclined: string;
	expiredCard: string;
	incorrectCvc: string;
	incorrectNumber: string;
	processingError: string;
	authenticationFailed: string;
	generic: string;
}

/** The fields of a Stripe.js error this reads. */
export interface StripeErrorLike {
	type?: string;
	code?: string;
	decline_code?: string;
	message?: string;
}

/*
 * Decline and error codes, most specific first. Lost or stolen cards and fraud suspicions read as a plain
 * decline on purpose: Stripe asks that the real reason not be revealed to the person paying.
 */
const CODES: ReadonlyArray< [ RegExp, keyof DeclineMessages ] > = [
	[ /^insufficient_funds$/, 'insufficientFunds' ],
	[ /^(expired_card)$/, 'expiredCard' ],
	[ /^(incorrect_cvc|invalid_cvc)$/, 'incorrectCvc' ],
	[ /^(incorrect_number|invalid_number)$/, 'incorrectNumber' ],
	[
		/^(processing_error|try_again_later|reenter_transaction)$/,
		'processingError',
	],
	[
		/^(authentication_required|payment_intent_authentication_failure|setup_intent_authentication_failure)$/,
		'authenticationFailed',
	],
	[
		/^(card_declined|generic_decline|do_not_honor|lost_card|stolen_card|fraudulent|pickup_card|restricted_card|security_violation|card_not_supported|currency_not_supported|call_issuer|transaction_not_allowed)$/,
		'cardDeclined',
	],
];

/**
 * The message for an error from `stripe.confirmPayment()`.
 *
 * Form validation errors (an incomplete card number...) keep Stripe's own text, which is already written
 * for the visitor and translated by Stripe.js; known declines get ours; anything else falls back to
 * Stripe's message, then to a generic sentence.
 *
 * @param error    The error.
 * @param messages Translated messages.
 * @return What to tell the visitor.
 */
export function declineMessage(
	error: StripeErrorLike,
	messages: DeclineMessages
): string {
	if ( error.type !== 'validation_error' ) {
		for ( const code of [ error.decline_code, error.code ] ) {
			const match = code && CODES.find( ( [ re ] ) => re.test( code ) );
			if ( match ) {
				return messages[ match[ 1 ] ];
			}
		}
	}
	return error.message?.trim() || messages.generic;
}
