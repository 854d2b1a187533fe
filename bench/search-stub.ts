/**
 * A stand-in for the search service, for the benchmark: answers the search contract with one fixed,
 * realistic body (ten results) as fast as Node can, so the gateway's own cost is what the bench measures.
 *
 * Usage: tsx bench/search-stub.ts --port 18100
 *   GET /v1/search?q=..&page=..&per_page=..  200, the fixed body with `page` echoed
 *   GET /health                              200 {"ok":true}
 * The gateway's `Authorization: Bearer <JWT>` header is ignored.
 */
import { createServer } from 'node:http';

interface SearchResult {
	id: number;
	title: string;
	url: string;
	excerpt: string;
	type: 'post' | 'page';
	date: string;
}

const TOPICS = [
	'Running WordPress behind a REST gateway',
	'Caching service responses without caching errors',
	'Token buckets, fixed windows and fair rate limits',
	'Circuit breakers that let exactly one probe through',
	'Signing service requests with short-lived EdDSA tokens',
	'Server-rendered blocks that hydrate with the Interactivity API',
	'A durable outbox for content events',
	'Measuring a proxy route against a constant route',
	'Redis as a shared object cache for PHP workers',
	'Keyboard shortcuts in a 0.7 KB script module',
];

const results: SearchResult[] = TOPICS.map( ( title, index ) => ( {
	id: 101 + index,
	title,
	url: `https://example.org/${ title
		.toLowerCase()
		.replace( /[^a-z0-9]+/g, '-' )
		.replace( /(^-|-$)/g, '' ) }/`,
	excerpt: `${ title }: what we tried, what we measured on a two-core machine, and what we would do again. A short read with the numbers and the configuration that produced them.`,
	type: index % 4 === 3 ? 'page' : 'post',
	date: new Date( Date.UTC( 2026, 0, 1 + index * 3 ) )
		.toISOString()
		.replace( '.000Z', 'Z' ),
} ) );

function portFromArguments( argv: string[] ): number {
	const index = argv.indexOf( '--port' );
	const port = Number( index >= 0 ? argv[ index + 1 ] : process.env.PORT );
	if ( ! Number.isInteger( port ) || port < 1 || port > 65535 ) {
		throw new Error( 'usage: search-stub.ts --port PORT' );
	}
	return port;
}

const port = portFromArguments( process.argv.slice( 2 ) );

const server = createServer( ( request, response ) => {
	const url = new URL( request.url ?? '/', 'http://localhost' );
	let status = 200;
	let body: unknown;
	if ( request.method === 'GET' && url.pathname === '/v1/search' ) {
		const page = Math.max(
			1,
			Number( url.searchParams.get( 'page' ) ) || 1
		);
		body = { results, total: results.length, page, pages: 1 };
	} else if ( url.pathname === '/health' ) {
		body = { ok: true };
	} else {
		status = 404;
		body = { error: 'not_found' };
	}
	const json = JSON.stringify( body );
	response.writeHead( status, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength( json ),
	} );
	response.end( json );
} );

server.keepAliveTimeout = 30_000;
server.listen( port, '127.0.0.1', () => {
	process.stdout.write(
		`search stub listening on http://127.0.0.1:${ port }\n`
	);
} );

for ( const signal of [ 'SIGTERM', 'SIGINT' ] as const ) {
	process.on( signal, () => server.close( () => process.exit( 0 ) ) );
}
