/**
 * Reads the wrk outputs bench/gateway wrote (`<scenario>.<variant>.<round>.txt`), takes the median of the
 * rounds, and prints one table with the target ratios; the same Markdown goes to --out.
 *
 * Usage: tsx bench/report.ts --results DIR --out FILE [--meta LINE]... [--note LINE]...
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One wrk run. */
export interface Run {
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	requests: number;
	non2xx: number;
	socketErrors: number;
}

/** The median of the rounds of one scenario and variant. */
export interface Summary extends Run {
	rounds: number;
}

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
 * Milliseconds in a wrk duration such as `812.00us`, `44.10ms` or `1.02s`.
 *
 * @param value wrk's text.
 */
export function toMilliseconds( value: string ): number {
	const match = /^([\d.]+)(us|ms|s|m)$/.exec( value.trim() );
	if ( ! match ) {
		return Number.NaN;
	}
	const amount = Number( match[ 1 ] );
	const unit = match[ 2 ];
	const factors: Record< string, number > = {
		us: 0.001,
		ms: 1,
		s: 1000,
		m: 60000,
	};
	return amount * ( factors[ unit ] ?? Number.NaN );
}

/**
 * Parses `wrk --latency` output.
 *
 * @param text wrk's standard output.
 */
export function parseWrk( text: string ): Run | null {
	const rps = /^Requests\/sec:\s+([\d.]+)/m.exec( text );
	const p50 = /^\s+50%\s+(\S+)/m.exec( text );
	const p99 = /^\s+99%\s+(\S+)/m.exec( text );
	const requests = /^\s+(\d+) requests in/m.exec( text );
	if ( ! rps || ! p50 || ! p99 || ! requests ) {
		return null;
	}
	const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec( text );
	const socket =
		/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
			text
		);
	return {
		requestsPerSecond: Number( rps[ 1 ] ),
		p50Ms: toMilliseconds( p50[ 1 ] ),
		p99Ms: toMilliseconds( p99[ 1 ] ),
		requests: Number( requests[ 1 ] ),
		non2xx: non2xx ? Number( non2xx[ 1 ] ) : 0,
		socketErrors: socket
			? socket
					.slice( 1 )
					.map( Number )
					.reduce( ( sum, count ) => sum + count, 0 )
			: 0,
	};
}

function median( values: number[] ): number {
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const middle = Math.floor( sorted.length / 2 );
	return sorted.length % 2
		? sorted[ middle ]
		: ( sorted[ middle - 1 ] + sorted[ middle ] ) / 2;
}

/**
 * The median of each scenario and variant found in a folder of wrk outputs.
 *
 * @param dir Folder.
 */
export function summarize( dir: string ): Map< string, Summary > {
	const runs = new Map< string, Run[] >();
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
		summaries.set( key, {
			rounds: list.length,
			requestsPerSecond: median(
				list.map( ( run ) => run.requestsPerSecond )
			),
			p50Ms: median( list.map( ( run ) => run.p50Ms ) ),
			p99Ms: median( list.map( ( run ) => run.p99Ms ) ),
			requests: list.reduce( ( sum, run ) => sum + run.requests, 0 ),
			non2xx: list.reduce( ( sum, run ) => sum + run.non2xx, 0 ),
			socketErrors: list.reduce(
				( sum, run ) => sum + run.socketErrors,
				0
			),
		} );
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
