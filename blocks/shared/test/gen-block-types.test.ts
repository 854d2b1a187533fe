/**
 * External dependencies
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const projectRoot = path.resolve( __dirname, '../../..' );
const generator = path.join( projectRoot, 'bin/gen-block-types' );
const workspaces: string[] = [];

/**
 * Runs bin/gen-block-types.
 *
 * @param root Project whose blocks/ it works on.
 * @param args Arguments.
 * @return Exit status and output.
 */
function run( root: string, args: string[] = [] ) {
	const result = spawnSync( process.execPath, [ generator, ...args ], {
		env: { ...process.env, GEN_BLOCK_TYPES_ROOT: root },
		encoding: 'utf8',
	} );
	return {
		status: result.status,
		output: `${ result.stdout }${ result.stderr }`,
	};
}

/**
 * A throwaway project with one block.
 *
 * @param blockJson The block's metadata.
 * @return Its root folder.
 */
function projectWith( blockJson: object ): string {
	const root = fs.mkdtempSync( path.join( os.tmpdir(), 'gen-block-types-' ) );
	workspaces.push( root );
	fs.mkdirSync( path.join( root, 'blocks/demo' ), { recursive: true } );
	fs.writeFileSync(
		path.join( root, 'blocks/demo/block.json' ),
		JSON.stringify( blockJson )
	);
	return root;
}

afterEach( () => {
	for ( const root of workspaces.splice( 0 ) ) {
		fs.rmSync( root, { recursive: true, force: true } );
	}
} );

describe( 'bin/gen-block-types', () => {
	it( 'finds every block.json of this project declared and up to date', () => {
		const { status, output } = run( projectRoot, [ '--check' ] );

		expect( output ).toBe( '' );
		expect( status ).toBe( 0 );
	} );

	it( 'declares block.json with every value as a literal type', () => {
		const root = projectWith( {
			apiVersion: 3,
			name: 'demo/block',
			attributes: {
				size: { type: 'integer', default: 3 },
				mode: { type: 'string', enum: [ 'a', 'b' ], default: 'a' },
			},
			supports: { html: false },
		} );

		expect( run( root ).status ).toBe( 0 );
		// Line breaks follow Prettier; compare with whitespace collapsed.
		const declaration = fs
			.readFileSync(
				path.join( root, 'blocks/demo/block.d.json.ts' ),
				'utf8'
			)
			.replace( /\s+/g, ' ' );

		expect( declaration ).toContain( 'declare const metadata: {' );
		expect( declaration ).toContain( "readonly name: 'demo/block';" );
		expect( declaration ).toContain(
			"readonly size: { readonly type: 'integer'; readonly default: 3 }"
		);
		expect( declaration ).toContain(
			"readonly mode: { readonly type: 'string'; readonly enum: readonly [ 'a', 'b' ]; readonly default: 'a'; }"
		);
		expect( declaration ).toContain(
			'readonly supports: { readonly html: false }'
		);
		expect( declaration ).toContain( 'export default metadata;' );
	} );

	it( 'reports a stale declaration in check mode without writing', () => {
		const root = projectWith( { apiVersion: 3, name: 'demo/block' } );

		const missing = run( root, [ '--check' ] );
		expect( missing.status ).toBe( 1 );
		expect( missing.output ).toContain( 'blocks/demo/block.d.json.ts' );
		expect(
			fs.existsSync( path.join( root, 'blocks/demo/block.d.json.ts' ) )
		).toBe( false );

		run( root );
		expect( run( root, [ '--check' ] ).status ).toBe( 0 );

		fs.writeFileSync(
			path.join( root, 'blocks/demo/block.json' ),
			JSON.stringify( { apiVersion: 3, name: 'demo/renamed' } )
		);
		expect( run( root, [ '--check' ] ).status ).toBe( 1 );
	} );

	it( 'removes the declaration of a block that is gone', () => {
		const root = projectWith( { apiVersion: 3, name: 'demo/block' } );
		run( root );

		fs.rmSync( path.join( root, 'blocks/demo/block.json' ) );

		expect( run( root ).output ).toContain( 'blocks/demo/block.d.json.ts' );
		expect(
			fs.existsSync( path.join( root, 'blocks/demo/block.d.json.ts' ) )
		).toBe( false );
	} );
} );
