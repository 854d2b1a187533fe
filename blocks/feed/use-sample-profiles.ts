/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { useEffect, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { SampleProfile } from '../shared/types/feed';

export interface UseSampleProfiles {
	profiles: SampleProfile[];
	/** Why they could not be loaded; empty when they were (or still are loading). */
	error: string;
}

/** The route WordPress answers itself from the site's top categories. */
export const PROFILES_PATH = '/switchboard/v1/feed/profiles';

/**
 * The sample readers the preview can be viewed as (`GET /switchboard/v1/feed/profiles`), loaded once.
 *
 * @return The profiles, and an error message if they could not be loaded.
 */
export function useSampleProfiles(): UseSampleProfiles {
	const [ state, setState ] = useState< UseSampleProfiles >( {
		profiles: [],
		error: '',
	} );
	useEffect( () => {
		let live = true;
		apiFetch< SampleProfile[] >( { path: PROFILES_PATH } )
			.then( ( profiles ) => {
				if ( live ) {
					setState( {
						profiles: Array.isArray( profiles ) ? profiles : [],
						error: '',
					} );
				}
			} )
			.catch( ( error: { message?: string } ) => {
				if ( live ) {
					setState( {
						profiles: [],
						error: error?.message ?? String( error ),
					} );
				}
			} );
		return () => {
			live = false;
		};
	}, [] );
	return state;
}
