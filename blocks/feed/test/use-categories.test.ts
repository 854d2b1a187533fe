/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { renderHook } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { CATEGORIES_QUERY, useCategories } from '../use-categories';

type Records = Array< { id: number; name: string } > | null;

// core-data's store, answering getEntityRecords() from the test, and useSelect() running the
// hook's selector against it, as @wordpress/data does once the store has the records.
const mockGetEntityRecords =
	jest.fn< ( kind: string, name: string, query: unknown ) => Records >();
jest.mock( '@wordpress/core-data', () => ( { store: 'core-data-store' } ) );
jest.mock( '@wordpress/data', () => ( {
	useSelect: (
		mapSelect: ( select: ( store: unknown ) => unknown ) => unknown
	) =>
		mapSelect( ( store ) =>
			store === 'core-data-store'
				? { getEntityRecords: mockGetEntityRecords }
				: {}
		),
} ) );

/**
 * Runs the hook with the store holding `records`.
 *
 * @param records What the store holds: null while loading.
 * @return The hook's result.
 */
function runWith( records: Records ) {
	mockGetEntityRecords.mockReset();
	mockGetEntityRecords.mockReturnValue( records );
	return renderHook( () => useCategories() ).result.current;
}

describe( 'useCategories', () => {
	it( 'asks core-data for every category, ids and names only', () => {
		runWith( [] );

		expect( mockGetEntityRecords ).toHaveBeenCalledWith(
			'taxonomy',
			'category',
			CATEGORIES_QUERY
		);
		expect( CATEGORIES_QUERY ).toMatchObject( {
			per_page: -1,
			_fields: 'id,name',
		} );
	} );

	it( 'reports loading until the records arrive', () => {
		expect( runWith( null ) ).toEqual( {
			categories: [],
			isLoading: true,
		} );
	} );

	it( 'decodes the HTML entities the REST API keeps in term names', () => {
		expect(
			runWith( [
				{ id: 7, name: 'Food &amp; Drink' },
				{ id: 9, name: 'Caf&eacute;s' },
			] )
		).toEqual( {
			categories: [
				{ id: 7, name: 'Food & Drink' },
				{ id: 9, name: 'Cafés' },
			],
			isLoading: false,
		} );
	} );
} );
