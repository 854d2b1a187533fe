/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import {
	CheckboxControl,
	Notice,
	PanelBody,
	TextControl,
} from '@wordpress/components';
import { useMemo, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { IntegerRangeControl } from '../shared/editor/integer-range-control';
import { ServerPreview } from '../shared/editor/server-preview';
import { TextControls, type TextFields } from '../shared/editor/text-controls';
import { ToggleControls, type Toggles } from '../shared/editor/toggle-controls';
import type { FacetName } from '../shared/types/search';
import metadata from './block.json';
import { MAX_QUERY_LENGTH, normalizeQuery } from './query';
import type { SearchAttributes } from './types';
import { useSearchStatus, type SearchStatus } from './use-search-status';

/** Results per page the block allows; render.php clamps to the same bounds. */
export const PER_PAGE_MIN = 1;
export const PER_PAGE_MAX = 20;

/** The facets a block can show, in display order, with their labels. */
function facetChoices(): Array< [ FacetName, string ] > {
	return [
		[ 'category', __( 'Category', 'switchboard' ) ],
		[ 'post_tag', __( 'Tag', 'switchboard' ) ],
		[ 'author', __( 'Author', 'switchboard' ) ],
		[ 'type', __( 'Content type', 'switchboard' ) ],
		[ 'date', __( 'Date', 'switchboard' ) ],
	];
}

/**
 * The notice about where a sample search's results came from.
 *
 * @param props        Component props.
 * @param props.status The gateway's answer.
 */
function StatusNotice( { status }: { status: SearchStatus } ) {
	if ( status.kind === 'unreachable' ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ __(
					'Search could not be reached. Visitors see an error until it is back; check Settings → Switchboard.',
					'switchboard'
				) }
			</Notice>
		);
	}
	if ( status.kind === 'fallback' ) {
		return (
			<Notice status="warning" isDismissible={ false }>
				{ __(
					'The search service is unavailable: visitors get WordPress’s basic search results until it is back. See Settings → Switchboard.',
					'switchboard'
				) }
			</Notice>
		);
	}
	if ( status.kind === 'service' ) {
		return (
			<Notice status="success" isDismissible={ false }>
				{ sprintf(
					/* translators: %s: number of results. */
					_n(
						'The search service found %s result.',
						'The search service found %s results.',
						status.total,
						'switchboard'
					),
					status.total.toLocaleString()
				) }
			</Notice>
		);
	}
	return null;
}

/**
 * The search block in the editor: its settings in the sidebar, and the server's own rendering as
 * the preview, optionally for a sample search so the results' look can be judged too, with a notice
 * saying whether the search service or WordPress's fallback answered it.
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
	const status = useSearchStatus( query, attributes.perPage );
	/*
	 * The same element while only the notice changes: the server preview debounces its refetch and a
	 * re-render with equal props inside that time would cancel it.
	 */
	const preview = useMemo(
		() => (
			<ServerPreview
				block={ metadata.name }
				attributes={ attributes }
				urlQueryArgs={ query === '' ? {} : { q: query } }
			/>
		),
		[ attributes, query ]
	);
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
	const formToggles: Toggles< SearchAttributes > = [
		[
			'instant',
			__( 'Search as you type', 'switchboard' ),
			__(
				'Results update while the visitor types. Otherwise they update when the visitor presses Search.',
				'switchboard'
			),
		],
	];
	const resultToggles: Toggles< SearchAttributes > = [
		[ 'showExcerpt', __( 'Show excerpt', 'switchboard' ) ],
		[ 'showDate', __( 'Show date', 'switchboard' ) ],
		[ 'showPostType', __( 'Show content type', 'switchboard' ) ],
		[ 'showImage', __( 'Show featured image', 'switchboard' ) ],
	];
	// What the attribute controls read and write through.
	const controlProps = { attributes, setAttributes };
	const shown = new Set< string >( attributes.facets );
	const toggleFacet = ( facet: FacetName, on: boolean ) => {
		const next = new Set( shown );
		next[ on ? 'add' : 'delete' ]( facet );
		// Kept in display order, so the saved attribute does not depend on the clicking order.
		setAttributes( {
			facets: facetChoices()
				.map( ( [ name ] ) => name )
				.filter( ( name ) => next.has( name ) ),
		} );
	};

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
					<ToggleControls
						{ ...controlProps }
						fields={ formToggles }
					/>
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
				<PanelBody title={ __( 'Filters', 'switchboard' ) }>
					{ facetChoices().map( ( [ facet, label ] ) => (
						<CheckboxControl
							key={ facet }
							__nextHasNoMarginBottom
							label={ label }
							checked={ shown.has( facet ) }
							onChange={ ( on: boolean ) =>
								toggleFacet( facet, on )
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
				<StatusNotice status={ status } />
				{ preview }
			</div>
		</>
	);
}
