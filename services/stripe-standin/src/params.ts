/**
 * Reading Stripe's form-encoded parameters (already nested by qs) with Stripe's validation messages.
 */
import { invalidRequest } from './stripe-error';

export type Params = Record< string, unknown >;

/**
 * Refuses any parameter the endpoint does not take, as Stripe does (a typo must not pass silently).
 *
 * @param params  The parameters.
 * @param allowed Names the endpoint takes.
 * @param prefix  Parent name for nested hashes (`card[`...).
 */
export function refuseUnknown(
	params: Params,
	allowed: readonly string[],
	prefix = ''
): void {
	for ( const name of Object.keys( params ) ) {
		if ( ! allowed.includes( name ) ) {
			const full = prefix === '' ? name : `${ prefix }[${ name }]`;
			throw invalidRequest(
				`Received unknown parameter: ${ full }`,
				full,
				'parameter_unknown'
			);
		}
	}
}

/**
 * A nested hash (`card[number]=...`), or undefined when absent.
 *
 * @param params The parameters.
 * @param name   Its name.
 */
export function hash( params: Params, name: string ): Params | undefined {
	const value = params[ name ];
	if ( value === undefined ) {
		return undefined;
	}
	if (
		typeof value !== 'object' ||
		value === null ||
		Array.isArray( value )
	) {
		throw invalidRequest(
			`Invalid object`,
			name,
			'parameter_invalid_empty'
		);
	}
	return value as Params;
}

/**
 * A string parameter.
 *
 * @param params   The parameters.
 * @param name     Its name.
 * @param required Whether it must be there.
 * @param label    The name in messages (for nested ones).
 */
export function text(
	params: Params,
	name: string,
	required = false,
	label = name
): string | undefined {
	const value = params[ name ];
	if ( value === undefined || value === '' ) {
		if ( required ) {
			throw invalidRequest(
				`Missing required param: ${ label }.`,
				label,
				'parameter_missing'
			);
		}
		return undefined;
	}
	if ( typeof value !== 'string' ) {
		throw invalidRequest(
			`Invalid string: ${ JSON.stringify( value ) }`,
			label
		);
	}
	return value;
}

/**
 * One of a fixed set of strings.
 *
 * @param params  The parameters.
 * @param name    Its name.
 * @param choices The values Stripe takes.
 */
export function choice< T extends string >(
	params: Params,
	name: string,
	choices: readonly T[]
): T | undefined {
	const value = text( params, name );
	if ( value === undefined ) {
		return undefined;
	}
	if ( ! ( choices as readonly string[] ).includes( value ) ) {
		const names =
			choices.length > 1
				? `${ choices.slice( 0, -1 ).join( ', ' ) }, or ${ choices.at( -1 ) }`
				: choices.join( '' );
		throw invalidRequest(
			`Invalid ${ name }: must be one of ${ names }`,
			name
		);
	}
	return value as T;
}

/**
 * A whole number (amounts are in the currency's smallest unit).
 *
 * @param params   The parameters.
 * @param name     Its name.
 * @param required Whether it must be there.
 * @param label    The name in messages (for nested ones).
 */
export function integer(
	params: Params,
	name: string,
	required = false,
	label = name
): number | undefined {
	const value = text( params, name, required, label );
	if ( value === undefined ) {
		return undefined;
	}
	if ( ! /^-?\d{1,15}$/.test( value ) ) {
		throw invalidRequest(
			`Invalid integer: ${ value }`,
			label,
			'parameter_invalid_integer'
		);
	}
	return Number( value );
}

/**
 * A boolean given as `true`/`false`.
 *
 * @param params The parameters.
 * @param name   Its name.
 * @param label  The name in messages (for nested ones).
 */
export function flag(
	params: Params,
	name: string,
	label = name
): boolean | undefined {
	const value = text( params, name, false, label );
	if ( value === undefined ) {
		return undefined;
	}
	if ( value !== 'true' && value !== 'false' ) {
		throw invalidRequest( `Invalid boolean: ${ value }`, label );
	}
	return value === 'true';
}

/**
 * A list of strings (`payment_method_types[]=card` or `expand[0]=...`).
 *
 * @param params The parameters.
 * @param name   Its name.
 */
export function list( params: Params, name: string ): string[] | undefined {
	const value = params[ name ];
	if ( value === undefined ) {
		return undefined;
	}
	const items =
		typeof value === 'object' && value !== null
			? Object.values( value )
			: [ value ];
	if ( ! items.every( ( item ) => typeof item === 'string' ) ) {
		throw invalidRequest( `Invalid array`, name );
	}
	return items as string[];
}

/**
 * Metadata changes: a hash of strings, where an empty value removes the key; `metadata=` removes all.
 *
 * @param params  The parameters.
 * @param current The metadata so far.
 */
export function metadata(
	params: Params,
	current: Record< string, string > = {}
): Record< string, string > | undefined {
	const value = params.metadata;
	if ( value === undefined ) {
		return undefined;
	}
	if ( value === '' ) {
		return {};
	}
	if (
		typeof value !== 'object' ||
		value === null ||
		Array.isArray( value )
	) {
		throw invalidRequest( 'Invalid object', 'metadata' );
	}
	const next = { ...current };
	for ( const [ name, item ] of Object.entries( value ) ) {
		if ( typeof item !== 'string' ) {
			throw invalidRequest(
				`Invalid value for metadata[${ name }]: metadata values must be strings.`,
				`metadata[${ name }]`
			);
		}
		if ( name.length > 40 || item.length > 500 ) {
			throw invalidRequest(
				'Metadata keys can be at most 40 characters and values at most 500 characters.',
				`metadata[${ name }]`
			);
		}
		if ( item === '' ) {
			delete next[ name ];
		} else {
			next[ name ] = item;
		}
	}
	if ( Object.keys( next ).length > 50 ) {
		throw invalidRequest(
			'Metadata can have at most 50 keys.',
			'metadata'
		);
	}
	return next;
}
