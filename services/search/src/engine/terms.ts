/**
 * Index-time term extraction: the same terms as `terms()` in ../text, faster for the common case of ASCII
 * text (most bodies), where a word is a run of ASCII letters and digits and folding is lower-casing.
 */
import { terms } from '../text';

const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[a-z0-9]+/g;

/** Longest term kept (as in ../text). */
const MAX_TERM_LENGTH = 64;

/**
 * The normalized terms of a text, in order.
 *
 * @param text Plain text.
 */
export function indexTerms( text: string ): string[] {
	if ( ! ASCII.test( text ) ) {
		return terms( text );
	}
	const found = text.toLowerCase().match( ASCII_WORD );
	if ( found === null ) {
		return [];
	}
	return found.some( ( term ) => term.length > MAX_TERM_LENGTH )
		? found.filter( ( term ) => term.length <= MAX_TERM_LENGTH )
		: found;
}
