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

/**
 * The label of a category the site no longer has, so the editor can still see and remove it.
 *
 * @param id Term id.
 * @return A translated label.
 */
function missingCategoryLabel( id: number ): string {
	/* translators: %d: a category's numeric id. */
	return sprintf( __( 'Category #%d (deleted)', 'switchboard' ), id );
}

/**
 * The names to show as tokens for stored category ids.
 *
 * @param ids        Stored term ids.
 * @param categories The site's categories.
 * @return One label per id, in the stored order.
 */
export function categoryNames(
	ids: readonly number[],
	categories: readonly CategoryOption[]
): string[] {
	return ids.map(
		( id ) =>
			categories.find( ( category ) => category.id === id )?.name ??
			missingCategoryLabel( id )
	);
}

/**
 * The term ids to store for the tokens a FormTokenField reports. Names match the site's categories
 * without regard to case; a label of a deleted category keeps its id until it is removed; any
 * other text is dropped, as is a repeated id.
 *
 * @param tokens     The field's tokens.
 * @param categories The site's categories.
 * @param current    The ids stored now.
 * @return Term ids, in token order.
 */
export function categoryIds(
	tokens: readonly Token[],
	categories: readonly CategoryOption[],
	current: readonly number[]
): number[] {
	const byLabel = new Map< string, number >();
	for ( const id of current ) {
		byLabel.set( missingCategoryLabel( id ).toLowerCase(), id );
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
