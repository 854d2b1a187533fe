/**
 * Compile-time tests of the attribute controls' types, checked by `npm run typecheck` and never
 * run: each `@ts-expect-error` fails the type check if the line under it stops being an error.
 */

/**
 * WordPress dependencies
 */
import type { BlockEditProps } from '@wordpress/blocks';

/**
 * Internal dependencies
 */
import type { AttributeNameOf } from '../editor/attribute-fields';
import { TextControls, type TextFields } from '../editor/text-controls';
import { ToggleControls, type Toggles } from '../editor/toggle-controls';

type Equals< A, B > =
	( < T >() => T extends A ? 1 : 2 ) extends < T >() => T extends B ? 1 : 2
		? true
		: false;
type Assert< T extends true > = T;

// A type alias, not an interface: block attributes must fit Record< string, unknown >.
type Demo = {
	title: string;
	open: boolean;
	wide: boolean;
	note?: boolean;
	mode: 'a' | 'b';
	size: number;
	ids: readonly number[];
};

/** Only attributes that always hold exactly the control's type can be named. */
export type Names = [
	Assert< Equals< AttributeNameOf< Demo, boolean >, 'open' | 'wide' > >,
	Assert< Equals< AttributeNameOf< Demo, string >, 'title' > >,
	Assert< Equals< AttributeNameOf< Demo, readonly number[] >, 'ids' > >,
];

export const toggles: Toggles< Demo > = [
	[ 'open', 'Open', 'Optional help.' ],
	// @ts-expect-error -- `size` holds a number
	[ 'size', 'Size' ],
	// @ts-expect-error -- `note` is optional, so may be undefined
	[ 'note', 'Note' ],
	// @ts-expect-error -- no such attribute
	[ 'shut', 'Shut' ],
];

export const fields: TextFields< Demo > = [
	[ 'title', 'Title' ],
	// @ts-expect-error -- `mode` is an enum: free text could store another value
	[ 'mode', 'Mode' ],
];

declare const props: BlockEditProps< Demo >;
const { attributes, setAttributes } = props;

// A block's own attributes and setter bind to controls for its attributes of the right type.
ToggleControls( { attributes, setAttributes, fields: toggles } );
ToggleControls( { attributes, setAttributes, fields: [ [ 'wide', 'W' ] ] } );
TextControls( { attributes, setAttributes, fields } );

// Controls listed in place are checked against the attributes just the same.
// @ts-expect-error -- `size` holds a number, not a boolean
ToggleControls( { attributes, setAttributes, fields: [ [ 'size', 'S' ] ] } );
// @ts-expect-error -- `mode` is an enum, not free text
TextControls( { attributes, setAttributes, fields: [ [ 'mode', 'M' ] ] } );
// Only boolean attributes can be disabled.
ToggleControls( {
	attributes,
	setAttributes,
	fields: toggles,
	// @ts-expect-error -- `title` holds a string
	disabled: [ 'title' ],
} );
