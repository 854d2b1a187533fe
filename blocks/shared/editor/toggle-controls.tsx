/**
 * WordPress dependencies
 */
import { ToggleControl } from '@wordpress/components';

/**
 * Internal dependencies
 */
import {
	bindFields,
	type AttributeControlsProps,
	type AttributeFields,
} from './attribute-fields';

/** Toggles for boolean attributes of `A`: each an attribute's name, a label and optional help. */
export type Toggles< A > = AttributeFields< A, boolean >;

export interface ToggleControlsProps<
	Name extends string,
> extends AttributeControlsProps< Name, boolean > {
	/** Listed toggles shown but not switchable, for options the other settings leave unused. */
	disabled?: ReadonlyArray< NoInfer< Name > >;
}

/**
 * A ToggleControl for each listed boolean attribute, checked when the attribute is true and
 * storing the new boolean through `setAttributes` when switched.
 *
 * @param props          Component props: the toggles, and the attributes they switch.
 * @param props.disabled Which toggles are disabled.
 */
export function ToggleControls< Name extends string >( {
	disabled = [],
	...props
}: ToggleControlsProps< Name > ) {
	return (
		<>
			{ bindFields( props ).map( ( { name, value, ...field } ) => (
				<ToggleControl
					key={ name }
					__nextHasNoMarginBottom
					{ ...field }
					checked={ value }
					disabled={ disabled.includes( name ) }
				/>
			) ) }
		</>
	);
}
