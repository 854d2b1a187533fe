/**
 * Rendering a block's Edit component in Jest, as the editor would with the block selected, with a
 * mocked `setAttributes` to assert on. Pair it with the stand-ins beside this file for the editor
 * slots and the server preview, which need a full editor and a server.
 */

/**
 * External dependencies
 */
import { jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';
import type { ComponentType } from 'react';

/**
 * WordPress dependencies
 */
import type { BlockEditProps } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import type { PreviewRequest } from './server-side-render';

/**
 * A renderer for one block's Edit component.
 *
 * @param Edit     The block's edit component.
 * @param defaults Its attributes as a new block has them.
 * @return `renderEdit( attributes )`, which renders Edit with those attributes over the defaults,
 *         and the `setAttributes` mock every render receives (clear it between tests).
 */
export function editRenderer< A extends Record< string, unknown > >(
	Edit: ComponentType< BlockEditProps< A > >,
	defaults: A
) {
	const setAttributes = jest.fn< BlockEditProps< A >[ 'setAttributes' ] >();

	const renderEdit = ( attributes: Partial< A > = {} ) =>
		render(
			<Edit
				attributes={ { ...defaults, ...attributes } }
				setAttributes={ setAttributes }
				clientId="client-id"
				className=""
				isSelected
				context={ {} }
			/>
		);

	return { renderEdit, setAttributes };
}

/**
 * What the preview asked the server to render (see ./server-side-render): the block, the named
 * attributes, and the query arguments when there are any.
 *
 * @param attributeNames The attributes to include.
 * @return The block, those attributes, and `urlQueryArgs` if the preview passed some.
 */
export function preview(
	...attributeNames: string[]
): Record< string, unknown > {
	const request: PreviewRequest = JSON.parse(
		screen.getByTestId( 'preview' ).textContent ?? '{}'
	);
	const shown: Record< string, unknown > = { block: request.block };
	for ( const name of attributeNames ) {
		shown[ name ] = request.attributes[ name ];
	}
	if ( request.urlQueryArgs !== undefined ) {
		shown.urlQueryArgs = request.urlQueryArgs;
	}
	return shown;
}
