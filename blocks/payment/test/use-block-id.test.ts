/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { renderHook } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import { useSelect } from '@wordpress/data';

/**
 * Internal dependencies
 */
import { newBlockId, useBlockId } from '../use-block-id';

jest.mock( '@wordpress/data', () => ( { useSelect: jest.fn() } ) );

/**
 * Blocks in the editor, in order: client id and blockId attribute.
 *
 * @param blocks The blocks.
 */
function editorWith( blocks: Array< [ string, string ] > ) {
	const attributes = new Map( blocks );
	// The hook's selector is called with a fake `select`: what useSelect would do with the real store.
	const mockedUseSelect = useSelect as unknown as jest.Mock<
		( selector: ( select: unknown ) => unknown ) => unknown
	>;
	mockedUseSelect.mockImplementation( ( selector ) =>
		selector( () => ( {
			getClientIdsWithDescendants: () => blocks.map( ( [ id ] ) => id ),
			getBlockAttributes: ( id: string ) => ( {
				blockId: attributes.get( id ),
			} ),
		} ) )
	);
}

describe( 'useBlockId', () => {
	const setAttributes = jest.fn();
	beforeEach( () => {
		setAttributes.mockClear();
	} );

	it( 'gives a new block an id in the shape the server accepts', () => {
		editorWith( [ [ 'a', '' ] ] );

		renderHook( () => useBlockId( 'a', '', setAttributes ) );

		expect( setAttributes ).toHaveBeenCalledWith( {
			blockId: expect.stringMatching( /^[A-Za-z0-9_-]{16}$/ ),
		} );
	} );

	it( 'keeps the id of a block nobody before it shares', () => {
		editorWith( [
			[ 'a', 'first-block-id-1' ],
			[ 'b', 'other-block-id-2' ],
		] );

		renderHook( () =>
			useBlockId( 'b', 'other-block-id-2', setAttributes )
		);
		renderHook( () =>
			useBlockId( 'a', 'first-block-id-1', setAttributes )
		);

		expect( setAttributes ).not.toHaveBeenCalled();
	} );

	it( 'gives the later of two blocks with one id (a duplicate) a new one', () => {
		editorWith( [
			[ 'a', 'same-block-id-00' ],
			[ 'b', 'same-block-id-00' ],
		] );

		renderHook( () =>
			useBlockId( 'a', 'same-block-id-00', setAttributes )
		);
		expect( setAttributes ).not.toHaveBeenCalled();

		renderHook( () =>
			useBlockId( 'b', 'same-block-id-00', setAttributes )
		);
		expect( setAttributes ).toHaveBeenCalledTimes( 1 );
		expect( setAttributes.mock.calls[ 0 ][ 0 ] ).not.toEqual( {
			blockId: 'same-block-id-00',
		} );
	} );

	it( 'makes different ids each time', () => {
		expect( newBlockId() ).not.toBe( newBlockId() );
	} );
} );
