/**
 * Types that read a block's attributes out of its `block.json`.
 *
 * A `block.json` import is typed literally (see `block.json.d.ts` at the project root), so these
 * mapped types turn each attribute's `type`, `enum` and `items` into the TypeScript type the editor
 * and the view work with: `block.json` is the only place attributes are written.
 */

/** The JSON Schema primitive types WordPress accepts for a block attribute. */
export type AttributeTypeName =
	'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

interface AttributeTypeMap {
	string: string;
	number: number;
	integer: number;
	boolean: boolean;
	object: Readonly< Record< string, unknown > >;
	array: readonly unknown[];
	null: null;
}

/** One attribute definition, as `block.json` may write it. */
export interface AttributeDefinition {
	readonly type?: AttributeTypeName | readonly AttributeTypeName[];
	readonly enum?: readonly ( string | number | boolean | null )[];
	readonly items?: { readonly type: AttributeTypeName };
	readonly default?: unknown;
	readonly source?: string;
	readonly selector?: string;
	readonly attribute?: string;
	readonly role?: 'content' | 'local';
}

/** The part of `block.json` the editor registration relies on. */
export interface BlockJson {
	readonly apiVersion: 3;
	readonly name: `${ string }/${ string }`;
	readonly title: string;
	readonly category: string;
	readonly textdomain?: string;
	readonly attributes: Readonly< Record< string, AttributeDefinition > >;
}

/** The TypeScript type a `type` keyword (or a list of them) stands for. */
type ValueOfTypeName< T > = T extends AttributeTypeName
	? AttributeTypeMap[ T ]
	: T extends readonly AttributeTypeName[]
		? AttributeTypeMap[ T[ number ] ]
		: unknown;

/** The value type of one attribute: its `enum` members, a typed array, or its `type`. */
export type AttributeValue< D extends AttributeDefinition > = D extends {
	readonly enum: readonly ( infer Member )[];
}
	? Member
	: D extends {
				readonly type: 'array';
				readonly items: { readonly type: infer Item };
		  }
		? readonly ValueOfTypeName< Item >[]
		: ValueOfTypeName< D[ 'type' ] >;

type Definitions< M extends BlockJson > = M[ 'attributes' ];

type WithDefault< M extends BlockJson > = {
	[ K in keyof Definitions< M > ]: Definitions< M >[ K ] extends {
		readonly default: unknown;
	}
		? K
		: never;
}[ keyof Definitions< M > ];

type Flatten< T > = { [ K in keyof T ]: T[ K ] };

/**
 * A block's attributes as its edit component receives them: an attribute with a `default` is always
 * set, any other may be missing.
 */
export type AttributesOf< M extends BlockJson > = Flatten<
	{
		-readonly [ K in WithDefault< M > ]: AttributeValue<
			Definitions< M >[ K ]
		>;
	} & {
		-readonly [
			K in Exclude< keyof Definitions< M >, WithDefault< M > >
		]?: AttributeValue< Definitions< M >[ K ] >;
	}
>;

/**
 * `block.json` checked against itself: every `default` must be a value of its attribute's type,
 * and every `enum` member too. Intersected with the metadata a function receives, it turns a
 * wrong default into a compile error at the call.
 */
export type CheckedBlockJson< M extends BlockJson > = M & {
	readonly attributes: {
		readonly [ K in keyof Definitions< M > ]: {
			readonly default?: AttributeValue< Definitions< M >[ K ] >;
			readonly enum?: readonly ValueOfTypeName<
				Definitions< M >[ K ][ 'type' ]
			>[];
		};
	};
};
