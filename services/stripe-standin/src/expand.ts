/**
 * `expand[]`: ids replaced by the objects they name, as Stripe does (`latest_charge`, `payment_method`,
 * `payment_intent`, `charge`, and `data.<field>` on lists).
 */
import { list, type Params } from './params';
import type { Standin } from './standin';
import { copy, type Json } from './store';
import { invalidRequest } from './stripe-error';

const EXPANDABLE = new Set( [
	'latest_charge',
	'charge',
	'payment_method',
	'payment_intent',
] );

function lookup( standin: Standin, field: string, id: string ): Json | null {
	if ( field === 'payment_method' ) {
		return standin.data.paymentMethods[ id ] ?? null;
	}
	if ( field === 'payment_intent' ) {
		return standin.data.paymentIntents[ id ] ?? null;
	}
	return standin.data.charges[ id ] ?? null;
}

function expandOne( standin: Standin, object: Json, field: string ): void {
	if ( ! EXPANDABLE.has( field ) || ! ( field in object ) ) {
		throw invalidRequest(
			`This property cannot be expanded (${ field }).`,
			'expand'
		);
	}
	const value = object[ field ];
	const found =
		typeof value === 'string' ? lookup( standin, field, value ) : null;
	if ( found !== null ) {
		object[ field ] = copy( found );
	}
}

/**
 * A copy of the answer with the asked-for fields expanded.
 *
 * @param standin The shared state.
 * @param answer  An object or a list.
 * @param params  The parameters (`expand`).
 */
export function expand< T extends Json >(
	standin: Standin,
	answer: T,
	params: Params
): T {
	const paths = list( params, 'expand' ) ?? [];
	if ( paths.length === 0 ) {
		return answer;
	}
	const result = copy( answer );
	for ( const path of paths ) {
		if ( path.startsWith( 'data.' ) && Array.isArray( result.data ) ) {
			for ( const item of result.data as Json[] ) {
				expandOne( standin, item, path.slice( 5 ) );
			}
		} else {
			expandOne( standin, result, path );
		}
	}
	return result;
}
