/**
 * How `import metadata from './block.json'` gets its type.
 *
 * With `resolveJsonModule` off, TypeScript resolves a `block.json` import to the `block.d.json.ts`
 * beside it (`allowArbitraryExtensions`). `bin/gen-block-types` writes that file from `block.json`,
 * with every value as a literal type, so `AttributesOf< typeof metadata >` (blocks/shared/types)
 * derives each block's attribute types from `block.json` itself and `registerBlock()` checks every
 * `default` and `enum` against its `type`. `block.json` stays the only place attributes are written.
 *
 * This declaration only answers a `block.json` that has no generated declaration yet: its type says
 * what to run, and `registerBlock()` refuses it, so a new block cannot compile with untyped attributes.
 */
declare module '*/block.json' {
	const metadata: {
		readonly 'Run bin/gen-block-types: this block.json has no block.d.json.ts yet': never;
	};
	export default metadata;
}
