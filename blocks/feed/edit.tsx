/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import {
	FormTokenField,
	Notice,
	PanelBody,
	SelectControl,
	Spinner,
	ToggleControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	attributeUpdate,
	type AttributeNameOf,
} from '../shared/editor/attribute-fields';
import { IntegerRangeControl } from '../shared/editor/integer-range-control';
import { ServerPreview } from '../shared/editor/server-preview';
import { TextControls, type TextFields } from '../shared/editor/text-controls';
import { ToggleControls, type Toggles } from '../shared/editor/toggle-controls';
import metadata from './block.json';
import {
	categoryIds,
	categoryNames,
	missingCategoryLabel,
	missingTagLabel,
	type CategoryOption,
	type MissingLabel,
} from './categories';
import { PersonalPreview } from './personal-preview';
import { PinnedPosts } from './pinned-posts';
import type { FeedAttributes, FeedFallback, FeedLayout } from './types';
import { useCategories, useTerms } from './use-categories';
import { useSampleProfiles } from './use-sample-profiles';

/** Posts the feed may show; render.php clamps to the same bounds. */
export const COUNT_MIN = 1;
export const COUNT_MAX = 12;

/** The attributes that hold a list of term ids. */
type TermListName = AttributeNameOf< FeedAttributes, readonly number[] >;

/** One scope field: the attribute, its label, the terms it picks from, and how a deleted one reads. */
type ScopeField = readonly [
	TermListName,
	string,
	readonly CategoryOption[],
	MissingLabel,
];

/**
 * The feed block in the editor: its settings in the sidebar, and as the preview either the server's own
 * rendering (what a new visitor gets, and every visitor without consent) or the list a sample reader
 * would get once personalized.
 *
 * @param props               Block edit props.
 * @param props.attributes    The block's attributes.
 * @param props.setAttributes Updates attributes.
 * @param props.context       Block context: the post being edited.
 */
export default function Edit( {
	attributes,
	setAttributes,
	context,
}: BlockEditProps< FeedAttributes > ) {
	const categories = useCategories();
	const tags = useTerms( 'post_tag' );
	const { profiles, error: profilesError } = useSampleProfiles();
	const [ previewAs, setPreviewAs ] = useState( '' );
	const profile = profiles.find( ( sample ) => sample.id === previewAs );
	const postId = Number( ( context as { postId?: number } )?.postId ?? 0 );

	const layouts: Array< { value: FeedLayout; label: string } > = [
		{ value: 'list', label: __( 'List', 'switchboard' ) },
		{ value: 'grid', label: __( 'Grid', 'switchboard' ) },
		{ value: 'compact', label: __( 'Compact', 'switchboard' ) },
	];
	const fallbacks: Array< { value: FeedFallback; label: string } > = [
		{ value: 'recent', label: __( 'Most recent', 'switchboard' ) },
		{ value: 'popular', label: __( 'Most popular', 'switchboard' ) },
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
		[ 'showReason', __( 'Show why each post is listed', 'switchboard' ) ],
	];
	const scopeFields: readonly ScopeField[] = [
		[
			'includeCategories',
			__( 'Only from categories', 'switchboard' ),
			categories.categories,
			missingCategoryLabel,
		],
		[
			'excludeCategories',
			__( 'Never from categories', 'switchboard' ),
			categories.categories,
			missingCategoryLabel,
		],
		[
			'includeTags',
			__( 'Only with tags', 'switchboard' ),
			tags.categories,
			missingTagLabel,
		],
		[
			'excludeTags',
			__( 'Never with tags', 'switchboard' ),
			tags.categories,
			missingTagLabel,
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
							'What every visitor sees first, and what stays when personalization is unavailable (no consent, or the service is down).',
							'switchboard'
						) }
						options={ fallbacks }
						value={ attributes.fallback }
						onChange={ ( fallback ) =>
							setAttributes( { fallback } )
						}
					/>
				</PanelBody>
				<PanelBody title={ __( 'Personalization', 'switchboard' ) }>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __(
							'Personalize for each reader',
							'switchboard'
						) }
						help={ __(
							'After a reader agrees, the list is ranked from what they read on this site.',
							'switchboard'
						) }
						checked={ attributes.personalize }
						onChange={ ( personalize ) =>
							setAttributes( { personalize } )
						}
					/>
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Preview as', 'switchboard' ) }
						options={ [
							{
								value: '',
								label: __( 'A new visitor', 'switchboard' ),
							},
							...profiles.map( ( sample ) => ( {
								value: sample.id,
								label: sample.label,
							} ) ),
						] }
						value={ previewAs }
						onChange={ setPreviewAs }
					/>
					{ profilesError && (
						<Notice status="warning" isDismissible={ false }>
							{ __(
								'Sample readers are not available.',
								'switchboard'
							) }{ ' ' }
							{ profilesError }
						</Notice>
					) }
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
				<PanelBody title={ __( 'Categories and tags', 'switchboard' ) }>
					{ categories.isLoading || tags.isLoading ? (
						<Spinner />
					) : (
						scopeFields.map(
							( [ name, label, terms, missing ] ) => (
								<FormTokenField
									key={ name }
									__next40pxDefaultSize
									__nextHasNoMarginBottom
									__experimentalExpandOnFocus
									label={ label }
									suggestions={ terms.map(
										( term ) => term.name
									) }
									__experimentalValidateInput={ ( token ) =>
										categoryIds(
											[ token ],
											terms,
											attributes[ name ],
											missing
										).length > 0
									}
									value={ categoryNames(
										attributes[ name ],
										terms,
										missing
									) }
									onChange={ ( tokens ) =>
										setAttributes(
											attributeUpdate(
												name,
												categoryIds(
													tokens,
													terms,
													attributes[ name ],
													missing
												)
											)
										)
									}
								/>
							)
						)
					) }
				</PanelBody>
				<PanelBody title={ __( 'Pinned posts', 'switchboard' ) }>
					<PinnedPosts
						value={ attributes.pinned }
						onChange={ ( pinned ) => setAttributes( { pinned } ) }
					/>
				</PanelBody>
			</InspectorControls>
			<div { ...useBlockProps() }>
				{ profile ? (
					<PersonalPreview
						attributes={ attributes }
						profile={ profile }
						postId={ postId }
					/>
				) : (
					<ServerPreview
						block={ metadata.name }
						attributes={ attributes }
					/>
				) }
			</div>
		</>
	);
}
