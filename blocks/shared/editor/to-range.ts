/**
 * A whole number within [ min, max ] for a range attribute: RangeControl reports `undefined` when
 * its number field is cleared, and a typed value can be fractional or out of bounds.
 *
 * @param value    What the control reported.
 * @param min      Smallest allowed value.
 * @param max      Largest allowed value.
 * @param fallback Value to use when there is no number.
 * @return The value to store.
 */
export function toRange(
	value: number | undefined,
	min: number,
	max: number,
	fallback: number
): number {
	if ( value === undefined || ! Number.isFinite( value ) ) {
		return fallback;
	}
	return Math.min( max, Math.max( min, Math.round( value ) ) );
}
