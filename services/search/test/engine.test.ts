/**
 * The embedded engine in process: phrases from positional postings (repeated words, field boundaries, after
 * updates, removals and the compaction of dead postings) and the terms a hit is highlighted with.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { SearchDocument } from '../src/documents';
import { createEngine } from '../src/engine/create';
import type { SearchEngine } from '../src/engine/types';

/**
 * A published post.
 *
 * @param id     Post id.
 * @param fields Title, excerpt, body.
 */
function post(
	id: number,
	fields: Partial< Pick< SearchDocument, 'title' | 'excerpt' | 'body' > >
): SearchDocument {
	return {
		id,
		type: 'post',
		title: '',
		excerpt: '',
		body: '',
		url: `https://example.test/?p=${ id }`,
		date: '2026-01-01T00:00:00Z',
		modified: '2026-01-01T00:00:00Z',
		author: { id: 1, name: 'Ada' },
		terms: {},
		fingerprint: '',
		...fields,
	};
}

/**
 * The ids a query finds, sorted.
 *
 * @param engine The engine.
 * @param text   Query.
 */
function ids( engine: SearchEngine, text: string ): number[] {
	return engine
		.search( {
			text,
			page: 1,
			perPage: 100,
			sort: 'relevance',
			filters: { facets: {} },
		} )
		.hits.map( ( hit ) => hit.document.id )
		.sort( ( a, b ) => a - b );
}

describe( 'phrases', () => {
	it( 'match repeated words, in order, never across fields', () => {
		const engine = createEngine();
		engine.upsert( post( 1, { body: 'we want to to be sure' } ) );
		engine.upsert( post( 2, { body: 'to be or not to be' } ) );
		engine.upsert(
			post( 3, { title: 'ends with to', excerpt: 'to starts here' } )
		);
		engine.upsert( post( 4, { body: 'be to, to be' } ) );
		assert.deepEqual( ids( engine, '"to to"' ), [ 1, 4 ] );
		assert.deepEqual( ids( engine, '"to be"' ), [ 1, 2, 4 ] );
		assert.deepEqual( ids( engine, '"not to be"' ), [ 2 ] );
		assert.deepEqual( ids( engine, '"be or not"' ), [ 2 ] );
		assert.deepEqual( ids( engine, '"be not"' ), [] );
		assert.deepEqual( ids( engine, 'sure "to to"' ), [ 1 ] );
	} );

	it( 'follow updates and removals, also after dead postings are compacted', () => {
		const engine = createEngine();
		engine.upsert( post( 1, { body: 'circuit breaker panel' } ) );
		engine.upsert( post( 2, { body: 'breaker circuit' } ) );
		assert.deepEqual( ids( engine, '"circuit breaker"' ), [ 1 ] );
		engine.upsert( post( 1, { body: 'breaker for a circuit' } ) );
		engine.upsert( post( 2, { body: 'a circuit breaker' } ) );
		assert.deepEqual( ids( engine, '"circuit breaker"' ), [ 2 ] );
		// Enough churn to drop dead postings (more dead slots than live documents, over 1,000).
		for ( let round = 0; round < 1100; round++ ) {
			engine.upsert(
				post( 3, { body: `round ${ round } circuit breaker` } )
			);
		}
		assert.equal( engine.remove( 1 ), true );
		assert.deepEqual( ids( engine, '"circuit breaker"' ), [ 2, 3 ] );
		assert.deepEqual( ids( engine, '"round 1099 circuit"' ), [ 3 ] );
		assert.deepEqual( ids( engine, '"round 5"' ), [] );
		assert.deepEqual( ids( engine, 'panel' ), [] );
		assert.equal( engine.size, 2 );
	} );
} );

describe( 'highlights', () => {
	it( 'name the query terms (and prefix completions) a hit holds', () => {
		const engine = createEngine();
		engine.upsert(
			post( 1, { title: 'Breaker panels', body: 'circuit testing' } )
		);
		const [ hit ] = engine.search( {
			text: 'breaker circ',
			page: 1,
			perPage: 10,
			sort: 'relevance',
			filters: { facets: {} },
		} ).hits;
		assert.ok( hit );
		assert.deepEqual( hit.highlights.title, [ [ 0, 7 ] ] );
		assert.match( hit.excerpt, /circuit/ );
		assert.equal( hit.highlights.excerpt.length, 1 );
	} );
} );
