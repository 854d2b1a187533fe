/**
 * Controls bound to a block's attributes by name: the lists a block writes, and the binding that
 * turns each entry into a control's value and change handler.
 */

/**
 * The names of the attributes of `A` that always hold exactly a `Value`: a `boolean` for a toggle,
 * a `string` for a text field. An optional attribute is left out, so a control never shows
 * `undefined`, and so is a narrower one (an `enum`) or a wider one, so a control never stores a
 * value `block.json` refuses.
 */
export type AttributeNameOf< A, Value > = {
	[ K in keyof A ]-?: [ A[ K ] ] extends [ Value ]
		? [ Value ] extends [ A[ K ] ]
			? K
			: never
		: never;
}[ keyof A ] &
	string;

/** One attribute's control: the attribute's name, the control's label and, if any, its help. */
export type AttributeField< Name extends string > = readonly [
	name: Name,
	label: string,
	help?: string,
];

/** Controls for the attributes of `A` that hold a `Value`, in the order they are shown. */
export type AttributeFields< A, Value > = ReadonlyArray<
	AttributeField< AttributeNameOf< A, Value > >
>;

/**
 * A list of controls and the attributes they read and write. A block passes its own `attributes`
 * and `setAttributes`, which fit only when every listed attribute holds a `Value`.
 */
export interface AttributeControlsProps< Name extends string, Value > {
	attributes: Readonly< Record< Name, Value > >;
	setAttributes: ( update: Partial< Record< Name, Value > > ) => void;
	fields: ReadonlyArray< AttributeField< Name > >;
}

/** One listed control, bound: what it shows and what it does on change. */
export interface BoundField< Name extends string, Value > {
	name: Name;
	label: string;
	help?: string;
	value: Value;
	onChange: ( value: Value ) => void;
}

/**
 * The update that sets one attribute.
 *
 * @param name  The attribute's name.
 * @param value Its new value.
 * @return The partial attributes to pass to `setAttributes`.
 */
export function attributeUpdate< Name extends string, Value >(
	name: Name,
	value: Value
): Partial< Record< Name, Value > > {
	// An indexed write keeps the check that the value fits the named attribute.
	const update: Partial< Record< Name, Value > > = {};
	update[ name ] = value;
	return update;
}

/**
 * Each listed control with its attribute's value, and a change handler that stores the new value
 * under that attribute's name.
 *
 * @param props               The list and the attributes.
 * @param props.attributes    The block's attributes.
 * @param props.setAttributes Updates attributes.
 * @param props.fields        The controls to bind.
 * @return The bound controls, in order.
 */
export function bindFields< Name extends string, Value >( {
	attributes,
	setAttributes,
	fields,
}: AttributeControlsProps< Name, Value > ): Array< BoundField< Name, Value > > {
	return fields.map( ( [ name, label, help ] ) => ( {
		name,
		label,
		help,
		value: attributes[ name ],
		onChange: ( value: Value ) =>
			setAttributes( attributeUpdate( name, value ) ),
	} ) );
}
