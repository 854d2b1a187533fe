/**
 * Card input rules of the Payment Element: brand detection, formatting as the visitor types, and
 * validation with Stripe's own codes and messages. Pure functions, so they are tested without a browser.
 */

export type CardBrand =
	| 'visa'
	| 'mastercard'
	| 'amex'
	| 'discover'
	| 'diners'
	| 'jcb'
	| 'unionpay'
	| 'unknown';

export type CardField = 'number' | 'expiry' | 'cvc';

export interface FieldError {
	field: CardField;
	code: string;
	message: string;
}

/** Stripe's messages for the codes the Payment Element reports. */
export const MESSAGES: Record< string, string > = {
	incomplete_number: 'Your card number is incomplete.',
	invalid_number: 'Your card number is invalid.',
	incomplete_expiry: "Your card's expiration date is incomplete.",
	invalid_expiry_month: "Your card's expiration date is invalid.",
	invalid_expiry_month_past: "Your card's expiration date is in the past.",
	invalid_expiry_year_past: "Your card's expiration year is in the past.",
	invalid_expiry_year: "Your card's expiration year is invalid.",
	incomplete_cvc: "Your card's security code is incomplete.",
};

/**
 * The brand from the leading digits (the ranges Stripe.js uses to pick the icon and the lengths).
 *
 * @param digits Card number digits.
 */
export function detectBrand( digits: string ): CardBrand {
	if ( /^4/.test( digits ) ) {
		return 'visa';
	}
	if ( /^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))/.test( digits ) ) {
		return 'mastercard';
	}
	if ( /^3[47]/.test( digits ) ) {
		return 'amex';
	}
	if ( /^(6011|64[4-9]|65)/.test( digits ) ) {
		return 'discover';
	}
	if ( /^3(0[0-5]|[689])/.test( digits ) ) {
		return 'diners';
	}
	if ( /^35/.test( digits ) ) {
		return 'jcb';
	}
	if ( /^62/.test( digits ) ) {
		return 'unionpay';
	}
	return 'unknown';
}

/**
 * How many digits a complete number of this brand has.
 *
 * @param brand The brand.
 */
export function numberLength( brand: CardBrand ): number {
	if ( brand === 'amex' ) {
		return 15;
	}
	if ( brand === 'diners' ) {
		return 14;
	}
	return 16;
}

/**
 * The CVC length of a brand.
 *
 * @param brand The brand.
 */
export function cvcLength( brand: CardBrand ): number {
	return brand === 'amex' ? 4 : 3;
}

/**
 * Only the digits, at most `max` of them.
 *
 * @param value Raw input.
 * @param max   The most digits kept.
 */
export function digitsOf( value: string, max: number ): string {
	return value.replace( /\D/g, '' ).slice( 0, max );
}

/**
 * The number in the groups printed on the card (4-6-5 for Amex, 4-6-4 for Diners, 4-4-4-4 otherwise).
 *
 * @param digits Card number digits.
 */
export function formatNumber( digits: string ): string {
	const brand = detectBrand( digits );
	let groups = [ 4, 4, 4, 4 ];
	if ( brand === 'amex' ) {
		groups = [ 4, 6, 5 ];
	} else if ( brand === 'diners' ) {
		groups = [ 4, 6, 4 ];
	}
	const parts: string[] = [];
	let rest = digits;
	for ( const size of groups ) {
		if ( rest === '' ) {
			break;
		}
		parts.push( rest.slice( 0, size ) );
		rest = rest.slice( size );
	}
	return parts.join( ' ' );
}

/**
 * Expiry digits as "MM / YY"; a first digit above 1 is a one-digit month ("4" becomes "04 / ").
 *
 * @param value Raw input.
 */
export function formatExpiry( value: string ): string {
	let digits = digitsOf( value, 4 );
	if ( /^[2-9]/.test( digits ) ) {
		digits = `0${ digits }`.slice( 0, 4 );
	}
	if ( digits.length <= 2 ) {
		return digits.length === 2 && value.length > 2
			? `${ digits } / `
			: digits;
	}
	return `${ digits.slice( 0, 2 ) } / ${ digits.slice( 2 ) }`;
}

/**
 * The Luhn checksum every card number satisfies.
 *
 * @param digits Card number digits.
 */
export function passesLuhn( digits: string ): boolean {
	let sum = 0;
	for ( let index = 0; index < digits.length; index++ ) {
		let digit = Number( digits[ digits.length - 1 - index ] );
		if ( index % 2 === 1 ) {
			digit *= 2;
			if ( digit > 9 ) {
				digit -= 9;
			}
		}
		sum += digit;
	}
	return digits.length > 0 && sum % 10 === 0;
}

/**
 * The number's error, or null.
 *
 * @param digits Card number digits.
 */
export function numberError( digits: string ): FieldError | null {
	if ( digits.length < numberLength( detectBrand( digits ) ) ) {
		return fieldError( 'number', 'incomplete_number' );
	}
	return passesLuhn( digits )
		? null
		: fieldError( 'number', 'invalid_number' );
}

/**
 * The expiry's error, or null.
 *
 * @param formatted "MM / YY".
 * @param now       Today (a parameter so tests are not tied to the calendar).
 */
export function expiryError( formatted: string, now: Date ): FieldError | null {
	const parts = parseExpiry( formatted );
	if ( parts === null ) {
		return fieldError( 'expiry', 'incomplete_expiry' );
	}
	if ( parts.month < 1 || parts.month > 12 ) {
		return fieldError( 'expiry', 'invalid_expiry_month' );
	}
	const year = now.getUTCFullYear();
	if ( parts.year < year ) {
		return fieldError( 'expiry', 'invalid_expiry_year_past' );
	}
	if ( parts.year > year + 50 ) {
		return fieldError( 'expiry', 'invalid_expiry_year' );
	}
	if ( parts.year === year && parts.month < now.getUTCMonth() + 1 ) {
		return fieldError( 'expiry', 'invalid_expiry_month_past' );
	}
	return null;
}

/**
 * Month and four-digit year from "MM / YY", or null when incomplete.
 *
 * @param formatted "MM / YY".
 */
export function parseExpiry(
	formatted: string
): { month: number; year: number } | null {
	const digits = digitsOf( formatted, 4 );
	if ( digits.length < 4 ) {
		return null;
	}
	return {
		month: Number( digits.slice( 0, 2 ) ),
		year: 2000 + Number( digits.slice( 2 ) ),
	};
}

/**
 * The CVC's error, or null.
 *
 * @param cvc   CVC digits.
 * @param brand The card's brand (Amex has four digits).
 */
export function cvcError( cvc: string, brand: CardBrand ): FieldError | null {
	return cvc.length < cvcLength( brand )
		? fieldError( 'cvc', 'incomplete_cvc' )
		: null;
}

/**
 * @param field The field.
 * @param code  Stripe's code.
 */
function fieldError( field: CardField, code: string ): FieldError {
	return { field, code, message: MESSAGES[ code ] };
}
