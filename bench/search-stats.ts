/**
 * What the search benchmarks (bench/search-native.ts, bench/search-browser.ts, bench/search-weight.ts) share:
 * percentiles, number formatting, Markdown tables, writing their artifacts, and the browser they drive.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium, type Browser } from '@playwright/test';

/** The Chromium the browser benchmarks drive: Debian's (ENVIRONMENT.md, "Browsers"), or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Starts that Chromium headless with the flags these machines need: no sandbox as root, no calls home. */
export function launchChromium(): Promise< Browser > {
	return chromium.launch( {
		executablePath: CHROMIUM_PATH,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	} );
}

/**
 * The p-th percentile (0-100) by nearest rank: a value that was really measured, never an interpolation.
 *
 * @param values Measurements, in any order.
 * @param p      Percentile, 0-100.
 */
export function percentile( values: readonly number[], p: number ): number {
	if ( values.length === 0 ) {
		return Number.NaN;
	}
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const rank = Math.ceil( ( p / 100 ) * sorted.length );
	return sorted[ Math.min( sorted.length, Math.max( 1, rank ) ) - 1 ];
}

/** p50, p95 and the count of a series of milliseconds. */
export interface Latency {
	count: number;
	p50: number;
	p95: number;
	max: number;
}

/**
 * Summarizes a series of milliseconds.
 *
 * @param values Milliseconds.
 */
export function latency( values: readonly number[] ): Latency {
	return {
		count: values.length,
		p50: round( percentile( values, 50 ) ),
		p95: round( percentile( values, 95 ) ),
		max: round( values.length ? Math.max( ...values ) : Number.NaN ),
	};
}

/**
 * A number rounded to a useful precision (3 significant decimals below 10, 1 decimal above).
 *
 * @param value Number.
 */
export function round( value: number ): number {
	if ( ! Number.isFinite( value ) ) {
		return value;
	}
	return Math.abs( value ) < 10
		? Math.round( value * 1000 ) / 1000
		: Math.round( value * 10 ) / 10;
}

/**
 * A number for a table: thousands separated, "n/a" when unknown.
 *
 * @param value  Number or null.
 * @param suffix Unit to append.
 */
export function show( value: number | null | undefined, suffix = '' ): string {
	if ( value === null || value === undefined || ! Number.isFinite( value ) ) {
		return 'n/a';
	}
	return `${ value.toLocaleString( 'en-US', {
		maximumFractionDigits: Math.abs( value ) < 10 ? 2 : 1,
	} ) }${ suffix }`;
}

/**
 * PASS or FAIL for a target, or "n/a" when the figure is missing.
 *
 * @param ok Whether the target is met, or null when it could not be measured.
 */
export function verdict( ok: boolean | null ): string {
	if ( ok === null ) {
		return 'n/a';
	}
	return ok ? 'PASS' : 'FAIL';
}

/**
 * A Markdown table.
 *
 * @param header Column titles.
 * @param rows   Cells.
 */
export function table(
	header: readonly string[],
	rows: readonly ( readonly string[] )[]
): string {
	const line = ( cells: readonly string[] ) =>
		`| ${ cells.map( ( c ) => c.replace( /\|/g, '\\|' ) ).join( ' | ' ) } |`;
	return [
		line( header ),
		line( header.map( () => '---' ) ),
		...rows.map( line ),
	].join( '\n' );
}

/**
 * Writes the Markdown report and the JSON figures of one benchmark (FILE.md and FILE.json), creating the
 * folder, and prints the Markdown.
 *
 * @param base     Path without extension, e.g. artifacts/bench/search-native.
 * @param markdown Report.
 * @param data     Figures.
 */
export function writeReport(
	base: string,
	markdown: string,
	data: unknown
): void {
	mkdirSync( dirname( base ), { recursive: true } );
	writeFileSync(
		`${ base }.md`,
		markdown.endsWith( '\n' ) ? markdown : `${ markdown }\n`
	);
	writeFileSync(
		`${ base }.json`,
		`${ JSON.stringify( data, null, '\t' ) }\n`
	);
	process.stdout.write( `${ markdown }\n\n` );
}

/**
 * The value of a `--name=value` or `--name value` argument, or the fallback.
 *
 * @param argv     Arguments (process.argv.slice( 2 )).
 * @param name     Name without the dashes.
 * @param fallback Value when absent.
 */
export function option(
	argv: readonly string[],
	name: string,
	fallback: string
): string {
	for ( let i = 0; i < argv.length; i++ ) {
		if ( argv[ i ] === `--${ name }` && i + 1 < argv.length ) {
			return argv[ i + 1 ];
		}
		if ( argv[ i ].startsWith( `--${ name }=` ) ) {
			return argv[ i ].slice( name.length + 3 );
		}
	}
	return fallback;
}
