/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import { PanelBody, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { IntegerRangeControl } from '../shared/editor/integer-range-control';
import { ServerPreview } from '../shared/editor/server-preview';
import { TextControls, type TextFields } from '../shared/editor/text-controls';
import { ToggleControls, type Toggles } from '../shared/editor/toggle-controls';
import metadata from './block.json';
import { MAX_QUERY_LENGTH, normalizeQuery } from './query';
import type { SearchAttributes } from './types';

/** Results per page the block allows; render.php clamps to the same bounds. */
export const PER_PAGE_MIN = 1;
export const PER_PAGE_MAX = 20;

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
	const emptyUsesSearch = __( 'Leave empty to use “Search”.', 'switchboard' );

	const labelFields: TextFields< SearchAttributes > = [
		[ 'label', __( 'Label', 'switchboard' ), emptyUsesSearch ],
	];
	const labelToggles: Toggles< SearchAttributes > = [
		[
			'showLabel',
			__( 'Show label', 'switchboard' ),
			__(
				'A hidden label is still read by screen readers.',
				'switchboard'
			),
		],
	];
	const formTexts: TextFields< SearchAttributes > = [
		[
			'placeholder',
			__( 'Placeholder', 'switchboard' ),
			__(
				'Example text inside the empty field. Optional.',
				'switchboard'
			),
		],
		[ 'buttonText', __( 'Button text', 'switchboard' ), emptyUsesSearch ],
	];
	const resultToggles: Toggles< SearchAttributes > = [
		[ 'showExcerpt', __( 'Show excerpt', 'switchboard' ) ],
		[ 'showDate', __( 'Show date', 'switchboard' ) ],
		[ 'showPostType', __( 'Show content type', 'switchboard' ) ],
		[ 'showImage', __( 'Show featured image', 'switchboard' ) ],
	];
	// What the attribute controls read and write through.
	const controlProps = { attributes, setAttributes };

	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Form', 'switchboard' ) }>
					<TextControls { ...controlProps } fields={ labelFields } />
					<ToggleControls
						{ ...controlProps }
						fields={ labelToggles }
					/>
					<TextControls { ...controlProps } fields={ formTexts } />
				</PanelBody>
				<PanelBody title={ __( 'Results', 'switchboard' ) }>
					<IntegerRangeControl
						label={ __( 'Results per page', 'switchboard' ) }
						min={ PER_PAGE_MIN }
						max={ PER_PAGE_MAX }
						fallback={ metadata.attributes.perPage.default }
						value={ attributes.perPage }
						onChange={ ( perPage ) => setAttributes( { perPage } ) }
					/>
					<ToggleControls
						{ ...controlProps }
						fields={ resultToggles }
					/>
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
				<ServerPreview
					block={ metadata.name }
					attributes={ attributes }
					urlQueryArgs={ query === '' ? {} : { q: query } }
				/>
			</div>
		</>
	);
}
