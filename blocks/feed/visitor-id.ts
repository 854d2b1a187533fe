/** The anonymous visitor id's shape (contract): 16 random bytes as unpadded base64url. */
export const VISITOR_ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * A new anonymous visitor id: 16 random bytes, base64url without padding (22 characters).
 *
 * @param random Fills an array with random bytes (`crypto.getRandomValues`).
 * @return The id.
 */
export function newVisitorId(
	random: ( bytes: Uint8Array ) => Uint8Array = ( bytes ) =>
		crypto.getRandomValues( bytes )
): string {
	const bytes = random( new Uint8Array( 16 ) );
	return btoa( String.fromCharCode( ...bytes ) )
		.replace( /\+/g, '-' )
		.replace( /\//g, '_' )
		.replace( /=+$/, '' );
}
