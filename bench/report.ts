/**
 * Reads the wrk outputs bench/gateway wrote (`<scenario>.<variant>.<round>.txt`), takes the median of the
 * rounds, and prints one table with the target ratios; the same Markdown goes to --out.
 *
 * Usage: tsx bench/report.ts --results DIR --out FILE [--meta LINE]... [--note LINE]...
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { foldRounds, parseWrk, type WrkRounds, type WrkRun } from './lib-wrk';

/** The median of the rounds of one scenario and variant. */
export type Summary = WrkRounds;

const SCENARIOS = [
	{ id: 'constant', label: '(a) constant REST route (ceiling)' },
	{
		id: 'hit',
		label: '(b) gateway, cache hit (answered early, on plugins_loaded)',
	},
	{
		id: 'hit-full',
		label: "(b') gateway, cache hit through all of WordPress (early answer off)",
	},
	{ id: 'miss', label: '(c) gateway, miss to the local service' },
	{
		id: 'direct',
		label: '(d) the service called directly (same run in both columns)',
	},
	{ id: 'fast-path', label: '(e) gateway hit, fast path (needs Redis)' },
] as const;

type ScenarioId = ( typeof SCENARIOS )[ number ][ 'id' ];

/**
 * The median of each scenario and variant found in a folder of wrk outputs.
 *
 * @param dir Folder.
 */
export function summarize( dir: string ): Map< string, Summary > {
	const runs = new Map< string, WrkRun[] >();
	for ( const file of readdirSync( dir ) ) {
		const match = /^([a-z-]+)\.([a-z]+)\.(\d+)\.txt$/.exec( file );
		if ( ! match ) {
			continue;
		}
		const run = parseWrk( readFileSync( join( dir, file ), 'utf8' ) );
		if ( ! run ) {
			continue;
		}
		const key = `${ match[ 1 ] }.${ match[ 2 ] }`;
		runs.set( key, [ ...( runs.get( key ) ?? [] ), run ] );
	}

	const summaries = new Map< string, Summary >();
	for ( const [ key, list ] of runs ) {
		summaries.set( key, foldRounds( list ) );
	}
	return summaries;
}

function formatMs( value: number ): string {
	return value >= 100 ? value.toFixed( 0 ) : value.toFixed( 1 );
}

function cells( summary: Summary | undefined ): string[] {
	if ( ! summary ) {
		return [ '—', '—', '—' ];
	}
	return [
		summary.requestsPerSecond.toFixed( 0 ),
		`${ formatMs( summary.p50Ms ) } ms`,
		`${ formatMs( summary.p99Ms ) } ms`,
	];
}

function row( values: string[] ): string {
	return `| ${ values.join( ' | ' ) } |`;
}

interface Ratio {
	label: string;
	target: string;
	value: ( variant: 'off' | 'on' ) => number | null;
	pass: ( value: number ) => boolean;
}

/**
 * The report in Markdown.
 *
 * @param summaries Medians by `scenario.variant`.
 * @param meta      Lines describing the set-up.
 * @param notes     Lines about skipped rows or anything odd.
 */
export function render(
	summaries: Map< string, Summary >,
	meta: string[],
	notes: string[]
): string {
	const get = ( scenario: ScenarioId, variant: 'off' | 'on' ) =>
		summaries.get(
			`${ scenario }.${ scenario === 'direct' ? 'service' : variant }`
		);

	const lines = [
		'# Gateway benchmark',
		'',
		...meta.map( ( line ) => `- ${ line }` ),
		'',
		row( [
			'scenario',
			'Redis off req/s',
			'p50',
			'p99',
			'Redis on req/s',
			'p50',
			'p99',
		] ),
		row( [ '---', '---:', '---:', '---:', '---:', '---:', '---:' ] ),
	];
	for ( const scenario of SCENARIOS ) {
		lines.push(
			row( [
				scenario.label,
				...cells( get( scenario.id, 'off' ) ),
				...cells( get( scenario.id, 'on' ) ),
			] )
		);
	}

	const ratios: Ratio[] = [
		{
			label: 'hit / constant (req/s)',
			target: '≥ 1.0',
			value: ( variant ) => {
				const hit = get( 'hit', variant );
				const constant = get( 'constant', variant );
				return hit && constant
					? hit.requestsPerSecond / constant.requestsPerSecond
					: null;
			},
			pass: ( value ) => value >= 1.0,
		},
		{
			label: "hit through all of WordPress (b') / constant (req/s)",
			target: '≥ 1.0',
			value: ( variant ) => {
				const hit = get( 'hit-full', variant );
				const constant = get( 'constant', variant );
				return hit && constant
					? hit.requestsPerSecond / constant.requestsPerSecond
					: null;
			},
			pass: ( value ) => value >= 1.0,
		},
		{
			label: 'fast path / constant (req/s)',
			target: '≥ 2.0',
			value: ( variant ) => {
				const fast = get( 'fast-path', variant );
				const constant = get( 'constant', variant );
				return fast && constant
					? fast.requestsPerSecond / constant.requestsPerSecond
					: null;
			},
			pass: ( value ) => value >= 2.0,
		},
		{
			label: 'miss overhead: (miss p50 − direct p50) / constant p50',
			target: '≤ 1.0',
			value: ( variant ) => {
				const miss = get( 'miss', variant );
				const direct = get( 'direct', variant );
				const constant = get( 'constant', variant );
				return miss && direct && constant
					? ( miss.p50Ms - direct.p50Ms ) / constant.p50Ms
					: null;
			},
			pass: ( value ) => value <= 1.0,
		},
	];
	const verdict = ( ratio: Ratio, variant: 'off' | 'on' ) => {
		const value = ratio.value( variant );
		if ( value === null || ! Number.isFinite( value ) ) {
			return 'not measured';
		}
		return `${ value.toFixed( 2 ) } ${ ratio.pass( value ) ? 'PASS' : 'MISS' }`;
	};
	lines.push(
		'',
		row( [ 'ratio', 'target', 'Redis off', 'Redis on' ] ),
		row( [ '---', '---', '---', '---' ] ),
		...ratios.map( ( ratio ) =>
			row( [
				ratio.label,
				ratio.target,
				verdict( ratio, 'off' ),
				verdict( ratio, 'on' ),
			] )
		)
	);

	const problems: string[] = [];
	for ( const [ key, summary ] of summaries ) {
		if ( summary.non2xx > 0 || summary.socketErrors > 0 ) {
			problems.push(
				`${ key }: ${ summary.non2xx } non-2xx answers and ${ summary.socketErrors } socket errors in ${ summary.requests } requests (its numbers are not a fair measurement)`
			);
		}
	}
	const allNotes = [ ...notes, ...problems ];
	if ( allNotes.length > 0 ) {
		lines.push( '', ...allNotes.map( ( note ) => `- ${ note }` ) );
	}
	return lines.join( '\n' ) + '\n';
}

function main( argv: string[] ): void {
	let results = '';
	let out = '';
	const meta: string[] = [];
	const notes: string[] = [];
	for ( let index = 0; index < argv.length; index += 2 ) {
		const value = argv[ index + 1 ] ?? '';
		switch ( argv[ index ] ) {
			case '--results':
				results = value;
				break;
			case '--out':
				out = value;
				break;
			case '--meta':
				meta.push( value );
				break;
			case '--note':
				notes.push( value );
				break;
			default:
				throw new Error( `unknown option ${ argv[ index ] }` );
		}
	}
	if ( ! results ) {
		throw new Error(
			'usage: report.ts --results DIR [--out FILE] [--meta LINE] [--note LINE]'
		);
	}

	const markdown = render( summarize( results ), meta, notes );
	process.stdout.write( markdown );
	if ( out ) {
		mkdirSync( dirname( out ), { recursive: true } );
		writeFileSync( out, markdown );
	}
}

main( process.argv.slice( 2 ) );
