/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import {
	Disabled,
	PanelBody,
	RangeControl,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
// The default export: WordPress 6.8 exposes only the component itself as wp.serverSideRender.
import ServerSideRender from '@wordpress/server-side-render';

/**
 * Internal dependencies
 */
import { toRange } from '../shared/editor/to-range';
import metadata from './block.json';
import { MAX_QUERY_LENGTH, normalizeQuery } from './query';
import type { SearchAttributes } from './types';

/** Results per page the block allows; render.php clamps to the same bounds. */
export const PER_PAGE_MIN = 1;
export const PER_PAGE_MAX = 20;

type ToggleName = 'showExcerpt' | 'showDate' | 'showPostType' | 'showImage';

/**
 * The search block in the editor: its settings in the sidebar, and the server's own rendering as
 * the preview, optionally for a sample search so the results' look can be judged too.
 *
 * @param props               Block edit props.
 * @param props.attributes    The block's attributes.
 * @param props.setAttributes Updates attributes.
 */
export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< SearchAttributes > ) {
	const [ previewQuery, setPreviewQuery ] = useState( '' );
	const query = normalizeQuery( previewQuery );
	const defaultPerPage = metadata.attributes.perPage.default;

	const setToggle = ( name: ToggleName, checked: boolean ) => {
		// An indexed write keeps the check that every ToggleName is a boolean attribute.
		const update: Partial< SearchAttributes > = {};
		update[ name ] = checked;
		setAttributes( update );
	};

	const resultToggles: ReadonlyArray< [ ToggleName, string ] > = [
		[ 'showExcerpt', __( 'Show excerpt', 'switchboard' ) ],
		[ 'showDate', __( 'Show date', 'switchboard' ) ],
		[ 'showPostType', __( 'Show content type', 'switchboard' ) ],
		[ 'showImage', __( 'Show featured image', 'switchboard' ) ],
	];

	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Form', 'switchboard' ) }>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Label', 'switchboard' ) }
						help={ __(
							'Leave empty to use “Search”.',
							'switchboard'
						) }
						value={ attributes.label }
						onChange={ ( label ) => setAttributes( { label } ) }
					/>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __( 'Show label', 'switchboard' ) }
						help={ __(
							'A hidden label is still read by screen readers.',
							'switchboard'
						) }
						checked={ attributes.showLabel }
						onChange={ ( showLabel ) =>
							setAttributes( { showLabel } )
						}
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Placeholder', 'switchboard' ) }
						help={ __(
							'Example text inside the empty field. Optional.',
							'switchboard'
						) }
						value={ attributes.placeholder }
						onChange={ ( placeholder ) =>
							setAttributes( { placeholder } )
						}
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Button text', 'switchboard' ) }
						help={ __(
							'Leave empty to use “Search”.',
							'switchboard'
						) }
						value={ attributes.buttonText }
						onChange={ ( buttonText ) =>
							setAttributes( { buttonText } )
						}
					/>
				</PanelBody>
				<PanelBody title={ __( 'Results', 'switchboard' ) }>
					<RangeControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Results per page', 'switchboard' ) }
						min={ PER_PAGE_MIN }
						max={ PER_PAGE_MAX }
						value={ attributes.perPage }
						onChange={ ( value ) =>
							setAttributes( {
								perPage: toRange(
									value,
									PER_PAGE_MIN,
									PER_PAGE_MAX,
									defaultPerPage
								),
							} )
						}
					/>
					{ resultToggles.map( ( [ name, label ] ) => (
						<ToggleControl
							key={ name }
							__nextHasNoMarginBottom
							label={ label }
							checked={ attributes[ name ] }
							onChange={ ( checked ) =>
								setToggle( name, checked )
							}
						/>
					) ) }
				</PanelBody>
				<PanelBody title={ __( 'Preview', 'switchboard' ) }>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Preview results for', 'switchboard' ) }
						help={ __(
							'Shows the results a visitor would get for this search. Not saved.',
							'switchboard'
						) }
						maxLength={ MAX_QUERY_LENGTH }
						value={ previewQuery }
						onChange={ setPreviewQuery }
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...useBlockProps() }>
				<Disabled>
					<ServerSideRender
						block={ metadata.name }
						attributes={ attributes }
						skipBlockSupportAttributes
						urlQueryArgs={ query === '' ? {} : { q: query } }
					/>
				</Disabled>
			</div>
		</>
	);
}
