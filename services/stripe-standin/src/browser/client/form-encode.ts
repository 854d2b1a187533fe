/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with bracketed nesting
 * (`card[number]=...`, `billing_details[address][country]=...`).
 */

export type FormValue =
	| string
	| number
	| boolean
	| null
	| undefined
	| FormValue[]
	| { [ key: string ]: FormValue };

/**
 * @param params The parameters; null and undefined values are left out.
 */
export function formEncode( params: Record< string, FormValue > ): string {
	const pairs: string[] = [];
	const walk = ( prefix: string, value: FormValue ): void => {
		if ( value === null || value === undefined ) {
			return;
		}
		if ( Array.isArray( value ) ) {
			value.forEach( ( item, index ) =>
				walk( `${ prefix }[${ index }]`, item )
			);
			return;
		}
		if ( typeof value === 'object' ) {
			for ( const [ key, item ] of Object.entries( value ) ) {
				walk( `${ prefix }[${ key }]`, item );
			}
			return;
		}
		pairs.push(
			`${ encodeURIComponent( prefix ) }=${ encodeURIComponent(
				String( value )
			) }`
		);
	};
	for ( const [ key, value ] of Object.entries( params ) ) {
		walk( key, value );
	}
	return pairs.join( '&' );
}
