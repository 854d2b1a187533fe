/**
 * GET /v1/search: ranking, phrases, prefixes, typos, highlights, facets, filters, sort, pages, bad input.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
	ingest,
	postEvent,
	searchOk,
	startHarness,
	type Harness,
	type SearchBody,
} from './helpers';

const NEWS = { id: 3, name: 'News' };
const LIFESTYLE = { id: 4, name: 'Lifestyle' };
const TECH = { id: 5, name: 'Tech & Tools' };

const CAFE_EXCERPT = 'Über den Kaffee: naïve thoughts 😀 on café culture';

const ids = ( body: SearchBody ) => body.results.map( ( result ) => result.id );

describe( 'search', () => {
	let harness: Harness;

	before( async () => {
		harness = await startHarness();
		await ingest(
			harness,
			postEvent( 1, {
				title: 'Coffee brewing guide',
				excerpt: 'How to brew at home.',
				categories: [ NEWS ],
				tags: [ { id: 31, name: 'Coffee' } ],
				author: { id: 2, name: 'Bea Barista' },
				date: '2026-01-10T08:00:00+00:00',
			} ),
			postEvent( 2, {
				title: 'Morning routines',
				excerpt: 'Start the day with coffee and a long walk.',
				categories: [ LIFESTYLE ],
				date: '2026-01-20T08:00:00+00:00',
			} ),
			postEvent( 3, {
				title: 'Café crème in Zürich',
				excerpt: CAFE_EXCERPT,
				categories: [ NEWS ],
				tags: [ { id: 32, name: 'Travel' } ],
				author: { id: 3, name: 'Zoë Ümlaut' },
				date: '2025-06-01T08:00:00+00:00',
			} ),
			postEvent( 4, {
				title: 'Kubernetes deployment strategies',
				excerpt:
					'Rolling updates and blue green deployments, explained.',
				type: 'page',
				categories: [ TECH ],
				date: '2025-12-01T08:00:00+00:00',
			} ),
			postEvent( 5, {
				title: 'Green tea ceremony',
				excerpt:
					'Blue skies and rolling hills &amp; <b>quiet</b> updates.',
				categories: [ LIFESTYLE ],
				date: '2025-11-01T08:00:00+00:00',
			} ),
			...Array.from( { length: 15 }, ( _, i ) =>
				postEvent( 100 + i, {
					title: `Pagination sample ${ i }`,
					date: `2025-03-${ String( i + 1 ).padStart( 2, '0' ) }T00:00:00+00:00`,
				} )
			)
		);
	} );
	after( () => harness.close() );

	it( 'ranks a title match above a body match, even a newer one', async () => {
		const body = await searchOk( harness, { q: 'coffee' } );
		assert.deepEqual( ids( body ), [ 1, 2 ] );
		assert.equal( body.suggestion, null );
	} );

	it( 'returns plain text: tags dropped, character references decoded', async () => {
		const body = await searchOk( harness, { q: 'ceremony' } );
		assert.equal(
			body.results[ 0 ]?.excerpt,
			'Blue skies and rolling hills & quiet updates.'
		);
	} );

	it( 'matches quoted phrases only in order', async () => {
		assert.deepEqual(
			ids( await searchOk( harness, { q: '"rolling updates"' } ) ),
			[ 4 ]
		);
		assert.deepEqual(
			ids( await searchOk( harness, { q: '"blue green"' } ) ),
			[ 4 ]
		);
		assert.deepEqual(
			ids( await searchOk( harness, { q: 'blue green' } ) ).sort(),
			[ 4, 5 ]
		);

		const body = await searchOk( harness, { q: '"rolling updates"' } );
		const excerpt = body.results[ 0 ]?.excerpt ?? '';
		const start = excerpt.indexOf( 'Rolling updates' );
		assert.deepEqual( body.results[ 0 ]?.highlights.excerpt, [
			[ start, start + 'Rolling updates'.length ],
		] );
	} );

	it( 'matches the last word as a prefix while typing', async () => {
		// `kuber` is also one typo away from `uber` (Über): the prefix match ranks first.
		assert.equal(
			( await searchOk( harness, { q: 'kuber' } ) ).results[ 0 ]?.id,
			4
		);
		assert.deepEqual(
			ids( await searchOk( harness, { q: 'coff' } ) ),
			[ 1, 2 ]
		);
		assert.deepEqual(
			ids( await searchOk( harness, { q: 'kubernetes deploy' } ) ),
			[ 4 ]
		);
		// Not a prefix once a space follows.
		assert.deepEqual(
			ids( await searchOk( harness, { q: 'deploy' } ) ),
			[ 4 ]
		);
		assert.deepEqual(
			ids( await searchOk( harness, { q: 'deploy ' } ) ),
			[]
		);
	} );

	it( 'finds the right post despite a typo and suggests the spelling', async () => {
		const body = await searchOk( harness, { q: 'kubernets' } );
		assert.deepEqual( ids( body ), [ 4 ] );
		assert.equal( body.suggestion, 'kubernetes' );
		assert.deepEqual( body.results[ 0 ]?.highlights.title, [ [ 0, 10 ] ] );

		const two = await searchOk( harness, { q: 'cofee brewing' } );
		assert.equal( two.results[ 0 ]?.id, 1 );
		assert.equal( two.suggestion, 'coffee brewing' );

		assert.equal(
			( await searchOk( harness, { q: 'Coffee brew' } ) ).suggestion,
			null
		);
	} );

	it( 'highlights in UTF-16 offsets, across accents and astral characters', async () => {
		for ( const q of [ 'café', 'cafe', 'CAFE' ] ) {
			const body = await searchOk( harness, { q } );
			assert.deepEqual( ids( body ), [ 3 ], q );
			const result = body.results[ 0 ];
			assert.equal( result?.excerpt, CAFE_EXCERPT );
			assert.deepEqual( result?.highlights.title, [ [ 0, 4 ] ] );
			const start = CAFE_EXCERPT.indexOf( 'café' );
			assert.equal(
				[ ...CAFE_EXCERPT.slice( 0, start ) ].length,
				start - 1,
				'the emoji before it counts as two code units'
			);
			assert.deepEqual( result?.highlights.excerpt, [
				[ start, start + 4 ],
			] );
		}

		const body = await searchOk( harness, { q: 'zurich naive' } );
		const result = body.results[ 0 ];
		assert.deepEqual( result?.highlights.title, [ [ 14, 20 ] ] );
		assert.equal( result?.title.slice( 14, 20 ), 'Zürich' );
		const [ range ] = result?.highlights.excerpt ?? [];
		assert.equal(
			CAFE_EXCERPT.slice( range?.[ 0 ], range?.[ 1 ] ),
			'naïve'
		);
	} );

	it( 'counts facets, each without its own filter', async () => {
		const all = await searchOk( harness, { q: 'coffee' } );
		assert.deepEqual( all.facets.category, [
			{ value: '4', label: 'Lifestyle', count: 1 },
			{ value: '3', label: 'News', count: 1 },
		] );
		assert.deepEqual( all.facets.post_tag, [
			{ value: '31', label: 'Coffee', count: 1 },
		] );
		assert.deepEqual( all.facets.type, [
			{ value: 'post', label: 'post', count: 2 },
		] );

		const news = await searchOk( harness, { q: 'coffee', category: '3' } );
		assert.deepEqual( ids( news ), [ 1 ] );
		assert.equal( news.total, 1 );
		assert.equal(
			news.facets.category.length,
			2,
			'the category facet still offers the other value'
		);
		assert.deepEqual( news.facets.author, [
			{ value: '2', label: 'Bea Barista', count: 1 },
		] );
	} );

	it( 'filters by ids or slugs, type, author and dates', async () => {
		assert.deepEqual(
			ids(
				await searchOk( harness, {
					q: 'coffee',
					category: 'lifestyle',
				} )
			),
			[ 2 ]
		);
		assert.deepEqual(
			ids(
				await searchOk( harness, {
					q: 'coffee',
					category: 'lifestyle,news',
				} )
			),
			[ 1, 2 ]
		);
		assert.deepEqual(
			ids(
				await searchOk( harness, {
					q: 'rolling',
					category: 'tech-tools',
				} )
			),
			[ 4 ]
		);
		assert.deepEqual(
			ids( await searchOk( harness, { q: 'rolling', type: 'page' } ) ),
			[ 4 ]
		);
		assert.deepEqual(
			ids(
				await searchOk( harness, { q: 'cafe', author: 'zoe-umlaut' } )
			),
			[ 3 ]
		);
		assert.deepEqual(
			ids( await searchOk( harness, { q: 'cafe', author: '2' } ) ),
			[]
		);
		assert.deepEqual(
			ids( await searchOk( harness, { q: 'coffee', tag: '31' } ) ),
			[ 1 ]
		);
		assert.deepEqual(
			ids(
				await searchOk( harness, { q: 'coffee', after: '2026-01-15' } )
			),
			[ 2 ]
		);
		assert.deepEqual(
			ids(
				await searchOk( harness, { q: 'coffee', before: '2026-01-10' } )
			),
			[ 1 ]
		);
		assert.deepEqual(
			ids(
				await searchOk( harness, {
					q: 'coffee',
					after: '2026-01-10T08:00:01Z',
				} )
			),
			[ 2 ]
		);
	} );

	it( 'sorts by date and pages', async () => {
		const first = await searchOk( harness, {
			q: 'pagination',
			sort: 'date',
			per_page: 4,
		} );
		assert.equal( first.total, 15 );
		assert.equal( first.pages, 4 );
		assert.equal( first.page, 1 );
		assert.deepEqual( ids( first ), [ 114, 113, 112, 111 ] );

		const last = await searchOk( harness, {
			q: 'pagination',
			sort: 'date',
			per_page: 4,
			page: 4,
		} );
		assert.deepEqual( ids( last ), [ 102, 101, 100 ] );

		const beyond = await searchOk( harness, {
			q: 'pagination',
			per_page: 4,
			page: 5,
		} );
		assert.deepEqual( beyond.results, [] );
		assert.equal( beyond.total, 15 );

		const none = await searchOk( harness, { q: 'xylophone' } );
		assert.equal( none.total, 0 );
		assert.equal( none.pages, 0 );
	} );

	it( 'refuses bad input with 400 invalid_request', async () => {
		const bad: Record< string, string | number >[] = [
			{},
			{ q: '' },
			{ q: '   ' },
			{ q: 'a'.repeat( 201 ) },
			{ q: 'nul\u0000byte' },
			{ q: 'line\nbreak' },
			{ q: 'x', page: 0 },
			{ q: 'x', page: 101 },
			{ q: 'x', page: 'two' },
			{ q: 'x', page: 1.5 },
			{ q: 'x', per_page: 0 },
			{ q: 'x', per_page: 51 },
			{ q: 'x', sort: 'random' },
			{ q: 'x', unknown: 1 },
			{ q: 'x', category: 'Bad Slug!' },
			{ q: 'x', after: 'yesterday' },
			{ q: 'x', after: '2026-13-01' },
			{ q: 'x', before: '2026-02-31' },
		];
		for ( const params of bad ) {
			const response = await harness.search( params );
			assert.equal( response.status, 400, JSON.stringify( params ) );
			const body = ( await response.json() ) as {
				code: string;
				message: string;
			};
			assert.equal(
				body.code,
				'invalid_request',
				JSON.stringify( params )
			);
		}

		const twice = await fetch(
			`${ harness.service.url }/v1/search?q=a&q=b`,
			{
				headers: {
					Authorization: `Bearer ${ harness.wordpress.token() }`,
				},
			}
		);
		assert.equal( twice.status, 400 );

		assert.equal(
			( await harness.search( { q: 'a'.repeat( 200 ) } ) ).status,
			200
		);
		assert.equal(
			( await harness.search( { q: '😀'.repeat( 200 ) } ) ).status,
			200
		);
	} );
} );
