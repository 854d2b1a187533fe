/**
 * WordPress dependencies
 */
import { store as coreStore } from '@wordpress/core-data';
import { useSelect } from '@wordpress/data';
import { decodeEntities } from '@wordpress/html-entities';

/**
 * Titles of posts by id, from the core-data store (one request for all of them).
 *
 * @param ids Post ids.
 * @return Titles by id; a missing id has none (deleted, or still loading).
 */
export function usePostTitles( ids: readonly number[] ): Map< number, string > {
	return useSelect(
		( select ) => {
			const titles = new Map< number, string >();
			if ( ! ids.length ) {
				return titles;
			}
			const records = select( coreStore ).getEntityRecords< {
				id: number;
				title: { rendered: string };
			} >( 'postType', 'post', {
				include: ids,
				per_page: ids.length,
				_fields: 'id,title',
				context: 'view',
			} );
			for ( const record of records ?? [] ) {
				titles.set(
					record.id,
					decodeEntities( record.title.rendered )
				);
			}
			return titles;
		},
		[ ids ]
	);
}
