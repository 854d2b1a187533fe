/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { useEffect, useState } from '@wordpress/element';
import { decodeEntities } from '@wordpress/html-entities';

/** A post as the picker lists it. */
export interface PostOption {
	id: number;
	title: string;
}

/** Shortest search the picker sends, and how long it waits for typing to pause (ms). */
export const MIN_SEARCH = 2;
export const SEARCH_DELAY = 250;

/**
 * Posts whose title or content matches a search, through the REST API's `wp/v2/search`.
 *
 * @param search What the editor typed.
 * @return Up to 10 posts, none while the search is too short or on its way.
 */
export function usePostSearch( search: string ): PostOption[] {
	const [ results, setResults ] = useState< PostOption[] >( [] );
	const term = search.trim();

	useEffect( () => {
		setResults( [] );
		if ( term.length < MIN_SEARCH ) {
			return;
		}
		const controller = new AbortController();
		const timer = setTimeout( () => {
			apiFetch< Array< { id: number; title: string } > >( {
				path:
					'/wp/v2/search?' +
					new URLSearchParams( {
						search: term,
						type: 'post',
						subtype: 'post',
						per_page: '10',
						_fields: 'id,title',
					} ).toString(),
				signal: controller.signal,
			} )
				.then( ( found ) =>
					setResults(
						found.map( ( post ) => ( {
							id: post.id,
							title: decodeEntities( post.title ),
						} ) )
					)
				)
				// An aborted or failed search lists nothing; the editor can type again.
				.catch( () => {} );
		}, SEARCH_DELAY );
		return () => {
			clearTimeout( timer );
			controller.abort();
		};
	}, [ term ] );

	return results;
}
