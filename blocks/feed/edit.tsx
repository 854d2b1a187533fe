/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import {
	Disabled,
	FormTokenField,
	PanelBody,
	RangeControl,
	SelectControl,
	Spinner,
	TextControl,
	ToggleControl,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';
// The default export: WordPress 6.8 exposes only the component itself as wp.serverSideRender.
import ServerSideRender from '@wordpress/server-side-render';

/**
 * Internal dependencies
 */
import { toRange } from '../shared/editor/to-range';
import metadata from './block.json';
import { categoryIds, categoryNames } from './categories';
import type { FeedAttributes, FeedFallback, FeedLayout } from './types';
import { useCategories } from './use-categories';

/** Posts the feed may show; render.php clamps to the same bounds. */
export const COUNT_MIN = 1;
export const COUNT_MAX = 12;

type ToggleName =
	'showImage' | 'showExcerpt' | 'showDate' | 'showAuthor' | 'showCategory';

type CategoryListName = 'includeCategories' | 'excludeCategories';

/**
 * The feed block in the editor: its settings in the sidebar, and the server's own rendering as the
 * preview, which is exactly the cache-safe list visitors get.
 *
 * @param props               Block edit props.
 * @param props.attributes    The block's attributes.
 * @param props.setAttributes Updates attributes.
 */
export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< FeedAttributes > ) {
	const { categories, isLoading } = useCategories();

	const layouts: Array< { value: FeedLayout; label: string } > = [
		{ value: 'list', label: __( 'List', 'switchboard' ) },
		{ value: 'grid', label: __( 'Grid', 'switchboard' ) },
		{ value: 'compact', label: __( 'Compact', 'switchboard' ) },
	];
	const fallbacks: Array< { value: FeedFallback; label: string } > = [
		{ value: 'recent', label: __( 'Most recent', 'switchboard' ) },
		{ value: 'popular', label: __( 'Most commented', 'switchboard' ) },
	];
	const toggles: ReadonlyArray< [ ToggleName, string ] > = [
		[ 'showImage', __( 'Show featured image', 'switchboard' ) ],
		[ 'showExcerpt', __( 'Show excerpt', 'switchboard' ) ],
		[ 'showDate', __( 'Show date', 'switchboard' ) ],
		[ 'showAuthor', __( 'Show author', 'switchboard' ) ],
		[ 'showCategory', __( 'Show category', 'switchboard' ) ],
	];
	const categoryFields: ReadonlyArray< [ CategoryListName, string ] > = [
		[ 'includeCategories', __( 'Only from categories', 'switchboard' ) ],
		[ 'excludeCategories', __( 'Never from categories', 'switchboard' ) ],
	];
	// Indexed writes keep the check that each name is an attribute of the value's type.
	const setToggle = ( name: ToggleName, checked: boolean ) => {
		const update: Partial< FeedAttributes > = {};
		update[ name ] = checked;
		setAttributes( update );
	};
	const setCategories = ( name: CategoryListName, ids: number[] ) => {
		const update: Partial< FeedAttributes > = {};
		update[ name ] = ids;
		setAttributes( update );
	};
	const isCompact = attributes.layout === 'compact';

	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Content', 'switchboard' ) }>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Heading', 'switchboard' ) }
						help={ __(
							'Leave empty to use “Latest posts” or “Popular posts”.',
							'switchboard'
						) }
						value={ attributes.heading }
						onChange={ ( heading ) => setAttributes( { heading } ) }
					/>
					<RangeControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Number of posts', 'switchboard' ) }
						min={ COUNT_MIN }
						max={ COUNT_MAX }
						value={ attributes.count }
						onChange={ ( value ) =>
							setAttributes( {
								count: toRange(
									value,
									COUNT_MIN,
									COUNT_MAX,
									metadata.attributes.count.default
								),
							} )
						}
					/>
					<SelectControl< FeedFallback >
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Show', 'switchboard' ) }
						help={ __(
							'What every visitor sees first. Most commented ranks posts by their number of comments.',
							'switchboard'
						) }
						options={ fallbacks }
						value={ attributes.fallback }
						onChange={ ( fallback ) =>
							setAttributes( { fallback } )
						}
					/>
				</PanelBody>
				<PanelBody title={ __( 'Display', 'switchboard' ) }>
					<SelectControl< FeedLayout >
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Layout', 'switchboard' ) }
						help={
							isCompact
								? __(
										'Compact shows titles and details only, without images or excerpts.',
										'switchboard'
									)
								: undefined
						}
						options={ layouts }
						value={ attributes.layout }
						onChange={ ( layout ) => setAttributes( { layout } ) }
					/>
					{ toggles.map( ( [ name, label ] ) => (
						<ToggleControl
							key={ name }
							__nextHasNoMarginBottom
							label={ label }
							checked={ attributes[ name ] }
							disabled={
								isCompact &&
								( name === 'showImage' ||
									name === 'showExcerpt' )
							}
							onChange={ ( checked ) =>
								setToggle( name, checked )
							}
						/>
					) ) }
				</PanelBody>
				<PanelBody title={ __( 'Categories', 'switchboard' ) }>
					{ isLoading ? (
						<Spinner />
					) : (
						categoryFields.map( ( [ name, label ] ) => (
							<FormTokenField
								key={ name }
								__next40pxDefaultSize
								__nextHasNoMarginBottom
								__experimentalExpandOnFocus
								label={ label }
								suggestions={ categories.map(
									( category ) => category.name
								) }
								__experimentalValidateInput={ ( token ) =>
									categoryIds(
										[ token ],
										categories,
										attributes[ name ]
									).length > 0
								}
								value={ categoryNames(
									attributes[ name ],
									categories
								) }
								onChange={ ( tokens ) =>
									setCategories(
										name,
										categoryIds(
											tokens,
											categories,
											attributes[ name ]
										)
									)
								}
							/>
						) )
					) }
				</PanelBody>
			</InspectorControls>
			<div { ...useBlockProps() }>
				<Disabled>
					<ServerSideRender
						block={ metadata.name }
						attributes={ attributes }
						skipBlockSupportAttributes
					/>
				</Disabled>
			</div>
		</>
	);
}
