/**
 * The index on disk: restarts, crash recovery from the log, snapshots, and a graceful stop of the real process.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import {
	appendFile,
	mkdtemp,
	readFile,
	rm,
	stat,
	writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { toDocument, type PublishedPostData } from '../src/documents';
import { createEngine } from '../src/engine/create';
import { IndexStore } from '../src/store';
import {
	ingest,
	postEvent,
	searchOk,
	SECRET,
	startHarness,
	startWordpress,
	tombstone,
} from './helpers';

const quiet = { info: () => undefined, warn: () => undefined };

function put( id: number, title: string ) {
	const document = toDocument(
		postEvent( id, { title } ).data as PublishedPostData
	);
	assert.ok( document );
	return () => [ { op: 'put' as const, document } ];
}

describe( 'persistence', () => {
	it( 'keeps documents and processed event ids across a restart', async () => {
		const harness = await startHarness();
		try {
			const publish = postEvent( 1, { title: 'Persistent penguin' } );
			await ingest(
				harness,
				publish,
				postEvent( 2, { title: 'Transient penguin' } ),
				tombstone( 2, 'post.deleted' )
			);
			await harness.restart();

			const body = await searchOk( harness, { q: 'penguin' } );
			assert.deepEqual(
				body.results.map( ( result ) => result.id ),
				[ 1 ]
			);
			const again = await harness.send( publish );
			assert.deepEqual( await again.json(), {
				ok: true,
				duplicate: true,
			} );
		} finally {
			await harness.close();
		}
	} );

	it( 'answers 503 until the index is loaded, and when it cannot be', async () => {
		const harness = await startHarness();
		try {
			// A second service on the same folder cannot take it: it stays not ready.
			const { loadConfig } = await import( '../src/config' );
			const { startService } = await import( '../src/service' );
			const second = await startService(
				loadConfig( {
					PORT: '0',
					SWITCHBOARD_WORDPRESS_URL: harness.wordpress.url,
					SWITCHBOARD_SEARCH_DATA_DIR: harness.dataDir,
					LOG_LEVEL: 'silent',
				} )
			);
			await assert.rejects( second.ready, /in use by process/ );
			const ready = await fetch( `${ second.url }/ready` );
			assert.equal( ready.status, 503 );
			assert.deepEqual( await ready.json(), {
				code: 'not_ready',
				message: 'The index is loading.',
			} );
			const search = await fetch( `${ second.url }/v1/search?q=x`, {
				headers: {
					Authorization: `Bearer ${ harness.wordpress.token() }`,
				},
			} );
			assert.equal( search.status, 503 );
			assert.equal(
				( ( await search.json() ) as { code: string } ).code,
				'not_ready'
			);
			assert.equal(
				( await fetch( `${ second.url }/health` ) ).status,
				200
			);
			await second.close();
		} finally {
			await harness.close();
		}
	} );

	it( 'writes snapshots as it goes and loads them', async () => {
		const harness = await startHarness( { snapshotEvery: 2 } );
		try {
			await ingest(
				harness,
				...[ 1, 2, 3, 4, 5 ].map( ( id ) =>
					postEvent( id, { title: `Snapshot otter ${ id }` } )
				)
			);
			// JSON lines: a header, then one document per line.
			const [ header, ...documents ] = (
				await readFile(
					join( harness.dataDir, 'snapshot.json' ),
					'utf8'
				)
			)
				.trim()
				.split( '\n' )
				.map( ( line ) => JSON.parse( line ) as unknown );
			const snapshot = {
				...( header as { seq: number; version: number } ),
				documents,
			};
			assert.equal( snapshot.version, 2 );
			assert.equal( snapshot.seq, 4 );
			assert.equal( snapshot.documents.length, 4 );
			const log = await readFile(
				join( harness.dataDir, 'events.log' ),
				'utf8'
			);
			assert.equal( log.trim().split( '\n' ).length, 1 );

			await harness.restart();
			assert.equal(
				( await searchOk( harness, { q: 'otter' } ) ).total,
				5
			);
		} finally {
			await harness.close();
		}
	} );

	it( 'loads a snapshot of the first format, whose documents have no body', async () => {
		const directory = await mkdtemp(
			join( tmpdir(), 'switchboard-search-store-' )
		);
		try {
			const old = toDocument(
				postEvent( 7, { title: 'Legacy heron' } )
					.data as PublishedPostData
			) as unknown as Record< string, unknown >;
			delete old.body;
			delete old.fingerprint;
			await writeFile(
				join( directory, 'snapshot.json' ),
				JSON.stringify( {
					version: 1,
					seq: 3,
					documents: [ old ],
					processed: [ [ 'old-event', 1 ] ],
				} )
			);
			const engine = createEngine();
			const store = await IndexStore.open( {
				directory,
				engine,
				logger: quiet,
			} );
			assert.equal( store.hasProcessed( 'old-event' ), true );
			assert.equal( engine.get( 7 )?.body, '' );
			assert.equal( engine.get( 7 )?.fingerprint, '' );
			await store.apply( 'new-event', put( 8, 'Modern heron' ) );
			await store.close();

			const again = createEngine();
			await (
				await IndexStore.open( {
					directory,
					engine: again,
					logger: quiet,
				} )
			).close();
			assert.deepEqual(
				[ ...again.documents() ]
					.map( ( document ) => document.id )
					.sort(),
				[ 7, 8 ]
			);
		} finally {
			await rm( directory, { recursive: true, force: true } );
		}
	} );

	it( 'recovers from a crash: replays the log and drops a torn last line', async () => {
		const directory = await mkdtemp(
			join( tmpdir(), 'switchboard-search-store-' )
		);
		try {
			const first = await IndexStore.open( {
				directory,
				engine: createEngine(),
				logger: quiet,
			} );
			await first.apply( 'a', put( 1, 'Crash course' ) );
			await first.apply( 'b', put( 2, 'Crash landing' ) );
			// As if the process died here, in the middle of a write, leaving its lock behind.
			await appendFile(
				join( directory, 'events.log' ),
				'{"seq":3,"event":"c","at":1,"chan'
			);
			await assert.rejects(
				IndexStore.open( {
					directory,
					engine: createEngine(),
					logger: quiet,
				} ),
				/in use by process/
			);
			await writeFile( join( directory, 'lock' ), '999999999' );

			const warnings: string[] = [];
			const engine = createEngine();
			const second = await IndexStore.open( {
				directory,
				engine,
				logger: {
					info: () => undefined,
					warn: ( _o, message ) => warnings.push( message ),
				},
			} );
			assert.equal( engine.size, 2 );
			assert.equal( warnings.length, 1 );
			assert.equal( second.hasProcessed( 'b' ), true );
			assert.equal( second.hasProcessed( 'c' ), false );

			assert.equal(
				await second.apply( 'c', put( 3, 'Crash test' ) ),
				true
			);
			assert.equal(
				await second.apply( 'c', put( 3, 'Crash test' ) ),
				false
			);
			await second.close();

			const third = createEngine();
			await (
				await IndexStore.open( {
					directory,
					engine: third,
					logger: quiet,
				} )
			).close();
			assert.deepEqual(
				[ ...third.documents() ]
					.map( ( document ) => document.id )
					.sort(),
				[ 1, 2, 3 ]
			);
		} finally {
			await rm( directory, { recursive: true, force: true } );
		}
	} );

	it( 'stops on SIGTERM: finishes, writes the snapshot, exits 0, and never logs secrets', async () => {
		const wordpress = await startWordpress();
		const dataDir = await mkdtemp(
			join( tmpdir(), 'switchboard-search-main-' )
		);
		const child = spawn(
			process.execPath,
			[ '--import', 'tsx', 'src/main.ts' ],
			{
				cwd: fileURLToPath( new URL( '..', import.meta.url ) ),
				env: {
					...process.env,
					PORT: '0',
					SWITCHBOARD_WORDPRESS_URL: wordpress.url,
					SWITCHBOARD_SEARCH_DATA_DIR: dataDir,
					SWITCHBOARD_SEARCH_WEBHOOK_SECRET: SECRET,
					LOG_LEVEL: 'info',
				},
				stdio: [ 'ignore', 'pipe', 'pipe' ],
			}
		);
		let output = '';
		child.stdout.on(
			'data',
			( chunk: Buffer ) => ( output += chunk.toString() )
		);
		child.stderr.on(
			'data',
			( chunk: Buffer ) => ( output += chunk.toString() )
		);
		const exited = new Promise< number | null >( ( resolve ) =>
			child.on( 'exit', resolve )
		);
		try {
			const url = await new Promise< string >( ( resolve, reject ) => {
				const timer = setInterval( () => {
					const match =
						/Index loaded/.test( output ) &&
						/listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(
							output
						);
					if ( match ) {
						clearInterval( timer );
						resolve( match[ 1 ] as string );
					}
				}, 50 );
				void exited.then( () => {
					clearInterval( timer );
					reject( new Error( output ) );
				} );
			} );

			const token = wordpress.token();
			const event = postEvent( 1, { title: 'Signal heron' } );
			const body = JSON.stringify( event );
			const t = Math.floor( Date.now() / 1000 );
			const response = await fetch( `${ url }/events`, {
				method: 'POST',
				headers: {
					Authorization: `Bearer ${ token }`,
					'Content-Type': 'application/json',
					'Switchboard-Event-Id': event.id,
					'Switchboard-Signature': `t=${ t },v1=${ createHmac( 'sha256', SECRET ).update( `${ event.id }.${ t }.${ body }` ).digest( 'hex' ) }`,
				},
				body,
			} );
			assert.equal( response.status, 200 );

			child.kill( 'SIGTERM' );
			assert.equal( await exited, 0, output );
			const snapshot = await readFile(
				join( dataDir, 'snapshot.json' ),
				'utf8'
			);
			assert.match( snapshot, /Signal heron/ );
			assert.equal(
				( await stat( join( dataDir, 'events.log' ) ) ).size,
				0
			);

			assert.match( output, /Shutting down/ );
			assert.doesNotMatch(
				output,
				new RegExp( token.split( '.' )[ 2 ] as string )
			);
			assert.ok( ! output.includes( SECRET ) );
		} finally {
			child.kill( 'SIGKILL' );
			await wordpress.close();
			await rm( dataDir, { recursive: true, force: true } );
		}
	} );
} );
