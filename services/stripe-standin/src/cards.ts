/**
 * Stripe's documented test cards and test PaymentMethod ids, and what each does when charged.
 */
import { invalidRequest, StripeError, docUrl } from './stripe-error';

export type CardOutcome =
	| { kind: 'succeed' }
	| { kind: 'authenticate' }
	| { kind: 'decline'; code: string; declineCode: string; message: string };

const DECLINED = 'Your card was declined.';

/** Card numbers with a behaviour other than plain success (https://docs.stripe.com/testing). */
const BEHAVIOUR: Record< string, CardOutcome > = {
	'4000000000000002': {
		kind: 'decline',
		code: 'card_declined',
		declineCode: 'generic_decline',
		message: DECLINED,
	},
	'4000000000009995': {
		kind: 'decline',
		code: 'card_declined',
		declineCode: 'insufficient_funds',
		message: 'Your card has insufficient funds.',
	},
	'4000000000009987': {
		kind: 'decline',
		code: 'card_declined',
		declineCode: 'lost_card',
		message: DECLINED,
	},
	'4000000000000069': {
		kind: 'decline',
		code: 'expired_card',
		declineCode: 'expired_card',
		message: 'Your card has expired.',
	},
	'4000000000000127': {
		kind: 'decline',
		code: 'incorrect_cvc',
		declineCode: 'incorrect_cvc',
		message: "Your card's security code is incorrect.",
	},
	// Attaches fine, fails when charged.
	'4000000000000341': {
		kind: 'decline',
		code: 'card_declined',
		declineCode: 'generic_decline',
		message: DECLINED,
	},
	'4000002760003184': { kind: 'authenticate' },
	'4000002500003155': { kind: 'authenticate' },
	'4000000000003220': { kind: 'authenticate' },
};

/** Stripe's test PaymentMethod ids and the card each stands for. */
export const TEST_PAYMENT_METHODS: Record< string, string > = {
	pm_card_visa: '4242424242424242',
	pm_card_mastercard: '5555555555554444',
	pm_card_amex: '378282246310005',
	pm_card_chargeDeclined: '4000000000000002',
	pm_card_chargeDeclinedInsufficientFunds: '4000000000009995',
	pm_card_chargeDeclinedLostCard: '4000000000009987',
	pm_card_chargeDeclinedExpiredCard: '4000000000000069',
	pm_card_chargeDeclinedIncorrectCvc: '4000000000000127',
	pm_card_chargeCustomerFail: '4000000000000341',
	pm_card_authenticationRequired: '4000002500003155',
	pm_card_threeDSecure2Required: '4000000000003220',
};

/**
 * What charging this card does.
 *
 * @param number The card number.
 */
export const outcomeOf = ( number: string ): CardOutcome =>
	BEHAVIOUR[ number ] ?? { kind: 'succeed' };

/**
 * The card brand Stripe reports, from the number's prefix.
 *
 * @param number The card number.
 */
export function brandOf( number: string ): string {
	if ( /^4/.test( number ) ) {
		return 'visa';
	}
	if ( /^(5[1-5]|2[2-7])/.test( number ) ) {
		return 'mastercard';
	}
	if ( /^3[47]/.test( number ) ) {
		return 'amex';
	}
	if ( /^6(011|5)/.test( number ) ) {
		return 'discover';
	}
	return 'unknown';
}

/**
 * The Luhn checksum every real card number passes.
 *
 * @param number Digits only.
 */
export function luhnValid( number: string ): boolean {
	let sum = 0;
	for ( let index = 0; index < number.length; index++ ) {
		let digit = Number( number[ number.length - 1 - index ] );
		if ( index % 2 === 1 ) {
			digit *= 2;
			if ( digit > 9 ) {
				digit -= 9;
			}
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

export interface CardInput {
	number: string;
	expMonth: number;
	expYear: number;
	cvc: string | undefined;
}

function cardError( code: string, message: string, param: string ) {
	return new StripeError( 402, {
		type: 'card_error',
		code,
		doc_url: docUrl( code ),
		message,
		param,
	} );
}

/**
 * Checks a card as Stripe does when a PaymentMethod is created: these are card_errors (402).
 *
 * @param card The card.
 * @param now  The current time (ms).
 */
export function validateCard( card: CardInput, now: number ): void {
	if ( ! /^\d{12,19}$/.test( card.number ) || ! luhnValid( card.number ) ) {
		throw cardError(
			'incorrect_number',
			'Your card number is incorrect.',
			'card[number]'
		);
	}
	if ( card.expMonth < 1 || card.expMonth > 12 ) {
		throw cardError(
			'invalid_expiry_month',
			"Your card's expiration month is invalid.",
			'card[exp_month]'
		);
	}
	const year = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
	const today = new Date( now );
	const currentYear = today.getUTCFullYear();
	if ( year < currentYear || year > currentYear + 50 ) {
		throw cardError(
			'invalid_expiry_year',
			"Your card's expiration year is invalid.",
			'card[exp_year]'
		);
	}
	if ( year === currentYear && card.expMonth < today.getUTCMonth() + 1 ) {
		throw cardError(
			'invalid_expiry_month',
			"Your card's expiration month is invalid.",
			'card[exp_month]'
		);
	}
	if ( card.cvc !== undefined && ! /^\d{3,4}$/.test( card.cvc ) ) {
		throw cardError(
			'invalid_cvc',
			"Your card's security code is invalid.",
			'card[cvc]'
		);
	}
}

/**
 * The number as typed, without the spaces or dashes people put in it.
 *
 * @param value A card number as sent, maybe with spaces.
 */
export function normalizeNumber( value: string ): string {
	const digits = value.replace( /[\s-]/g, '' );
	if ( digits === '' ) {
		throw invalidRequest(
			'Missing required param: card[number].',
			'card[number]',
			'parameter_missing'
		);
	}
	return digits;
}
