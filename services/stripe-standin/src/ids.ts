/**
 * Stripe-style identifiers: a type prefix, then random base-62 characters.
 */
import { randomBytes } from 'node:crypto';

const ALPHABET =
	'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Random base-62 text (rejection sampling keeps every character equally likely).
 *
 * @param length How many characters.
 */
export function randomText( length: number ): string {
	let text = '';
	while ( text.length < length ) {
		for ( const byte of randomBytes( length * 2 ) ) {
			if ( byte < 248 && text.length < length ) {
				text += ALPHABET[ byte % 62 ];
			}
		}
	}
	return text;
}

/**
 * A new id such as `pi_3QxY...`.
 *
 * @param prefix pi, pm, ch, re, evt, req, we...
 */
export function newId( prefix: string ): string {
	return `${ prefix }_${ randomText( 24 ) }`;
}
