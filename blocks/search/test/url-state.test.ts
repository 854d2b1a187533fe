/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import {
	gatewayQuery,
	parseState,
	rangeStart,
	stateUrl,
	type SearchState,
} from '../url-state';

const NOW = Date.UTC( 2026, 10, 23, 9, 41, 17 );

const state = ( patch: Partial< SearchState > = {} ): SearchState => ( {
	q: 'red shoes',
	page: 1,
	lists: {},
	date: '',
	sort: 'relevance',
	...patch,
} );

describe( 'parseState', () => {
	it( 'reads every C4 variable', () => {
		expect(
			parseState(
				'?q=red+shoes&qpage=3&qcategory=4,7&qtag=9&qauthor=2&qtype=post,page&qdate=past-month&qsort=date'
			)
		).toEqual( {
			q: 'red shoes',
			page: 3,
			lists: {
				category: [ '4', '7' ],
				post_tag: [ '9' ],
				author: [ '2' ],
				type: [ 'post', 'page' ],
			},
			date: 'past-month',
			sort: 'date',
		} );
	} );

	it( 'reads lists repeated, as a form without JavaScript submits them', () => {
		expect(
			parseState( '?q=x&qcategory=4&qcategory=7%2C4&qdate=&qsort=' ).lists
		).toEqual( { category: [ '4', '7' ] } );
	} );

	it( 'drops values the gateway would refuse', () => {
		expect(
			parseState(
				'?q=%20%20a%20%20b%20&qpage=-3&qcategory=news,0,5&qtype=Post,ok_type&qdate=yesterday&qsort=title'
			)
		).toEqual( {
			q: 'a b',
			page: 1,
			lists: { category: [ '5' ], type: [ 'ok_type' ] },
			date: '',
			sort: 'relevance',
		} );
	} );

	it( 'reads WordPress’s `s` as the term on the search template, unless `q` is there', () => {
		expect( parseState( '?s=tides' ).q ).toBe( 'tides' );
		expect( parseState( '?s=tides&q=boats' ).q ).toBe( 'boats' );
	} );

	it( 'clamps the page to the gateway’s deepest', () => {
		expect( parseState( '?q=x&qpage=5000' ).page ).toBe( 100 );
	} );
} );

describe( 'stateUrl', () => {
	it( 'writes only what differs from the defaults, after the kept page variables', () => {
		expect( stateUrl( state(), { page_id: '12' } ) ).toBe(
			'?page_id=12&q=red+shoes'
		);
		expect(
			stateUrl(
				state( {
					page: 2,
					lists: { category: [ '4', '7' ], type: [ 'post' ] },
					date: 'past-week',
					sort: 'date',
				} )
			)
		).toBe(
			'?q=red+shoes&qpage=2&qcategory=4%2C7&qtype=post&qdate=past-week&qsort=date'
		);
	} );

	it( 'round-trips through parseState', () => {
		const original = state( {
			page: 4,
			lists: { post_tag: [ '3' ], author: [ '8', '9' ] },
			date: 'past-year',
		} );

		expect( parseState( stateUrl( original ) ) ).toEqual( original );
	} );
} );

describe( 'gatewayQuery', () => {
	it( 'uses the gateway’s parameter names and turns a date range into `after`', () => {
		const query = new URLSearchParams(
			gatewayQuery(
				state( {
					page: 2,
					lists: { category: [ '4' ], post_tag: [ '9', '10' ] },
					date: 'past-week',
					sort: 'date',
				} ),
				5,
				NOW
			)
		);

		expect( Object.fromEntries( query ) ).toEqual( {
			q: 'red shoes',
			page: '2',
			per_page: '5',
			category: '4',
			tag: '9,10',
			after: '2026-11-16T09:00:00Z',
			sort: 'date',
		} );
	} );

	it( 'leaves out the defaults, as the server does', () => {
		expect( gatewayQuery( state(), 10, NOW ) ).toBe(
			'q=red+shoes&page=1&per_page=10'
		);
	} );
} );

describe( 'rangeStart', () => {
	it( 'counts back the range’s days and rounds down to the hour', () => {
		expect( rangeStart( 'past-month', NOW ) ).toBe(
			'2026-10-24T09:00:00Z'
		);
		expect( rangeStart( 'past-year', NOW ) ).toBe( '2025-11-23T09:00:00Z' );
	} );
} );
