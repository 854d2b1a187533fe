/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { ServerPreview } from '../editor/server-preview';

jest.mock( '@wordpress/server-side-render', () =>
	jest.requireActual( '../test-utils/server-side-render' )
);

function request(): unknown {
	return JSON.parse( screen.getByTestId( 'preview' ).textContent ?? '{}' );
}

describe( 'ServerPreview', () => {
	it( 'asks the server to render the block with its own attributes only', () => {
		render(
			<ServerPreview
				block="demo/block"
				attributes={ { count: 3, layout: 'grid' } }
			/>
		);

		expect( request() ).toEqual( {
			block: 'demo/block',
			attributes: { count: 3, layout: 'grid' },
			skipBlockSupportAttributes: true,
		} );
	} );

	it( 'passes query arguments on to the render', () => {
		render(
			<ServerPreview
				block="demo/block"
				attributes={ {} }
				urlQueryArgs={ { q: 'soup' } }
			/>
		);

		expect( request() ).toMatchObject( { urlQueryArgs: { q: 'soup' } } );
	} );

	it( 'keeps the preview out of reach of clicks and keys', () => {
		render( <ServerPreview block="demo/block" attributes={ {} } /> );

		expect(
			screen.getByTestId( 'preview' ).closest( '[inert]' )
		).not.toBeNull();
	} );
} );
