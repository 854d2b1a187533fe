/**
 * Compile-time tests of the block.json types, checked by `npm run typecheck` and never run: each
 * `@ts-expect-error` fails the type check if the line under it stops being an error.
 *
 * The metadata here is typed the way bin/gen-block-types types a block.json import.
 */

/**
 * WordPress dependencies
 */
import type { BlockEditProps } from '@wordpress/blocks';
import type { ComponentType } from 'react';

/**
 * Internal dependencies
 */
import { registerBlock } from '../editor/register-block';
import type { AttributesOf } from '../types/block-json';
// No such file exists, nor a generated declaration for it: block.json.d.ts's fallback types it.
import type ungeneratedMetadata from './no-declaration/block.json';

type Equals< A, B > =
	( < T >() => T extends A ? 1 : 2 ) extends < T >() => T extends B ? 1 : 2
		? true
		: false;
type Assert< T extends true > = T;

declare const metadata: {
	readonly apiVersion: 3;
	readonly name: 'demo/block';
	readonly title: 'Demo';
	readonly category: 'widgets';
	readonly attributes: {
		readonly title: { readonly type: 'string'; readonly default: '' };
		readonly size: { readonly type: 'integer'; readonly default: 3 };
		readonly ratio: { readonly type: 'number' };
		readonly open: { readonly type: 'boolean'; readonly default: false };
		readonly mode: {
			readonly type: 'string';
			readonly enum: readonly [ 'a', 'b' ];
			readonly default: 'a';
		};
		readonly ids: {
			readonly type: 'array';
			readonly items: { readonly type: 'integer' };
			readonly default: readonly [];
		};
		readonly either: {
			readonly type: readonly [ 'string', 'null' ];
			readonly default: null;
		};
	};
};

type DemoAttributes = AttributesOf< typeof metadata >;

/** Each attribute's `type`, `enum` or `items` becomes its TypeScript type; no default means optional. */
export type AttributeTypes = [
	Assert<
		Equals<
			DemoAttributes,
			{
				title: string;
				size: number;
				ratio?: number;
				open: boolean;
				mode: 'a' | 'b';
				ids: readonly number[];
				either: string | null;
			}
		>
	>,
];

declare const DemoEdit: ComponentType< BlockEditProps< DemoAttributes > >;
declare const setAttributes: BlockEditProps< DemoAttributes >[ 'setAttributes' ];

// Metadata and an edit component that agree register.
registerBlock( metadata, { edit: DemoEdit } );

// `size` is "type": "integer", so a string cannot be stored in it.
// @ts-expect-error -- wrong attribute type
setAttributes( { size: '3' } );

// `mode` is an enum of 'a' and 'b'.
// @ts-expect-error -- value outside the enum
setAttributes( { mode: 'c' } );

// block.json saying "type": "string" for `size` no longer fits an edit component that stores numbers.
declare const sizeAsString: Omit< typeof metadata, 'attributes' > & {
	readonly attributes: Omit< ( typeof metadata )[ 'attributes' ], 'size' > & {
		readonly size: { readonly type: 'string'; readonly default: '3' };
	};
};
// @ts-expect-error -- the edit component's attributes differ from block.json's
registerBlock( sizeAsString, { edit: DemoEdit } );

// A default that is not a value of its attribute's type is refused, whatever the edit component.
declare const wrongDefault: Omit< typeof metadata, 'attributes' > & {
	readonly attributes: Omit< ( typeof metadata )[ 'attributes' ], 'size' > & {
		readonly size: { readonly type: 'integer'; readonly default: '3' };
	};
};
// @ts-expect-error -- "default": "3" on an integer attribute
registerBlock( wrongDefault, { edit: DemoEdit } );

// An enum member of another type than the attribute's is refused.
declare const wrongEnum: Omit< typeof metadata, 'attributes' > & {
	readonly attributes: Omit< ( typeof metadata )[ 'attributes' ], 'mode' > & {
		readonly mode: {
			readonly type: 'string';
			readonly enum: readonly [ 'a', 2 ];
			readonly default: 'a';
		};
	};
};
// @ts-expect-error -- the number 2 in a string enum
registerBlock( wrongEnum, { edit: DemoEdit } );

// A block.json without a generated declaration gets block.json.d.ts's fallback type, which is refused.
declare const ungenerated: typeof ungeneratedMetadata;
// @ts-expect-error -- run bin/gen-block-types first
registerBlock( ungenerated, { edit: DemoEdit } );
