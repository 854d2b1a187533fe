/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import type { SearchAnswer } from '../../shared/types/search';
import {
	format,
	pageNumbers,
	present,
	type Config,
	type Strings,
} from '../present';
import type { SearchState } from '../url-state';

const strings: Strings = {
	emptyQueryMessage: 'Type something.',
	summaryOne: '%1$s result for “%2$s”',
	summaryMany: '%1$s results for “%2$s”',
	summaryNone: 'No results for “%s”',
	countOne: '%s result',
	countMany: '%s results',
	searching: 'Searching…',
	failed: 'Failed.',
	pageLabel: 'Page %s',
	legends: {
		category: 'Category',
		post_tag: 'Tag',
		author: 'Author',
		type: 'Content type',
		date: 'Date',
	},
	anyTime: 'Any time',
	types: { post: 'Post', page: 'Page' },
};

const config: Config = {
	perPage: 2,
	instant: true,
	showExcerpt: true,
	showDate: true,
	showPostType: true,
	showImage: false,
	facets: [ 'category', 'type', 'date' ],
	kept: {},
};

const searched: SearchState = {
	q: 'cafe',
	page: 1,
	lists: { category: [ '12' ] },
	date: '',
	sort: 'relevance',
};

const answer: SearchAnswer = {
	results: [
		{
			id: 5,
			title: 'Café crème',
			url: 'https://example.org/cafe/',
			excerpt: 'Strong <b>coffee</b>',
			date: '2026-01-02T03:04:05+00:00',
			type: 'post',
			highlights: { title: [ [ 0, 4 ] ], excerpt: [] },
		},
	],
	total: 1234,
	page: 1,
	pages: 617,
	facets: {
		category: [
			{ value: '12', label: 'News', count: 3 },
			{ value: '13', label: 'Events', count: 1 },
		],
		type: [ { value: 'post', label: 'post', count: 1234 } ],
		date: [ { value: 'past-week', label: 'Past week', count: 0 } ],
	},
	suggestion: 'cafe',
};

describe( 'format', () => {
	it( 'fills numbered and plain placeholders as sprintf does', () => {
		expect( format( '%2$s then %1$s', 'a', 'b' ) ).toBe( 'b then a' );
		expect( format( 'Page %s', '3' ) ).toBe( 'Page 3' );
	} );
} );

describe( 'pageNumbers', () => {
	it( 'shows the ends, the current page and its neighbours, with gaps', () => {
		expect( pageNumbers( 5, 10 ) ).toEqual( [
			1,
			null,
			4,
			5,
			6,
			null,
			10,
		] );
		expect( pageNumbers( 1, 3 ) ).toEqual( [ 1, 2, 3 ] );
		expect( pageNumbers( 3, 5 ) ).toEqual( [ 1, 2, 3, 4, 5 ] );
	} );
} );

describe( 'present', () => {
	const view = present( answer, searched, config, strings, 'en-US' );

	it( 'summarizes the count with the locale’s digits', () => {
		expect( view.summary ).toBe( '1,234 results for “cafe”' );
		expect( view.total ).toBe( 1234 );
		expect( view.empty ).toBe( false );
		expect( view.start ).toBe( 1 );
	} );

	it( 'shapes results with highlight segments, labels and a readable date', () => {
		expect( view.results ).toEqual( [
			{
				id: 5,
				url: 'https://example.org/cafe/',
				title: [
					{ t: '', m: [ 'Café' ] },
					{ t: ' crème', m: [] },
				],
				excerpt: [ { t: 'Strong <b>coffee</b>', m: [] } ],
				hasExcerpt: true,
				date: '2026-01-02T03:04:05+00:00',
				dateText: 'January 2, 2026',
				type: 'Post',
				noMeta: false,
				hasImage: false,
				images: [],
			},
		] );
	} );

	it( 'offers each shown facet as options named by label and count, with the chosen ones checked', () => {
		expect( view.facets.map( ( facet ) => facet.name ) ).toEqual( [
			'category',
			'type',
			'date',
		] );
		expect( view.facets[ 0 ] ).toEqual( {
			name: 'category',
			field: 'qcategory',
			kind: 'checkbox',
			legend: 'Category',
			options: [
				{ value: '12', text: 'News (3)', checked: true },
				{ value: '13', text: 'Events (1)', checked: false },
			],
			hidden: false,
		} );
		expect( view.facets[ 1 ].options[ 0 ].text ).toBe( 'Post (1,234)' );
		expect( view.facets[ 2 ] ).toMatchObject( {
			field: 'qdate',
			kind: 'radio',
			options: [
				{ value: '', text: 'Any time', checked: true },
				{ value: 'past-week', text: 'Past week (0)', checked: false },
			],
		} );
	} );

	it( 'links pages with the C4 URL state and labels them', () => {
		expect( view.paged ).toBe( true );
		expect( view.prevUrl ).toBe( '' );
		expect( view.nextUrl ).toBe( '?q=cafe&qpage=2&qcategory=12' );
		expect( view.pageLinks.map( ( link ) => link.text ) ).toEqual( [
			'1',
			'2',
			'…',
			'617',
		] );
		expect( view.pageLinks[ 0 ] ).toEqual( {
			key: '1',
			gap: false,
			url: '?q=cafe&qcategory=12',
			label: 'Page 1',
			text: '1',
			current: 'page',
		} );
	} );

	it( 'offers a different spelling only when few results were found', () => {
		expect( view.suggestion ).toBe( '' );

		const few = present(
			{
				...answer,
				total: 0,
				pages: 0,
				results: [],
				suggestion: 'coffee',
			},
			searched,
			config,
			strings,
			'en-US'
		);

		expect( few.suggestion ).toBe( 'coffee' );
		expect( few.suggestionUrl ).toBe( '?q=coffee' );
		expect( few.summary ).toBe( 'No results for “cafe”' );
		expect( few.empty ).toBe( true );
		expect( few.paged ).toBe( false );
	} );

	it( 'leaves out what the block does not show', () => {
		const bare = present(
			answer,
			searched,
			{
				...config,
				showExcerpt: false,
				showDate: false,
				showPostType: false,
			},
			strings,
			'en-US'
		).results[ 0 ];

		expect( bare ).toMatchObject( {
			excerpt: [],
			hasExcerpt: false,
			date: '',
			dateText: '',
			type: '',
			noMeta: true,
		} );
	} );
} );
