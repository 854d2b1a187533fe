/**
 * The feed benchmark's data: a deterministic (seeded) catalogue and event history written straight into a
 * feed data folder, as the service would have stored them after receiving them: posts over ~40 categories,
 * ~400 tags and ~60 authors with skewed sizes and popularity, and events over ~20,000 profiles (about 50 each)
 * that mostly read their one to three favourite categories. One transaction, prepared statements.
 *
 * Usage (alone): npx tsx bench/feed-generator.ts --dir=DIR [--posts=100000] [--events=1000000] [--seed=1]
 */
import { fileURLToPath } from 'node:url';

import { openDb } from '../services/feed/src/db';

export interface GeneratorOptions {
	dataDir: string;
	posts: number;
	events: number;
	seed: number;
	/** The service's clock at the time of the bench (ms): dates and events lie before it. */
	now: number;
	/** Popularity half-life the service runs with (ms), to store decayed counts as it would. */
	popularityHalfLifeMs: number;
}

export interface Generated {
	/** Profile keys (`a:<visitor>` and `u:<id>`), for requests. */
	profiles: string[];
	categories: number;
	tags: number;
	authors: number;
	ms: number;
}

const DAY = 86_400_000;

/**
 * Mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)).
 *
 * @param seed Seed.
 */
export function prng( seed: number ): () => number {
	let state = seed >>> 0; // eslint-disable-line no-bitwise -- 32-bit state.
	return () => {
		/* eslint-disable no-bitwise -- the generator is defined on 32-bit integers. */
		state = ( state + 0x6d2b79f5 ) >>> 0;
		let t = state;
		t = Math.imul( t ^ ( t >>> 15 ), t | 1 );
		t ^= t + Math.imul( t ^ ( t >>> 7 ), t | 61 );
		return ( ( t ^ ( t >>> 14 ) ) >>> 0 ) / 4294967296;
		/* eslint-enable no-bitwise */
	};
}

/**
 * A skewed index in [0, n): small indices far more often (a power law).
 *
 * @param random PRNG.
 * @param n      Range.
 * @param power  Skew (1: uniform).
 */
const skewed = ( random: () => number, n: number, power: number ) =>
	Math.min( n - 1, Math.floor( n * random() ** power ) );

/**
 * A signal type for a roll: the first below `a`, the second below `b`, else a click.
 *
 * @param roll  Uniform in [0, 1).
 * @param a     First threshold.
 * @param b     Second threshold.
 * @param names The types below `a` and below `b`.
 */
export function signalType(
	roll: number,
	a: number,
	b: number,
	names: [ string, string ]
): string {
	if ( roll < a ) {
		return names[ 0 ];
	}
	return roll < b ? names[ 1 ] : 'click';
}

/**
 * Writes the catalogue, popularity and profiles into a fresh data folder.
 *
 * @param options Sizes, seed, clock and folder.
 */
export function generate( options: GeneratorOptions ): Generated {
	const started = performance.now();
	const random = prng( options.seed );
	const categories = 40;
	const tags = 400;
	const authors = 60;
	const profileCount = Math.max( 10, Math.round( options.events / 50 ) );
	const db = openDb( options.dataDir );

	// Posts: newer ids are newer, spread over two years; categories and tags skewed, a few with two categories.
	const postCategories: number[][] = [];
	const postTags: number[][] = [];
	const postAuthors: number[] = [];
	const byCategory: number[][] = Array.from(
		{ length: categories },
		() => []
	);
	const span = 730 * DAY;
	const insertPost = db.prepare(
		`INSERT INTO posts (id, type, date, modified, author, categories, tags, comment_count, fingerprint)
		VALUES (?, 'post', ?, ?, ?, ?, ?, ?, '')`
	);
	const insertEvent = db.prepare(
		'INSERT INTO events (key, type, post, feed, position, at) VALUES (?, ?, ?, NULL, NULL, ?)'
	);
	const insertRead = db.prepare(
		`INSERT INTO reads (key, post, at) VALUES (?, ?, ?)
		ON CONFLICT (key, post) DO UPDATE SET at = max(at, excluded.at)`
	);
	const insertAffinity = db.prepare(
		'INSERT INTO affinities (key, kind, term, weight) VALUES (?, ?, ?, ?)'
	);
	const insertProfile = db.prepare(
		'INSERT INTO profiles (key, created, updated, history) VALUES (?, ?, ?, ?)'
	);
	const insertPopularity = db.prepare(
		'INSERT INTO popularity (post, value, at) VALUES (?, ?, ?)'
	);

	const profiles: string[] = [];
	db.transaction( () => {
		for ( let index = 0; index < options.posts; index++ ) {
			const id = index + 1;
			const date = Math.round(
				options.now - span + ( span * index ) / options.posts
			);
			const first = skewed( random, categories, 1.6 ) + 1;
			const cats =
				random() < 0.15
					? [ first, skewed( random, categories, 1.2 ) + 1 ]
					: [ first ];
			const unique = [ ...new Set( cats ) ];
			const tagCount = Math.floor( random() * 5 );
			const postTagIds = [
				...new Set(
					Array.from(
						{ length: tagCount },
						() => skewed( random, tags, 1.8 ) + 1001
					)
				),
			];
			const author = skewed( random, authors, 1.4 ) + 5001;
			const comments = Math.floor( Math.exp( random() ** 3 * 5 ) ) - 1;
			postCategories.push( unique );
			postTags.push( postTagIds );
			postAuthors.push( author );
			for ( const category of unique ) {
				byCategory[ category - 1 ]?.push( id );
			}
			const iso = new Date( date )
				.toISOString()
				.replace( /\.\d{3}Z$/, '+00:00' );
			insertPost.run(
				id,
				date,
				iso,
				author,
				JSON.stringify( unique ),
				JSON.stringify( postTagIds ),
				comments
			);
		}

		// A stable "hotness" order: a shuffled permutation, sampled with a skew.
		const hot = Array.from( { length: options.posts }, ( _, i ) => i + 1 );
		for ( let i = hot.length - 1; i > 0; i-- ) {
			const j = Math.floor( random() * ( i + 1 ) );
			[ hot[ i ], hot[ j ] ] = [ hot[ j ] as number, hot[ i ] as number ];
		}
		const popularity = new Map< number, number >();
		const eventsPerProfile = options.events / profileCount;
		let written = 0;
		for ( let p = 0; p < profileCount; p++ ) {
			const visitor = Buffer.from(
				Array.from( { length: 16 }, () => Math.floor( random() * 256 ) )
			).toString( 'base64url' );
			const key = p % 5 === 0 ? `u:${ 100000 + p }` : `a:${ visitor }`;
			profiles.push( key );
			const favourites = Array.from(
				{ length: 1 + Math.floor( random() * 3 ) },
				() => skewed( random, categories, 1.6 )
			);
			const count =
				p === profileCount - 1
					? options.events - written
					: Math.round( eventsPerProfile * ( 0.5 + random() ) );
			const affinity = new Map< string, number >();
			let history = 0;
			let first = Infinity;
			let last = 0;
			for ( let e = 0; e < count && written < options.events; e++ ) {
				written++;
				const pool =
					byCategory[
						favourites[
							Math.floor( random() * favourites.length )
						] as number
					] ?? [];
				const post =
					random() < 0.7 && pool.length > 0
						? ( pool[
								skewed( random, pool.length, 0.5 )
							] as number )
						: ( hot[ skewed( random, hot.length, 3 ) ] as number );
				const type = signalType( random(), 0.55, 0.9, [
					'view',
					'impression',
				] );
				const at = Math.round( options.now - random() * 60 * DAY );
				first = Math.min( first, at );
				last = Math.max( last, at );
				insertEvent.run( key, type, post, at );
				if ( type === 'impression' ) {
					continue;
				}
				if ( type === 'view' ) {
					insertRead.run( key, post, at );
				}
				history++;
				const terms: [ string, number ][] = [
					...( postCategories[ post - 1 ] ?? [] ).map(
						( id ): [ string, number ] => [ 'category', id ]
					),
					...( postTags[ post - 1 ] ?? [] ).map(
						( id ): [ string, number ] => [ 'tag', id ]
					),
					[ 'author', postAuthors[ post - 1 ] as number ],
				];
				for ( const [ kind, id ] of terms ) {
					const name = `${ kind }:${ id }`;
					affinity.set( name, ( affinity.get( name ) ?? 0 ) + 1 );
				}
				const amount = type === 'click' ? 3 : 1;
				popularity.set(
					post,
					( popularity.get( post ) ?? 0 ) +
						amount *
							2 **
								( -( options.now - at ) /
									options.popularityHalfLifeMs )
				);
			}
			for ( const [ name, weight ] of affinity ) {
				const [ kind, id ] = name.split( ':' );
				insertAffinity.run( key, kind, Number( id ), weight );
			}
			insertProfile.run(
				key,
				Number.isFinite( first ) ? first : options.now,
				last || options.now,
				history
			);
		}
		for ( const [ post, value ] of popularity ) {
			insertPopularity.run( post, value, options.now );
		}
	} )();
	db.pragma( 'wal_checkpoint(TRUNCATE)' );
	db.close();
	return {
		profiles,
		categories,
		tags,
		authors,
		ms: Math.round( performance.now() - started ),
	};
}

/**
 * A `--name=value` argument.
 *
 * @param name     Argument name.
 * @param fallback Default.
 */
function argument( name: string, fallback: string ): string {
	const prefix = `--${ name }=`;
	const found = process.argv.find( ( arg ) => arg.startsWith( prefix ) );
	return found === undefined ? fallback : found.slice( prefix.length );
}

if ( process.argv[ 1 ] === fileURLToPath( import.meta.url ) ) {
	const dataDir = argument( 'dir', '' );
	if ( dataDir === '' ) {
		throw new Error( 'Usage: tsx bench/feed-generator.ts --dir=DIR' );
	}
	const result = generate( {
		dataDir,
		posts: Number( argument( 'posts', '100000' ) ),
		events: Number( argument( 'events', '1000000' ) ),
		seed: Number( argument( 'seed', '1' ) ),
		now: Date.now(),
		popularityHalfLifeMs: 3 * DAY,
	} );
	process.stdout.write(
		`${ result.profiles.length } profiles written to ${ dataDir } in ${ result.ms } ms\n`
	);
}
