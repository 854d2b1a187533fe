/**
 * WordPress dependencies
 */
import { TextControl } from '@wordpress/components';

/**
 * Internal dependencies
 */
import {
	bindFields,
	type AttributeControlsProps,
	type AttributeFields,
} from './attribute-fields';

/** Text fields for string attributes of `A`: each an attribute's name, a label and optional help. */
export type TextFields< A > = AttributeFields< A, string >;

/**
 * A TextControl for each listed string attribute, storing the text as typed through
 * `setAttributes`.
 *
 * @param props Component props: the fields, and the attributes they edit.
 */
export function TextControls< Name extends string >(
	props: AttributeControlsProps< Name, string >
) {
	return (
		<>
			{ bindFields( props ).map( ( { name, ...field } ) => (
				<TextControl
					key={ name }
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					{ ...field }
				/>
			) ) }
		</>
	);
}
