/**
 * Text handling shared by indexing, querying and highlighting: one tokenizer and one normalization, so a
 * word is the same term everywhere and highlight offsets always point into the original string.
 */

/** A word of the original text, with its UTF-16 offsets. */
export interface Token {
	/** Normalized form (see normalizeTerm). */
	term: string;
	/** Offset of the first UTF-16 code unit. */
	start: number;
	/** Offset just past the last UTF-16 code unit. */
	end: number;
}

/** Letters and digits, with the combining marks that belong to them. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

const ASCII = /^[\x20-\x7e]*$/;

/** Longest term kept: longer "words" are noise (hashes, base64) and only bloat the vocabulary. */
const MAX_TERM_LENGTH = 64;

/**
 * Lower case without diacritics, so `Café` and `cafe` are one term. Compatibility forms fold too (`ﬁ` → `fi`).
 *
 * @param word One word.
 */
export function normalizeTerm( word: string ): string {
	// Most words are ASCII: they need no Unicode normalization.
	if ( ASCII.test( word ) ) {
		return word.toLowerCase();
	}
	return word.normalize( 'NFKD' ).replace( /\p{M}/gu, '' ).toLowerCase();
}

/**
 * The words of a text with their offsets.
 *
 * @param text Plain text.
 */
export function tokenize( text: string ): Token[] {
	const tokens: Token[] = [];
	for ( const match of text.matchAll( WORD ) ) {
		const term = normalizeTerm( match[ 0 ] );
		if ( term === '' || term.length > MAX_TERM_LENGTH ) {
			continue;
		}
		tokens.push( {
			term,
			start: match.index,
			end: match.index + match[ 0 ].length,
		} );
	}
	return tokens;
}

/**
 * Only the normalized terms of a text.
 *
 * @param text Plain text.
 */
export function terms( text: string ): string[] {
	return tokenize( text ).map( ( token ) => token.term );
}

/**
 * A slug as WordPress would make one from a name, used to accept slugs in filters (`news`, `big-news`).
 *
 * @param name Display name.
 */
export function slugify( name: string ): string {
	return terms( name ).join( '-' );
}

const NAMED_ENTITIES: Record< string, string > = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
	hellip: '\u2026',
	ndash: '\u2013',
	mdash: '\u2014',
	lsquo: '\u2018',
	rsquo: '\u2019',
	ldquo: '\u201c',
	rdquo: '\u201d',
};

/**
 * Decodes the character references WordPress leaves in titles (`&amp;`, `&#8217;`); unknown ones stay as they are.
 *
 * @param text Text that may hold character references.
 */
function decodeEntities( text: string ): string {
	return text.replace(
		/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,8}));/gi,
		( whole, decimal?: string, hex?: string, name?: string ) => {
			if ( name !== undefined ) {
				return NAMED_ENTITIES[ name.toLowerCase() ] ?? whole;
			}
			const code =
				decimal !== undefined
					? Number.parseInt( decimal, 10 )
					: Number.parseInt( hex ?? '', 16 );
			const valid =
				code > 0 &&
				code <= 0x10ffff &&
				( code < 0xd800 || code > 0xdfff );
			return valid ? String.fromCodePoint( code ) : whole;
		}
	);
}

/** Anything plainText would change: a tag or reference, a control character, white space other than single spaces. */
const PLAIN_SUSPECT = /[<&\u0000-\u001f\u007f-\u009f]|[^\S ]|  /;

/**
 * Plain text on one line: tags dropped, character references decoded, control characters removed and runs
 * of white space collapsed. The plugin sends text without tags already; this makes sure of it.
 *
 * @param text Untrusted text.
 */
export function plainText( text: string ): string {
	// Most text (post bodies as the plugin sends them) is plain already: one test instead of four rewrites.
	if ( ! PLAIN_SUSPECT.test( text ) ) {
		return text.trim();
	}
	return decodeEntities( text.replace( /<[^>]*>/g, ' ' ) )
		.replace( /[\u0000-\u001f\u007f-\u009f]+/g, ' ' )
		.replace( /\s+/g, ' ' )
		.trim();
}
