/**
 * WordPress dependencies
 */
import { RangeControl } from '@wordpress/components';

/**
 * Internal dependencies
 */
import { toRange } from './to-range';

export interface IntegerRangeControlProps {
	label: string;
	/** Smallest allowed value; render.php clamps to the same bounds. */
	min: number;
	/** Largest allowed value. */
	max: number;
	/** What to store when the number field is cleared: the attribute's default in block.json. */
	fallback: number;
	value: number;
	/** Receives a whole number within [ min, max ]. */
	onChange: ( value: number ) => void;
}

/**
 * A RangeControl for an `integer` attribute that only ever reports a whole number within its
 * bounds, whatever is typed into its number field (see `toRange`).
 *
 * @param props          Component props.
 * @param props.label    The control's label.
 * @param props.min      Smallest allowed value.
 * @param props.max      Largest allowed value.
 * @param props.fallback Value for a cleared field.
 * @param props.value    The stored value.
 * @param props.onChange Receives the value to store.
 */
export function IntegerRangeControl( {
	label,
	min,
	max,
	fallback,
	value,
	onChange,
}: IntegerRangeControlProps ) {
	return (
		<RangeControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ label }
			min={ min }
			max={ max }
			value={ value }
			onChange={ ( next ) =>
				onChange( toRange( next, min, max, fallback ) )
			}
		/>
	);
}
