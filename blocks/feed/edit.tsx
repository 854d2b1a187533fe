/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import {
	FormTokenField,
	PanelBody,
	SelectControl,
	Spinner,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	attributeUpdate,
	type AttributeField,
	type AttributeNameOf,
} from '../shared/editor/attribute-fields';
import { IntegerRangeControl } from '../shared/editor/integer-range-control';
import { ServerPreview } from '../shared/editor/server-preview';
import { TextControls, type TextFields } from '../shared/editor/text-controls';
import { ToggleControls, type Toggles } from '../shared/editor/toggle-controls';
import metadata from './block.json';
import { categoryIds, categoryNames } from './categories';
import type { FeedAttributes, FeedFallback, FeedLayout } from './types';
import { useCategories } from './use-categories';

/** Posts the feed may show; render.php clamps to the same bounds. */
export const COUNT_MIN = 1;
export const COUNT_MAX = 12;

/** The attributes that hold a list of category ids. */
type CategoryListName = AttributeNameOf< FeedAttributes, readonly number[] >;

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
	const headingFields: TextFields< FeedAttributes > = [
		[
			'heading',
			__( 'Heading', 'switchboard' ),
			__(
				'Leave empty to use “Latest posts” or “Popular posts”.',
				'switchboard'
			),
		],
	];
	const toggles: Toggles< FeedAttributes > = [
		[ 'showImage', __( 'Show featured image', 'switchboard' ) ],
		[ 'showExcerpt', __( 'Show excerpt', 'switchboard' ) ],
		[ 'showDate', __( 'Show date', 'switchboard' ) ],
		[ 'showAuthor', __( 'Show author', 'switchboard' ) ],
		[ 'showCategory', __( 'Show category', 'switchboard' ) ],
	];
	const categoryFields: ReadonlyArray< AttributeField< CategoryListName > > =
		[
			[
				'includeCategories',
				__( 'Only from categories', 'switchboard' ),
			],
			[
				'excludeCategories',
				__( 'Never from categories', 'switchboard' ),
			],
		];
	const isCompact = attributes.layout === 'compact';
	// What the attribute controls read and write through.
	const controlProps = { attributes, setAttributes };

	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Content', 'switchboard' ) }>
					<TextControls
						{ ...controlProps }
						fields={ headingFields }
					/>
					<IntegerRangeControl
						label={ __( 'Number of posts', 'switchboard' ) }
						min={ COUNT_MIN }
						max={ COUNT_MAX }
						fallback={ metadata.attributes.count.default }
						value={ attributes.count }
						onChange={ ( count ) => setAttributes( { count } ) }
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
					<ToggleControls
						{ ...controlProps }
						fields={ toggles }
						disabled={
							isCompact ? [ 'showImage', 'showExcerpt' ] : []
						}
					/>
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
									setAttributes(
										attributeUpdate(
											name,
											categoryIds(
												tokens,
												categories,
												attributes[ name ]
											)
										)
									)
								}
							/>
						) )
					) }
				</PanelBody>
			</InspectorControls>
			<div { ...useBlockProps() }>
				<ServerPreview
					block={ metadata.name }
					attributes={ attributes }
				/>
			</div>
		</>
	);
}
