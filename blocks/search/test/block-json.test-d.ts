/**
 * Compile-time tests that the search block's attribute types come from its real block.json,
 * checked by `npm run typecheck` and never run: each `@ts-expect-error` fails the type check if
 * the line under it stops being an error.
 */

/**
 * WordPress dependencies
 */
import type { BlockEditProps } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import { registerBlock } from '../../shared/editor/register-block';
import metadata from '../block.json';
import Edit from '../edit';
import type { SearchAttributes } from '../types';

type Equals< A, B > =
	( < T >() => T extends A ? 1 : 2 ) extends < T >() => T extends B ? 1 : 2
		? true
		: false;
type Assert< T extends true > = T;

/** The attribute types, as read from blocks/search/block.json. */
export type SearchAttributeTypes = [
	Assert<
		Equals<
			SearchAttributes,
			{
				label: string;
				placeholder: string;
				buttonText: string;
				showLabel: boolean;
				perPage: number;
				showExcerpt: boolean;
				showDate: boolean;
				showPostType: boolean;
				showImage: boolean;
				instant: boolean;
				facets: readonly string[];
			}
		>
	>,
	Assert< Equals< typeof metadata.name, 'switchboard/search' > >,
];

// The real block.json and the real edit component agree.
registerBlock( metadata, { edit: Edit } );

declare const setAttributes: BlockEditProps< SearchAttributes >[ 'setAttributes' ];
// perPage is "type": "integer" in block.json.
// @ts-expect-error -- wrong attribute type
setAttributes( { perPage: '10' } );

// block.json with perPage as "type": "string" would no longer fit the edit component.
declare const perPageAsString: Omit< typeof metadata, 'attributes' > & {
	readonly attributes: Omit<
		( typeof metadata )[ 'attributes' ],
		'perPage'
	> & {
		readonly perPage: { readonly type: 'string'; readonly default: '10' };
	};
};
// @ts-expect-error -- the edit component stores a number in perPage
registerBlock( perPageAsString, { edit: Edit } );
