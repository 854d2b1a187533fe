/**
 * WordPress dependencies
 */
import { store as coreStore, type Term } from '@wordpress/core-data';
import { useSelect } from '@wordpress/data';
import { decodeEntities } from '@wordpress/html-entities';

/**
 * Internal dependencies
 */
import type { CategoryOption } from './categories';

/** Every category, few fields: the feed settings need names and ids only. */
export const CATEGORIES_QUERY = {
	per_page: -1,
	context: 'view',
	_fields: 'id,name',
	orderby: 'name',
	order: 'asc',
} as const;

export interface UseCategories {
	/** The site's categories, names decoded; empty while loading. */
	categories: CategoryOption[];
	/** True until the categories have arrived. */
	isLoading: boolean;
}

/**
 * The site's categories from the core-data store, which fetches them once through the REST API.
 *
 * @return Categories and whether they are still loading.
 */
export function useCategories(): UseCategories {
	return useTerms( 'category' );
}

/**
 * The site's terms of a taxonomy (categories or tags), as useCategories() reads categories.
 *
 * @param taxonomy Taxonomy name.
 * @return Terms and whether they are still loading.
 */
export function useTerms( taxonomy: 'category' | 'post_tag' ): UseCategories {
	return useSelect(
		( select ) => {
			const records = select( coreStore ).getEntityRecords<
				Pick< Term< 'view' >, 'id' | 'name' >
			>( 'taxonomy', taxonomy, CATEGORIES_QUERY );
			return {
				categories: ( records ?? [] ).map( ( record ) => ( {
					id: record.id,
					name: decodeEntities( record.name ),
				} ) ),
				isLoading: records === null,
			};
		},
		[ taxonomy ]
	);
}
