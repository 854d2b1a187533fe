/**
 * A misspelled query still gets the visitor to the right post: the results find it, or "Did you mean"
 * offers the corrected query, whose link finds it.
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import { test, expect } from '../support/test';
import {
	createSearchPage,
	pointSiteAtSearchService,
	summaryName,
} from '../support/search';

/** The demo content has a post about circuit breakers; the visitor types the words wrong. */
const INTENDED = 'circuit breaker';
const MISSPELLED = 'circut breaker';
/** A longer query that only a few posts match, so the block offers the corrected spelling. */
const NARROW_INTENDED = 'circuit breaker taught';
const NARROW_MISSPELLED = 'circut breaker taught';

test.describe( 'Misspelled search', () => {
	test.use( { storageState: { cookies: [], origins: [] } } );

	let searchPage: { id: number; link: string };

	test.beforeAll( async ( { requestUtils } ) => {
		await pointSiteAtSearchService( requestUtils );
		searchPage = await createSearchPage( requestUtils, 'Search (typos)', {
			label: 'Search the archive',
		} );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'DELETE',
			path: `/wp/v2/pages/${ searchPage.id }`,
			params: { force: true },
		} );
	} );

	/**
	 * The right post, as WordPress itself finds it with the correct spelling: the one titled so.
	 * @param requestUtils Logged-in REST helper.
	 */
	async function rightTitle( requestUtils: RequestUtils ): Promise< string > {
		const candidates = await requestUtils.rest<
			Array< { id: number; title: { raw: string } } >
		>( {
			path: '/wp/v2/posts',
			params: { search: INTENDED, context: 'edit', per_page: 20 },
		} );
		const titles = candidates
			.map( ( post ) => post.title.raw )
			.filter( ( title ) => title.toLowerCase().includes( INTENDED ) );
		expect(
			titles,
			`one demo post titled with "${ INTENDED }"`
		).toHaveLength( 1 );
		return titles[ 0 ];
	}

	test( `"${ MISSPELLED }" finds the post about ${ INTENDED }s first`, async ( {
		page,
		requestUtils,
	} ) => {
		const title = await rightTitle( requestUtils );
		await page.goto(
			`${ searchPage.link }?q=${ encodeURIComponent( MISSPELLED ) }`
		);
		const block = page.locator( '.wp-block-switchboard-search' );
		await expect(
			block
				.getByRole( 'list', { name: summaryName( MISSPELLED ) } )
				.getByRole( 'heading', { level: 3 } )
				.getByRole( 'link' )
				.first()
		).toHaveText( title );
	} );

	test( `few results for "${ NARROW_MISSPELLED }": "Did you mean" links to the corrected search, which finds it`, async ( {
		page,
		requestUtils,
	} ) => {
		const title = await rightTitle( requestUtils );
		await page.goto(
			`${ searchPage.link }?q=${ encodeURIComponent( NARROW_MISSPELLED ) }`
		);
		const block = page.locator( '.wp-block-switchboard-search' );
		await expect(
			block.getByRole( 'heading', {
				level: 2,
				name: summaryName( NARROW_MISSPELLED ),
			} )
		).toBeVisible();
		await expect( block.getByText( /Did you mean/ ) ).toBeVisible();
		const suggestion = block.getByRole( 'link', {
			name: NARROW_INTENDED,
			exact: true,
		} );
		const href = await suggestion.getAttribute( 'href' );
		expect(
			new URL( href ?? '', page.url() ).searchParams.get( 'q' )
		).toBe( NARROW_INTENDED );
		await suggestion.click();
		await expect( page ).toHaveURL(
			( url ) => url.searchParams.get( 'q' ) === NARROW_INTENDED
		);
		await expect(
			block
				.getByRole( 'list', { name: summaryName( NARROW_INTENDED ) } )
				.getByRole( 'heading', { level: 3 } )
				.getByRole( 'link' )
				.first()
		).toHaveText( title );
	} );
} );
