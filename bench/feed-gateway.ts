/**
 * The feed's gateway routes under load, side by side with the ceiling, with wrk in alternating rounds (as
 * bench/gateway measures the search route), on the site bench/feed set up (nginx + php-fpm with opcache, the
 * real feed service behind the gateway, a catalogue and visitor profiles from bench/feed-site.php):
 *
 *   constant  GET  /wp-json/switchboard-bench/v1/constant              WordPress boots and answers a constant
 *   cached    GET  /wp-json/switchboard/v1/feed?per_page=6              the public feed, from the gateway's cache
 *   personal  POST /wp-json/switchboard/v1/feed/personal                a visitor's feed (private: every request
 *                                                                       reaches the service), rotating visitors
 *   direct    POST <service>/v1/feed/personal                           the same bodies to the service itself, with
 *                                                                       a token the site minted (bench/feed-token.php)
 *
 * The POST bodies and visitor ids come from bench/feed-personal.lua, which also counts the answers' modes.
 * Targets are the gateway's own (README, "Benchmarks"): a cache hit ≥ 1.0 × the constant route's req/s, and
 * a request that reaches the service costs at most one constant route more than the service itself at p50.
 * Writes artifacts/bench/feed-gateway.md and .json. Exits 1 when no feed route could be measured.
 *
 * Usage: tsx bench/feed-gateway.ts --site URL --service URL --site-name NAME [--rounds 3] [--duration 8]
 *        [--threads 2] [--connections 8] [--visitors 200] [--per-page 6] [--site-json FILE (feed-site.php's
 *        answer, described in the notes)] [--out artifacts/bench/feed-gateway]
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';

import { option, show, table, verdict, writeReport } from './search-stats';
import { runScript } from './lib-run';
import { foldRounds, parseWrk, type WrkRounds, type WrkRun } from './lib-wrk';

const ROOT = resolve( __dirname, '..' );
/** A token lives at most 60 s (JwtSigner::MAX_TTL); a direct run must end well within it. */
const MAX_DIRECT_SECONDS = 45;

/** What feed-personal.lua counted in one run. */
export interface Modes {
	personalized: number;
	holdout: number;
	cold: number;
	fallback: number;
	other: number;
	failed: number;
}

/** The median of a scenario's rounds, with the run totals. */
export interface ScenarioSummary extends WrkRounds {
	modes: Modes | null;
}

export type ScenarioId = 'constant' | 'cached' | 'personal' | 'direct';

export const SCENARIOS: readonly { id: ScenarioId; label: string }[] = [
	{ id: 'constant', label: 'constant REST route (ceiling)' },
	{
		id: 'cached',
		label: 'GET /switchboard/v1/feed?per_page=6 (public, gateway cache hit)',
	},
	{
		id: 'personal',
		label: 'POST /switchboard/v1/feed/personal (private, reaches the service)',
	},
	{
		id: 'direct',
		label: 'POST /v1/feed/personal on the service directly',
	},
];

/**
 * The mode counts feed-personal.lua prints at the end of a run, or null when the line is missing.
 *
 * @param text wrk's standard output.
 */
export function parseModes( text: string ): Modes | null {
	const match =
		/^Feed modes: personalized (\d+), holdout (\d+), cold (\d+), fallback (\d+), other (\d+), non-200 (\d+)$/m.exec(
			text
		);
	if ( ! match ) {
		return null;
	}
	const [ personalized, holdout, cold, fallback, other, failed ] = match
		.slice( 1 )
		.map( Number );
	return { personalized, holdout, cold, fallback, other, failed };
}

/**
 * One scenario's rounds in one line of figures: medians of the rates and latencies, totals of the counts.
 *
 * @param runs  The rounds' wrk figures.
 * @param modes The rounds' mode counts (personal and direct runs).
 */
export function summarize(
	runs: readonly WrkRun[],
	modes: readonly Modes[]
): ScenarioSummary | null {
	if ( runs.length === 0 ) {
		return null;
	}
	return {
		...foldRounds( runs ),
		modes:
			modes.length === 0
				? null
				: modes.reduce(
						( total, m ) => ( {
							personalized: total.personalized + m.personalized,
							holdout: total.holdout + m.holdout,
							cold: total.cold + m.cold,
							fallback: total.fallback + m.fallback,
							other: total.other + m.other,
							failed: total.failed + m.failed,
						} ),
						{
							personalized: 0,
							holdout: 0,
							cold: 0,
							fallback: 0,
							other: 0,
							failed: 0,
						}
					),
	};
}

/** The figures the targets are judged on; null where a scenario did not run. */
export interface Ratios {
	cachedRps: number | null;
	personalRps: number | null;
	cachedP50: number | null;
	personalP50: number | null;
	personalOverhead: number | null;
}

/**
 * The ratios to the constant route: req/s and p50 of each feed route, and the personal route's overhead
 * over the service called directly, in constant-route p50s ((personal p50 − direct p50) / constant p50).
 *
 * @param summaries Each scenario's summary.
 */
export function ratios(
	summaries: Partial< Record< ScenarioId, ScenarioSummary | null > >
): Ratios {
	const { constant, cached, personal, direct } = summaries;
	const divide = ( a: number | undefined, b: number | undefined ) =>
		a === undefined || b === undefined || b === 0 ? null : a / b;
	return {
		cachedRps: divide(
			cached?.requestsPerSecond,
			constant?.requestsPerSecond
		),
		personalRps: divide(
			personal?.requestsPerSecond,
			constant?.requestsPerSecond
		),
		cachedP50: divide( cached?.p50Ms, constant?.p50Ms ),
		personalP50: divide( personal?.p50Ms, constant?.p50Ms ),
		personalOverhead:
			personal && direct && constant
				? divide( personal.p50Ms - direct.p50Ms, constant.p50Ms )
				: null,
	};
}

/**
 * A mode count for a note: `12,000 personalized, 1,300 holdout, ...` (zero counts left out).
 *
 * @param modes Counts.
 */
export function describeModes( modes: Modes ): string {
	const parts = (
		[
			'personalized',
			'holdout',
			'cold',
			'fallback',
			'other',
			'failed',
		] as const
	 )
		.filter( ( name ) => modes[ name ] > 0 )
		.map(
			( name ) =>
				`${ show( modes[ name ] ) } ${ name === 'failed' ? 'non-200' : name }`
		);
	return parts.join( ', ' ) || 'no answers';
}

/**
 * The report in Markdown.
 *
 * @param summaries Each scenario's summary.
 * @param meta      Lines describing the set-up.
 * @param notes     Lines about skipped rows or anything odd.
 */
export function render(
	summaries: Partial< Record< ScenarioId, ScenarioSummary | null > >,
	meta: readonly string[],
	notes: readonly string[]
): string {
	const r = ratios( summaries );
	const constant = summaries.constant ?? null;
	const ratio = ( value: number | null ) =>
		value === null ? '—' : `${ value.toFixed( 2 ) }×`;
	const rows = SCENARIOS.map( ( { id, label } ) => {
		const s = summaries[ id ];
		if ( ! s ) {
			return [ label, 'not measured', '—', '—', '—', '—' ];
		}
		return [
			label,
			show( Math.round( s.requestsPerSecond ) ),
			`${ show( s.p50Ms ) } ms`,
			`${ show( s.p99Ms ) } ms`,
			id === 'constant' || id === 'direct' || ! constant
				? '—'
				: ratio( s.requestsPerSecond / constant.requestsPerSecond ),
			id === 'constant' || ! constant
				? '—'
				: ratio( s.p50Ms / constant.p50Ms ),
		];
	} );
	const problems: string[] = [];
	for ( const { id } of SCENARIOS ) {
		const s = summaries[ id ];
		if ( s && ( s.non2xx > 0 || s.socketErrors > 0 ) ) {
			problems.push(
				`${ id }: ${ show( s.non2xx ) } non-2xx answers and ${ show( s.socketErrors ) } socket errors in ${ show( s.requests ) } requests (its figures are not a fair measurement)`
			);
		}
		if ( s?.modes ) {
			problems.push(
				`${ id } answers by mode: ${ describeModes( s.modes ) }`
			);
		}
	}
	const allNotes = [ ...notes, ...problems ];
	return [
		'## Feed: the gateway routes against the constant REST route',
		'',
		...meta.map( ( line ) => `- ${ line }` ),
		'',
		table(
			[
				'scenario',
				'req/s',
				'p50',
				'p99',
				'req/s ÷ constant',
				'p50 ÷ constant',
			],
			rows
		),
		'',
		table(
			[ 'target', 'measured', 'result' ],
			[
				[
					'public feed, cache hit: req/s ≥ 1.0 × the constant route',
					ratio( r.cachedRps ),
					verdict( r.cachedRps === null ? null : r.cachedRps >= 1 ),
				],
				[
					'personal feed: (p50 − the service’s own p50) ≤ 1.0 × the constant route’s p50',
					r.personalOverhead === null
						? '—'
						: r.personalOverhead.toFixed( 2 ),
					verdict(
						r.personalOverhead === null
							? null
							: r.personalOverhead <= 1
					),
				],
			]
		),
		...( allNotes.length
			? [ '', ...allNotes.map( ( note ) => `- ${ note }` ) ]
			: [] ),
	].join( '\n' );
}

/**
 * What bench/feed-site.php set up, for the report: the catalogue, the visitors' histories, the first
 * visitor's feed straight from the service.
 *
 * @param json bench/feed-site.php's answer.
 */
export function describeSetUp( json: string ): string {
	const site = JSON.parse( json ) as {
		indexed?: number;
		via?: string;
		catalogue?: number | null;
		visitors?: number;
		signals?: number;
		error?: string | null;
		probe?: { mode?: string | null; items?: number | null; error?: string };
	};
	const first = site.probe ?? null;
	return [
		`set-up: ${ show( site.indexed ?? 0 ) } posts sent to the service (${ site.via === 'events' ? 'as signed post.published events' : 'POST /v1/index/documents' }), its manifest counts ${ show( site.catalogue ?? null ) }`,
		`${ show( site.visitors ?? 0 ) } visitors given ${ show( site.signals ?? 0 ) } view signals${ site.error ? ` (stopped: ${ site.error })` : '' }`,
		first === null
			? 'no probe of the service'
			: `the first visitor's feed from the service: ${ first.error ? `error ${ first.error }` : `mode ${ first.mode ?? 'absent' }, ${ show( first.items ?? null ) } items` }`,
	].join( '; ' );
}

/** What a probe request got back. */
interface Probe {
	status: number;
	cache: string | null;
	fallback: string | null;
	mode: string | null;
	timing: string | null;
}

/**
 * One request, to check a route before loading it.
 *
 * @param url  URL.
 * @param init Method, headers, body.
 */
async function probe( url: string, init?: RequestInit ): Promise< Probe > {
	try {
		const response = await fetch( url, {
			...init,
			signal: AbortSignal.timeout( 15000 ),
		} );
		const text = await response.text();
		return {
			status: response.status,
			cache: response.headers.get( 'x-switchboard-cache' ),
			fallback: response.headers.get( 'x-switchboard-fallback' ),
			timing: response.headers.get( 'server-timing' ),
			mode: /"mode"\s*:\s*"(\w+)"/.exec( text )?.[ 1 ] ?? null,
		};
	} catch {
		return {
			status: 0,
			cache: null,
			fallback: null,
			mode: null,
			timing: null,
		};
	}
}

/** The settings of a run. */
interface Settings {
	site: string;
	service: string;
	siteName: string;
	rounds: number;
	duration: number;
	threads: number;
	connections: number;
	visitors: number;
	perPage: number;
}

/**
 * Runs wrk once and returns its standard output.
 *
 * @param settings  Run settings.
 * @param url       URL.
 * @param lua       Whether to use feed-personal.lua (POST bodies), and its token for the service.
 * @param lua.token Bearer token for the direct runs.
 */
function wrk(
	settings: Settings,
	url: string,
	lua: { token?: string } | null
): Promise< string > {
	const args = [
		`-t${ settings.threads }`,
		`-c${ settings.connections }`,
		`-d${ settings.duration }s`,
		'--timeout',
		'10s',
		'--latency',
		...( lua ? [ '-s', resolve( ROOT, 'bench/feed-personal.lua' ) ] : [] ),
		url,
		...( lua
			? [ '--', String( settings.visitors ), String( settings.perPage ) ]
			: [] ),
	];
	return new Promise( ( done, fail ) => {
		const child = spawn( 'wrk', args, {
			env: { ...process.env, FEED_BENCH_TOKEN: lua?.token ?? '' },
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
		let out = '';
		child.stdout.on( 'data', ( chunk: Buffer ) => ( out += chunk ) );
		child.stderr.on( 'data', ( chunk: Buffer ) => ( out += chunk ) );
		child.on( 'error', fail );
		child.on( 'close', () => done( out ) );
	} );
}

/**
 * A fresh token for the service (bench/feed-token.php on the bench site).
 *
 * @param siteName bin/wp-server site name.
 */
function mintToken( siteName: string ): string {
	return execFileSync(
		resolve( ROOT, 'bin/wp-server' ),
		[ 'php', '--name', siteName, resolve( ROOT, 'bench/feed-token.php' ) ],
		{ encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'inherit' ] }
	).trim();
}

function integer( argv: string[], name: string, fallback: number ): number {
	const value = Number( option( argv, name, String( fallback ) ) );
	if ( ! Number.isInteger( value ) || value < 1 ) {
		throw new Error( `--${ name } is a positive integer` );
	}
	return value;
}

async function main(): Promise< void > {
	const argv = process.argv.slice( 2 );
	const settings: Settings = {
		site: option( argv, 'site', '' ).replace( /\/$/, '' ),
		service: option( argv, 'service', '' ).replace( /\/$/, '' ),
		siteName: option( argv, 'site-name', '' ),
		rounds: integer( argv, 'rounds', 3 ),
		duration: integer( argv, 'duration', 8 ),
		threads: integer( argv, 'threads', 2 ),
		connections: integer( argv, 'connections', 8 ),
		visitors: integer( argv, 'visitors', 200 ),
		perPage: integer( argv, 'per-page', 6 ),
	};
	if (
		! /^https?:\/\//.test( settings.site ) ||
		! /^https?:\/\//.test( settings.service ) ||
		settings.siteName === ''
	) {
		throw new Error(
			'usage: tsx bench/feed-gateway.ts --site URL --service URL --site-name NAME [--rounds N] [--duration S] ...'
		);
	}
	const out = resolve(
		ROOT,
		option( argv, 'out', 'artifacts/bench/feed-gateway' )
	);
	const urls: Record< ScenarioId, string > = {
		constant: `${ settings.site }/wp-json/switchboard-bench/v1/constant`,
		cached: `${ settings.site }/wp-json/switchboard/v1/feed?per_page=${ settings.perPage }`,
		personal: `${ settings.site }/wp-json/switchboard/v1/feed/personal`,
		direct: `${ settings.service }/v1/feed/personal`,
	};
	const body = JSON.stringify( {
		visitor: 'benchvisitor0000000000',
		slots: [ { count: settings.perPage } ],
	} );
	const json = { 'Content-Type': 'application/json' };

	// Which scenarios can run: a route that does not answer 200 is left out (and said so), not measured.
	const notes: string[] = [];
	const siteJson = option( argv, 'site-json', '' );
	if ( siteJson !== '' ) {
		notes.push( describeSetUp( readFileSync( siteJson, 'utf8' ) ) );
	}
	const active = new Set< ScenarioId >();
	const constantProbe = await probe( urls.constant );
	if ( constantProbe.status === 200 ) {
		active.add( 'constant' );
	} else {
		notes.push(
			`constant route skipped: HTTP ${ constantProbe.status } (is bench/switchboard-bench.php in the site's mu-plugins?)`
		);
	}
	await probe( urls.cached );
	const cachedProbe = await probe( urls.cached );
	if ( cachedProbe.status === 200 ) {
		active.add( 'cached' );
		notes.push(
			`public feed, second request before the runs: X-Switchboard-Cache ${ cachedProbe.cache ?? 'absent' }, Server-Timing ${ cachedProbe.timing ?? 'absent' }${ cachedProbe.fallback ? `, X-Switchboard-Fallback ${ cachedProbe.fallback } (the service was not reached: WordPress's fallback was cached)` : '' }`
		);
	} else {
		notes.push(
			`public feed skipped: GET ${ urls.cached.replace( settings.site, '' ) } answered HTTP ${ cachedProbe.status }`
		);
	}
	const personalProbe = await probe( urls.personal, {
		method: 'POST',
		headers: json,
		body,
	} );
	if ( personalProbe.status === 200 ) {
		active.add( 'personal' );
		notes.push(
			`personal feed before the runs: HTTP 200, mode ${ personalProbe.mode ?? 'absent' } for a seeded visitor, Server-Timing ${ personalProbe.timing ?? 'absent' }${ personalProbe.fallback ? `, X-Switchboard-Fallback ${ personalProbe.fallback }` : '' }`
		);
	} else {
		notes.push(
			`personal feed skipped: POST ${ urls.personal.replace( settings.site, '' ) } answered HTTP ${ personalProbe.status }`
		);
	}
	let directToken = '';
	if ( settings.duration > MAX_DIRECT_SECONDS ) {
		notes.push(
			`direct runs skipped: a run of ${ settings.duration } s outlives the site's longest token (60 s)`
		);
	} else {
		try {
			directToken = mintToken( settings.siteName );
		} catch ( error ) {
			notes.push(
				`direct runs skipped: bench/feed-token.php failed (${ error instanceof Error ? error.message.split( '\n' )[ 0 ] : String( error ) })`
			);
		}
	}
	if ( directToken !== '' ) {
		const directProbe = await probe( urls.direct, {
			method: 'POST',
			headers: { ...json, Authorization: `Bearer ${ directToken }` },
			body,
		} );
		if ( directProbe.status === 200 ) {
			active.add( 'direct' );
		} else {
			notes.push(
				`direct runs skipped: the service answered HTTP ${ directProbe.status }`
			);
		}
	}

	const load = () =>
		loadavg()
			.map( ( n ) => n.toFixed( 2 ) )
			.join( ' ' );
	const loadBefore = load();
	const order = SCENARIOS.map( ( s ) => s.id ).filter( ( id ) =>
		active.has( id )
	);
	const runs = new Map< ScenarioId, WrkRun[] >();
	const modes = new Map< ScenarioId, Modes[] >();
	const raw: Record< string, string > = {};
	process.stderr.write(
		`feed-gateway: ${ settings.rounds } rounds × ${ order.length } scenarios × ${ settings.duration } s (wrk -t${ settings.threads } -c${ settings.connections })\n`
	);
	for ( let round = 1; round <= settings.rounds; round++ ) {
		// Alternating order: what the machine does over time (other work, a warming cache) falls on every scenario.
		const roundOrder = round % 2 ? order : [ ...order ].reverse();
		for ( const id of roundOrder ) {
			if ( id === 'cached' ) {
				await probe( urls.cached );
			}
			const token = id === 'direct' ? mintToken( settings.siteName ) : '';
			const text = await wrk(
				settings,
				urls[ id ],
				id === 'personal' || id === 'direct' ? { token } : null
			);
			raw[ `${ id }.${ round }` ] = text;
			const run = parseWrk( text );
			if ( ! run ) {
				notes.push(
					`${ id }, round ${ round }: wrk printed no figures (${ text.trim().split( '\n' )[ 0 ] ?? '' })`
				);
				continue;
			}
			runs.set( id, [ ...( runs.get( id ) ?? [] ), run ] );
			const counted = parseModes( text );
			if ( counted ) {
				modes.set( id, [ ...( modes.get( id ) ?? [] ), counted ] );
			}
			process.stderr.write(
				`feed-gateway: ${ id.padEnd( 8 ) } round ${ round }: ${ show( run.requestsPerSecond ) } req/s, p50 ${ show( run.p50Ms ) } ms\n`
			);
		}
	}
	const summaries: Partial< Record< ScenarioId, ScenarioSummary | null > > =
		{};
	for ( const id of order ) {
		summaries[ id ] = summarize(
			runs.get( id ) ?? [],
			modes.get( id ) ?? []
		);
	}
	const meta = [
		`nginx + php-fpm (opcache, 4 workers) + MariaDB, the real feed service (services/feed) behind the gateway; ${ cpus().length } cores`,
		`wrk -t${ settings.threads } -c${ settings.connections }, ${ settings.rounds } alternating rounds × ${ settings.duration } s per scenario, median shown; personal bodies: one slot of ${ settings.perPage }, ${ settings.visitors } visitors in rotation (bench/feed-personal.lua)`,
		`load average (1, 5, 15 min) before the runs: ${ loadBefore }; after: ${ load() } (other work on the machine moves every number)`,
	];
	const markdown = render( summaries, meta, notes );
	writeReport( out, markdown, {
		generatedAt: new Date().toISOString(),
		settings: { ...settings },
		summaries,
		ratios: ratios( summaries ),
		notes,
		wrk: raw,
	} );
	if ( ! active.has( 'cached' ) && ! active.has( 'personal' ) ) {
		process.stderr.write(
			'feed-gateway: neither feed route answered 200: nothing measured\n'
		);
		process.exit( 1 );
	}
}

// Run as a script; imported (by the tests), it only provides its helpers.
if ( require.main === module ) {
	runScript( 'feed-gateway', main );
}
