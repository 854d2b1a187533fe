/**
 * WordPress dependencies
 */
import { sprintf, __ } from '@wordpress/i18n';

/** A category as the editor lists it: its term id and its display name. */
export interface CategoryOption {
	readonly id: number;
	readonly name: string;
}

/** A token as FormTokenField reports it. */
type Token = string | { readonly value: string };

/** The label of a term the site no longer has, so the editor can still see and remove it. */
export type MissingLabel = ( id: number ) => string;

/**
 * The label of a category the site no longer has.
 *
 * @param id Term id.
 * @return A translated label.
 */
export function missingCategoryLabel( id: number ): string {
	/* translators: %d: a category's numeric id. */
	return sprintf( __( 'Category #%d (deleted)', 'switchboard' ), id );
}

/**
 * The label of a tag the site no longer has.
 *
 * @param id Term id.
 * @return A translated label.
 */
export function missingTagLabel( id: number ): string {
	/* translators: %d: a tag's numeric id. */
	return sprintf( __( 'Tag #%d (deleted)', 'switchboard' ), id );
}

/**
 * The names to show as tokens for stored category ids.
 *
 * @param ids        Stored term ids.
 * @param categories The site's terms (categories or tags).
 * @param missing    Labels a deleted term.
 * @return One label per id, in the stored order.
 */
export function categoryNames(
	ids: readonly number[],
	categories: readonly CategoryOption[],
	missing: MissingLabel = missingCategoryLabel
): string[] {
	return ids.map(
		( id ) =>
			categories.find( ( category ) => category.id === id )?.name ??
			missing( id )
	);
}

/**
 * The term ids to store for the tokens a FormTokenField reports. Names match the site's categories
 * without regard to case; a label of a deleted category keeps its id until it is removed; any
 * other text is dropped, as is a repeated id.
 *
 * @param tokens     The field's tokens.
 * @param categories The site's terms (categories or tags).
 * @param current    The ids stored now.
 * @param missing    Labels a deleted term.
 * @return Term ids, in token order.
 */
export function categoryIds(
	tokens: readonly Token[],
	categories: readonly CategoryOption[],
	current: readonly number[],
	missing: MissingLabel = missingCategoryLabel
): number[] {
	const byLabel = new Map< string, number >();
	for ( const id of current ) {
		byLabel.set( missing( id ).toLowerCase(), id );
	}
	for ( const category of categories ) {
		byLabel.set( category.name.toLowerCase(), category.id );
	}
	const ids = tokens
		.map( ( token ) =>
			byLabel.get(
				( typeof token === 'string' ? token : token.value )
					.trim()
					.toLowerCase()
			)
		)
		.filter( ( id ): id is number => id !== undefined );
	return [ ...new Set( ids ) ];
}
