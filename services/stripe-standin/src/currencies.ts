/**
 * Currencies the stand-in takes, with Stripe's minimum charge amounts
 * (https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts), in the smallest unit.
 */
import { invalidRequest } from './stripe-error';

const MINIMUMS: Record< string, number > = {
	usd: 50,
	aed: 200,
	aud: 50,
	bgn: 100,
	brl: 50,
	cad: 50,
	chf: 50,
	czk: 1500,
	dkk: 250,
	eur: 50,
	gbp: 30,
	hkd: 400,
	huf: 17500,
	inr: 50,
	jpy: 50,
	mxn: 1000,
	myr: 200,
	nok: 300,
	nzd: 50,
	pln: 200,
	ron: 200,
	sek: 300,
	sgd: 50,
	thb: 1000,
};

/** Currencies without a minor unit: 50 jpy is 50 yen, not 0.50. */
const ZERO_DECIMAL = new Set( [ 'jpy', 'huf' ] );

const SYMBOLS: Record< string, string > = {
	usd: '$',
	aud: '$',
	cad: '$',
	nzd: '$',
	sgd: '$',
	hkd: '$',
	eur: '€',
	gbp: '£',
	jpy: '¥',
	inr: '₹',
};

/** The largest amount Stripe takes (99,999,999 in the smallest unit). */
export const MAX_AMOUNT = 99_999_999;

function format( amount: number, currency: string ): string {
	const major = ZERO_DECIMAL.has( currency )
		? String( amount )
		: ( amount / 100 ).toFixed( 2 );
	return `${ SYMBOLS[ currency ] ?? '' }${ major } ${ currency }`;
}

/**
 * Lower-cases and checks a currency.
 *
 * @param value The currency given.
 */
export function checkCurrency( value: string ): string {
	const currency = value.toLowerCase();
	if ( MINIMUMS[ currency ] === undefined ) {
		throw invalidRequest(
			`Invalid currency: ${ currency }. Stripe currently supports these currencies: ${ Object.keys(
				MINIMUMS
			).join( ', ' ) }`,
			'currency'
		);
	}
	return currency;
}

/**
 * Checks an amount against Stripe's minimum and maximum for the currency.
 *
 * @param amount   In the smallest unit.
 * @param currency A checked currency.
 */
export function checkAmount( amount: number, currency: string ): void {
	if ( amount < 1 ) {
		throw invalidRequest(
			'This value must be greater than or equal to 1.',
			'amount',
			'parameter_invalid_integer'
		);
	}
	const minimum = MINIMUMS[ currency ] ?? 50;
	if ( amount < minimum ) {
		throw invalidRequest(
			`Amount must be at least ${ format( minimum, currency ) }`,
			'amount',
			'amount_too_small'
		);
	}
	if ( amount > MAX_AMOUNT ) {
		throw invalidRequest(
			`Amount must be no more than ${ format( MAX_AMOUNT, currency ) }`,
			'amount',
			'amount_too_large'
		);
	}
}

/**
 * An amount as Stripe writes it in messages ($10.00).
 *
 * @param amount   In the smallest unit.
 * @param currency The currency.
 */
export const formatAmount = ( amount: number, currency: string ) =>
	format( amount, currency ).replace( / [a-z]{3}$/, '' );
