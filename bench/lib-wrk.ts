/**
 * Reading wrk's output, shared by the load benchmarks (bench/report.ts for the gateway, bench/feed-gateway.ts
 * for the feed): one parser and one way to fold rounds into a line of figures, so both reports read the
 * same numbers out of the same text.
 */

/** One wrk run, as `wrk --latency` prints it. */
export interface WrkRun {
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	requests: number;
	non2xx: number;
	socketErrors: number;
}

/** The rounds of one scenario folded together. */
export interface WrkRounds extends WrkRun {
	rounds: number;
}

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
	const factors: Record< string, number > = {
		us: 0.001,
		ms: 1,
		s: 1000,
		m: 60000,
	};
	return Number( match[ 1 ] ) * factors[ match[ 2 ] ];
}

/**
 * Parses `wrk --latency` output; null when wrk did not get to print its figures (it could not connect, say).
 *
 * @param text wrk's standard output.
 */
export function parseWrk( text: string ): WrkRun | null {
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
					.reduce( ( sum, count ) => sum + Number( count ), 0 )
			: 0,
	};
}

/**
 * The median of some numbers (the mean of the middle two for an even count).
 *
 * @param values Numbers.
 */
export function median( values: readonly number[] ): number {
	if ( values.length === 0 ) {
		return Number.NaN;
	}
	const sorted = [ ...values ].sort( ( a, b ) => a - b );
	const middle = Math.floor( sorted.length / 2 );
	return sorted.length % 2
		? sorted[ middle ]
		: ( sorted[ middle - 1 ] + sorted[ middle ] ) / 2;
}

/**
 * Rounds in one line of figures: medians of the rate and latencies (one slow round does not move them),
 * totals of the counts (every failed request shows).
 *
 * @param runs The rounds' wrk figures (at least one).
 */
export function foldRounds( runs: readonly WrkRun[] ): WrkRounds {
	const sum = ( pick: ( run: WrkRun ) => number ) =>
		runs.reduce( ( total, run ) => total + pick( run ), 0 );
	return {
		rounds: runs.length,
		requestsPerSecond: median( runs.map( ( r ) => r.requestsPerSecond ) ),
		p50Ms: median( runs.map( ( r ) => r.p50Ms ) ),
		p99Ms: median( runs.map( ( r ) => r.p99Ms ) ),
		requests: sum( ( r ) => r.requests ),
		non2xx: sum( ( r ) => r.non2xx ),
		socketErrors: sum( ( r ) => r.socketErrors ),
	};
}
