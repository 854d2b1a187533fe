/**
 * The currencies a payment may be in, with Stripe's minimum charge for each, in minor units.
 *
 * Amounts always arrive in the currency's minor unit (cents, yen, fils), exactly as Stripe takes them, so
 * nothing here converts: zero-decimal currencies (JPY, KRW) count whole units, three-decimal ones (BHD, KWD)
 * thousandths. Minimums are Stripe's published minimum charge amounts; BHD, KWD and KRW are not in that
 * table, so theirs is the equivalent of Stripe's USD 0.50 rounded up.
 */
export interface CurrencyRule {
	/** Digits after the decimal point (0, 2 or 3). */
	decimals: 0 | 2 | 3;
	/** Smallest amount Stripe charges, in minor units. */
	minimum: number;
}

export const CURRENCIES: Readonly< Record< string, CurrencyRule > > = {
	usd: { decimals: 2, minimum: 50 },
	aed: { decimals: 2, minimum: 200 },
	aud: { decimals: 2, minimum: 50 },
	bgn: { decimals: 2, minimum: 100 },
	brl: { decimals: 2, minimum: 50 },
	cad: { decimals: 2, minimum: 50 },
	chf: { decimals: 2, minimum: 50 },
	czk: { decimals: 2, minimum: 1500 },
	dkk: { decimals: 2, minimum: 250 },
	eur: { decimals: 2, minimum: 50 },
	gbp: { decimals: 2, minimum: 30 },
	hkd: { decimals: 2, minimum: 400 },
	huf: { decimals: 2, minimum: 17500 },
	inr: { decimals: 2, minimum: 50 },
	mxn: { decimals: 2, minimum: 1000 },
	myr: { decimals: 2, minimum: 200 },
	nok: { decimals: 2, minimum: 300 },
	nzd: { decimals: 2, minimum: 50 },
	pln: { decimals: 2, minimum: 200 },
	ron: { decimals: 2, minimum: 200 },
	sek: { decimals: 2, minimum: 300 },
	sgd: { decimals: 2, minimum: 50 },
	thb: { decimals: 2, minimum: 1000 },
	jpy: { decimals: 0, minimum: 50 },
	krw: { decimals: 0, minimum: 700 },
	bhd: { decimals: 3, minimum: 200 },
	kwd: { decimals: 3, minimum: 160 },
};

/** Largest amount accepted, in minor units (Stripe's limit is 99,999,999 for most currencies). */
export const MAX_AMOUNT = 99_999_999;

/** Lowercase codes of the supported currencies, for the request schema. */
export const CURRENCY_CODES = Object.keys( CURRENCIES );

/**
 * Why an amount cannot be charged in a (supported) currency, or null when it can.
 *
 * @param amount   Minor units.
 * @param currency Lowercase ISO code, one of CURRENCY_CODES.
 */
export function amountProblem(
	amount: number,
	currency: string
): string | null {
	const rule = CURRENCIES[ currency ];
	if ( rule === undefined ) {
		return `The currency "${ currency }" is not supported.`;
	}
	if ( amount < rule.minimum ) {
		return `The amount is below Stripe's minimum for ${ currency.toUpperCase() } (${ rule.minimum } minor units).`;
	}
	// Stripe charges three-decimal currencies in multiples of ten (the last digit must be 0).
	if ( rule.decimals === 3 && amount % 10 !== 0 ) {
		return `Amounts in ${ currency.toUpperCase() } must be a multiple of 10 minor units.`;
	}
	return null;
}
