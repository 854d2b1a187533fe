/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { useEffect, useState } from '@wordpress/element';

/** What the gateway said about a sample search. */
export type SearchStatus =
	| { kind: 'idle' }
	| { kind: 'loading' }
	| { kind: 'service'; total: number }
	| { kind: 'fallback'; total: number }
	| { kind: 'unreachable' };

/** Shared objects, so that settling into the same state renders nothing again. */
const IDLE: SearchStatus = { kind: 'idle' };
const LOADING: SearchStatus = { kind: 'loading' };

/**
 * Asks the gateway's search route for a sample query, as a visitor's browser would, to tell the
 * editor whether the search service answered, WordPress's fallback did, or nothing did.
 *
 * @param query   The sample query (normalized); empty asks nothing.
 * @param perPage Results per page.
 * @return The status.
 */
export function useSearchStatus(
	query: string,
	perPage: number
): SearchStatus {
	const [ status, setStatus ] = useState< SearchStatus >( IDLE );

	useEffect( () => {
		if ( query === '' ) {
			setStatus( IDLE );
			return;
		}
		const controller = new AbortController();
		setStatus( LOADING );
		apiFetch< unknown, false >( {
			path:
				'/switchboard/v1/search?' +
				new URLSearchParams( {
					q: query,
					per_page: String( perPage ),
				} ),
			parse: false,
			signal: controller.signal,
		} )
			.then( async ( response ) => {
				const { total } = ( await response.json() ) as {
					total: number;
				};
				setStatus( {
					kind:
						response.headers.get( 'X-Switchboard-Fallback' ) ===
						'native'
							? 'fallback'
							: 'service',
					total,
				} );
			} )
			.catch( () => {
				if ( ! controller.signal.aborted ) {
					setStatus( { kind: 'unreachable' } );
				}
			} );
		return () => controller.abort();
	}, [ query, perPage ] );

	return status;
}
