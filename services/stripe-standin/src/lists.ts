/**
 * Stripe's list answers: newest first, `limit` (1-100, default 10), `starting_after`/`ending_before`
 * cursors, `created` filters, and `{ object: 'list', data, has_more, url }`.
 */
import { hash, integer, type Params } from './params';
import type { Json } from './store';
import { invalidRequest, noSuch } from './stripe-error';

export interface StripeList< T > extends Json {
	object: 'list';
	data: T[];
	has_more: boolean;
	url: string;
}

/** The query parameters every list takes (pagination and the `created` filter). */
export const LIST_PARAMS: readonly string[] = [
	'limit',
	'starting_after',
	'ending_before',
	'created',
];

function createdFilter( params: Params ): ( created: number ) => boolean {
	if ( params.created === undefined ) {
		return () => true;
	}
	if ( typeof params.created === 'string' ) {
		const exact = integer( params, 'created' );
		return ( created ) => created === exact;
	}
	const range = hash( params, 'created' ) ?? {};
	const bounds = {
		gt: integer( range, 'gt', false, 'created[gt]' ),
		gte: integer( range, 'gte', false, 'created[gte]' ),
		lt: integer( range, 'lt', false, 'created[lt]' ),
		lte: integer( range, 'lte', false, 'created[lte]' ),
	};
	return ( created ) =>
		( bounds.gt === undefined || created > bounds.gt ) &&
		( bounds.gte === undefined || created >= bounds.gte ) &&
		( bounds.lt === undefined || created < bounds.lt ) &&
		( bounds.lte === undefined || created <= bounds.lte );
}

/**
 * One page of a list.
 *
 * @param items  Every item, oldest first (insertion order).
 * @param params The query (limit, starting_after, ending_before, created).
 * @param url    The list's path.
 * @param kind   The object name for a missing cursor's 404.
 */
export function paginate< T extends Json & { id: string; created: number } >(
	items: T[],
	params: Params,
	url: string,
	kind: string
): StripeList< T > {
	const limit = integer( params, 'limit' ) ?? 10;
	if ( limit < 1 || limit > 100 ) {
		throw invalidRequest(
			'This value must be between 1 and 100.',
			'limit',
			'parameter_invalid_integer'
		);
	}
	const inRange = createdFilter( params );
	let newestFirst = [ ...items ]
		.reverse()
		.filter( ( item ) => inRange( item.created ) );

	const after = params.starting_after;
	const before = params.ending_before;
	if ( typeof after === 'string' && after !== '' ) {
		const index = newestFirst.findIndex( ( item ) => item.id === after );
		if ( index === -1 ) {
			throw noSuch( kind, after, 'starting_after' );
		}
		newestFirst = newestFirst.slice( index + 1 );
	} else if ( typeof before === 'string' && before !== '' ) {
		const index = newestFirst.findIndex( ( item ) => item.id === before );
		if ( index === -1 ) {
			throw noSuch( kind, before, 'ending_before' );
		}
		// The page just before the cursor: the `limit` items closest to it.
		const earlier = newestFirst.slice( 0, index );
		return {
			object: 'list',
			data: earlier.slice( Math.max( 0, earlier.length - limit ) ),
			has_more: earlier.length > limit,
			url,
		};
	}
	return {
		object: 'list',
		data: newestFirst.slice( 0, limit ),
		has_more: newestFirst.length > limit,
		url,
	};
}
