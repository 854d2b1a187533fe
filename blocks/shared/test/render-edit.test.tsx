/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import ServerSideRender from '@wordpress/server-side-render';

/**
 * Internal dependencies
 */
import { editRenderer, preview } from '../test-utils/render-edit';

jest.mock( '@wordpress/block-editor', () =>
	jest.requireActual( '../test-utils/block-editor' )
);
jest.mock( '@wordpress/server-side-render', () =>
	jest.requireActual( '../test-utils/server-side-render' )
);

// A type alias, not an interface: block attributes must fit Record< string, unknown >.
type Attributes = {
	title: string;
	count: number;
};

function Edit( { attributes, setAttributes }: BlockEditProps< Attributes > ) {
	return (
		<>
			<InspectorControls>
				<button onClick={ () => setAttributes( { count: 7 } ) }>
					{ attributes.title }
				</button>
			</InspectorControls>
			<div { ...useBlockProps( { className: 'demo' } ) }>
				<ServerSideRender
					block="demo/block"
					attributes={ attributes }
					urlQueryArgs={ { q: 'soup' } }
				/>
			</div>
		</>
	);
}

describe( 'editRenderer', () => {
	const { renderEdit, setAttributes } = editRenderer( Edit, {
		title: 'Defaults',
		count: 3,
	} );

	it( 'renders the inspector’s controls in place, writing through the mock', () => {
		renderEdit();

		fireEvent.click( screen.getByRole( 'button', { name: 'Defaults' } ) );

		expect( setAttributes.mock.calls ).toEqual( [ [ { count: 7 } ] ] );
	} );

	it( 'renders the given attributes over the defaults', () => {
		renderEdit( { title: 'Given' } );

		expect( preview( 'title', 'count' ) ).toEqual( {
			block: 'demo/block',
			title: 'Given',
			count: 3,
			urlQueryArgs: { q: 'soup' },
		} );
	} );

	it( 'keeps the block wrapper’s own props', () => {
		const { container } = renderEdit();

		expect( container.querySelector( 'div.demo > output' ) ).not.toBeNull();
	} );
} );

describe( 'preview', () => {
	it( 'shows only the named attributes, and no query arguments when there are none', () => {
		render(
			<ServerSideRender
				block="demo/block"
				attributes={ { title: 'A', count: 1 } }
			/>
		);

		expect( preview( 'count' ) ).toEqual( {
			block: 'demo/block',
			count: 1,
		} );
		expect( preview( 'count' ) ).not.toHaveProperty( 'urlQueryArgs' );
	} );
} );
