/**
 * The longest search term the block sends; render.php caps `?q=` at the same length.
 */
export const MAX_QUERY_LENGTH = 200;

/**
 * A search term as the server will read it: whitespace collapsed and trimmed, then capped at
 * MAX_QUERY_LENGTH characters (code points, as PHP's mb_substr counts them).
 *
 * @param value What the visitor typed.
 * @return The term to search for; empty when there is nothing to search for.
 */
export function normalizeQuery( value: string ): string {
	const collapsed = value.replace( /\s+/g, ' ' ).trim();
	return Array.from( collapsed )
		.slice( 0, MAX_QUERY_LENGTH )
		.join( '' )
		.trim();
}
