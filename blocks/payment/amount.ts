/**
 * Amounts as people read and type them, and as Stripe counts them: whole minor units (cents, yen, fils).
 *
 * The currency's number of decimals comes from the gateway's currency table (Stripe's, which differs from
 * ISO 4217 for a few currencies), never from Intl's own idea of the currency, so 0-, 2- and 3-decimal
 * currencies format and parse the way Stripe will charge them.
 */

/** Largest amount Stripe charges at once, in minor units (Currency::MAXIMUM in PHP). */
export const MAXIMUM_AMOUNT = 99999999;

/**
 * WordPress's locale (`en_US`, `de_DE_formal`) as a BCP 47 tag Intl accepts (`en-US`, `de-DE`).
 *
 * @param locale WordPress or BCP 47 locale; empty for the browser's.
 * @return A tag Intl understands, or undefined for the browser's default.
 */
export function toLanguageTag( locale: string ): string | undefined {
	const parts = locale.replace( /_/g, '-' ).split( '-' ).slice( 0, 2 );
	const tag = parts.join( '-' );
	try {
		return tag ? Intl.getCanonicalLocales( tag )[ 0 ] : undefined;
	} catch {
		return undefined;
	}
}

/**
 * An amount with its currency, e.g. "$5.00", "¥500", "KWD 5.000", as the locale writes it.
 *
 * @param minor    Amount in minor units.
 * @param code     ISO currency code, any case.
 * @param decimals The currency's decimals for Stripe.
 * @param locale   WordPress or BCP 47 locale.
 * @return The formatted amount.
 */
export function formatAmount(
	minor: number,
	code: string,
	decimals: number,
	locale: string
): string {
	const major = minor / 10 ** decimals;
	try {
		return new Intl.NumberFormat( toLanguageTag( locale ), {
			style: 'currency',
			currency: code.toUpperCase(),
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals,
		} ).format( major );
	} catch {
		// An unknown code: the number and the code, which any reader understands.
		return `${ major.toFixed( decimals ) } ${ code.toUpperCase() }`;
	}
}

/**
 * An amount without its currency, for an input field ("5.00", "5,00", "500").
 *
 * @param minor    Amount in minor units.
 * @param decimals The currency's decimals.
 * @param locale   WordPress or BCP 47 locale.
 * @return The amount as decimal text, without grouping.
 */
export function amountText(
	minor: number,
	decimals: number,
	locale: string
): string {
	return new Intl.NumberFormat( toLanguageTag( locale ), {
		minimumFractionDigits: decimals,
		maximumFractionDigits: decimals,
		useGrouping: false,
	} ).format( minor / 10 ** decimals );
}

/**
 * The locale's decimal and grouping separators.
 *
 * @param locale WordPress or BCP 47 locale.
 * @return The two separators (grouping may be a space).
 */
function separators( locale: string ): { decimal: string; group: string } {
	const parts = new Intl.NumberFormat(
		toLanguageTag( locale )
	).formatToParts( 12345.6 );
	return {
		decimal: parts.find( ( p ) => p.type === 'decimal' )?.value ?? '.',
		group: parts.find( ( p ) => p.type === 'group' )?.value ?? ',',
	};
}

/**
 * Reads an amount a person typed ("5", "5.5", "5,50", "1,000", "$ 1.000,50", "¥500") into minor units.
 *
 * The locale's own decimal separator always means decimals. The other of `.` and `,` means decimals too
 * unless it is the locale's grouping separator followed by exactly three digits: people type "12,50"
 * in English locales too, and "1.000" in German ones means a thousand.
 *
 * @param text     What was typed.
 * @param decimals The currency's decimals.
 * @param locale   WordPress or BCP 47 locale.
 * @return Minor units, or null when it is not a positive amount with at most the currency's decimals.
 */
export function parseAmount(
	text: string,
	decimals: number,
	locale: string
): number | null {
	if ( text.includes( '-' ) ) {
		return null;
	}
	const { decimal, group } = separators( locale );
	// Currency symbols, codes and spaces (including the locale's space separators) are not part of the number.
	const cleaned = text.replace( /[^\d.,'’]/g, '' );
	if ( ! /\d/.test( cleaned ) ) {
		return null;
	}
	const last = cleaned.search( /[.,'’][^.,'’]*$/ );
	let whole = cleaned;
	let fraction = '';
	if ( last >= 0 ) {
		const mark = cleaned[ last ];
		const tail = cleaned.slice( last + 1 );
		const isDecimal =
			mark === decimal ||
			( ( mark === '.' || mark === ',' ) &&
				( mark !== group || tail.length !== 3 ) );
		if ( isDecimal ) {
			whole = cleaned.slice( 0, last );
			fraction = tail;
		}
	}
	whole = whole.replace( /[.,'’]/g, '' );
	if ( fraction.length > decimals || ! /^\d*$/.test( fraction ) ) {
		return null;
	}
	const digits = ( whole + fraction.padEnd( decimals, '0' ) ).replace(
		/^0+(?=\d)/,
		''
	);
	if ( digits === '' || digits.length > 9 ) {
		return null;
	}
	const minor = Number( digits );
	return minor > 0 && minor <= MAXIMUM_AMOUNT ? minor : null;
}
