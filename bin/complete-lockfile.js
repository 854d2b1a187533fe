#!/usr/bin/env node
/**
 * Puts back into package-lock.json the platform-specific optional packages that the npm registry
 * reachable from the build machines does not serve.
 *
 * Why: native tools ship one optional package per platform (unrs-resolver, used by Jest and the ESLint
 * import resolver, has 21: `@unrs/resolver-binding-darwin-arm64`, `-win32-x64-msvc`, ...). The registry
 * copy these machines reach holds only the Linux ones, so `npm install` here writes a lock without the
 * rest, and `npm ci` then refuses that lock as out of sync with package.json. A lock written against the
 * full registry lists every platform with its `os`/`cpu`/`libc`; npm skips the ones that do not match the
 * machine without downloading them. This script adds exactly those entries (name, version and the
 * platform fields read from the package's own name), so the same lock works here and on any laptop.
 *
 * Run it after `npm install` changes the lock: `node bin/complete-lockfile.js` (`--check` only reports,
 * exiting 1 when entries are missing; `npm test` runs that check).
 */
'use strict';

const fs = require( 'node:fs' );
const path = require( 'node:path' );

const lockPath = path.join( __dirname, '..', 'package-lock.json' );
const check = process.argv.includes( '--check' );

const OS = [
	'android',
	'darwin',
	'freebsd',
	'linux',
	'openharmony',
	'win32',
	'sunos',
	'netbsd',
];
const CPU = [
	'arm',
	'arm64',
	'ia32',
	'loong64',
	'ppc64',
	's390x',
	'riscv64',
	'x64',
	'wasm32',
];

/**
 * The platform a napi-rs style package name is built for, e.g. `...-linux-arm-musleabihf`.
 *
 * @param {string} name Package name.
 * @return {{os: string[], cpu: string[], libc?: string[]}|null} Its npm platform fields, or null.
 */
function platformOf( name ) {
	const match = new RegExp(
		`-(${ OS.join( '|' ) })-(${ CPU.join( '|' ) })(?:-([a-z0-9]+))?$`
	).exec( name );
	if ( ! match ) {
		return null;
	}
	const fields = { os: [ match[ 1 ] ], cpu: [ match[ 2 ] ] };
	const abi = match[ 3 ] ?? '';
	if ( abi.startsWith( 'gnu' ) ) {
		fields.libc = [ 'glibc' ];
	} else if ( abi.startsWith( 'musl' ) ) {
		fields.libc = [ 'musl' ];
	}
	return fields;
}

const lock = JSON.parse( fs.readFileSync( lockPath, 'utf8' ) );
const packages = lock.packages;
const added = [];

for ( const [ location, entry ] of Object.entries( packages ) ) {
	const optional = entry.optionalDependencies ?? {};
	const base = location === '' ? '' : `${ location }/`;
	for ( const [ name, version ] of Object.entries( optional ) ) {
		const platform = platformOf( name );
		const nested = `${ base }node_modules/${ name }`;
		const hoisted = `node_modules/${ name }`;
		if (
			! platform ||
			! /^\d+\.\d+\.\d+$/.test( version ) ||
			packages[ nested ] ||
			packages[ hoisted ]
		) {
			continue;
		}
		packages[ hoisted ] = {
			version,
			...( entry.dev ? { dev: true } : {} ),
			optional: true,
			...platform,
		};
		added.push( `${ name }@${ version }` );
	}
}

if ( check ) {
	if ( added.length ) {
		console.error(
			`package-lock.json lacks ${ added.length } platform packages (${ added.join(
				', '
			) }); run: node bin/complete-lockfile.js`
		);
		process.exit( 1 );
	}
	process.exit( 0 );
}

if ( added.length ) {
	lock.packages = Object.fromEntries(
		Object.entries( packages ).sort( ( [ a ], [ b ] ) =>
			a === '' ? -1 : a.localeCompare( b, 'en' )
		)
	);
	fs.writeFileSync( lockPath, JSON.stringify( lock, null, '\t' ) + '\n' );
}
console.log( `complete-lockfile: added ${ added.length } platform packages` );
