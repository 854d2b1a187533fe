/**
 * WordPress dependencies
 */
import { Button, ComboboxControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { MAX_PINNED, move, pin, unpin } from './pinned';
import { usePostSearch } from './use-post-search';
import { usePostTitles } from './use-post-titles';

export interface PinnedPostsProps {
	/** Pinned post ids, in order. */
	value: readonly number[];
	onChange: ( ids: number[] ) => void;
}

/**
 * The pinned posts: a search to add one, and the ordered list with buttons to move and remove each.
 *
 * @param props          Component props.
 * @param props.value    Pinned post ids, in order.
 * @param props.onChange Receives the new ids.
 */
export function PinnedPosts( { value, onChange }: PinnedPostsProps ) {
	const [ search, setSearch ] = useState( '' );
	const results = usePostSearch( search );
	const titles = usePostTitles( value );
	const title = ( id: number ) =>
		titles.get( id ) ??
		/* translators: %d: a post's numeric id. */
		sprintf( __( 'Post #%d', 'switchboard' ), id );

	return (
		<div className="wp-block-switchboard-feed__pinned">
			<ComboboxControl
				__next40pxDefaultSize
				__nextHasNoMarginBottom
				label={ __( 'Pin a post', 'switchboard' ) }
				help={
					value.length >= MAX_PINNED
						? __(
								'A feed shows at most 12 posts: unpin one to pin another.',
								'switchboard'
							)
						: __(
								'Pinned posts come first, in this order, for every reader.',
								'switchboard'
							)
				}
				value={ null }
				options={ results
					.filter( ( post ) => ! value.includes( post.id ) )
					.map( ( post ) => ( {
						value: String( post.id ),
						label: post.title,
					} ) ) }
				onFilterValueChange={ setSearch }
				onChange={ ( id ) => {
					if ( id ) {
						onChange( pin( value, Number( id ) ) );
						setSearch( '' );
					}
				} }
			/>
			{ value.length > 0 && (
				<ol aria-label={ __( 'Pinned posts', 'switchboard' ) }>
					{ value.map( ( id, index ) => (
						<li key={ id }>
							<span>{ title( id ) }</span>
							<Button
								size="small"
								icon="arrow-up-alt2"
								label={ sprintf(
									/* translators: %s: a post title. */
									__( 'Move %s up', 'switchboard' ),
									title( id )
								) }
								accessibleWhenDisabled
								disabled={ index === 0 }
								onClick={ () =>
									onChange( move( value, index, -1 ) )
								}
							/>
							<Button
								size="small"
								icon="arrow-down-alt2"
								label={ sprintf(
									/* translators: %s: a post title. */
									__( 'Move %s down', 'switchboard' ),
									title( id )
								) }
								accessibleWhenDisabled
								disabled={ index === value.length - 1 }
								onClick={ () =>
									onChange( move( value, index, 1 ) )
								}
							/>
							<Button
								size="small"
								icon="no-alt"
								label={ sprintf(
									/* translators: %s: a post title. */
									__( 'Unpin %s', 'switchboard' ),
									title( id )
								) }
								onClick={ () => onChange( unpin( value, id ) ) }
							/>
						</li>
					) ) }
				</ol>
			) }
		</div>
	);
}
