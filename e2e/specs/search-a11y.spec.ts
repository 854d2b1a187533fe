/**
 * axe finds no WCAG 2.1 A/AA violation on a search page in any state a visitor reaches with JavaScript:
 * before a search, with results (and facets), and with no results. (The fallback state is checked in
 * search-fallback.spec.ts, which stops the service.)
 */
import { test, expect, expectAccessible } from '../support/test';
import { latestPosts } from '../support/content';
import {
	createSearchPage,
	pointSiteAtSearchService,
	summaryName,
	uniqueWord,
} from '../support/search';

test.describe( 'Search page accessibility', () => {
	test.use( { storageState: { cookies: [], origins: [] } } );

	let searchPage: { id: number; link: string };

	test.beforeAll( async ( { requestUtils } ) => {
		await pointSiteAtSearchService( requestUtils );
		searchPage = await createSearchPage( requestUtils, 'Search (a11y)', {
			instant: true,
			showPostType: true,
			facets: [ 'category', 'post_tag', 'author', 'type', 'date' ],
		} );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'DELETE',
			path: `/wp/v2/pages/${ searchPage.id }`,
			params: { force: true },
		} );
	} );

	test( 'initial, results and no-results states pass axe', async ( {
		page,
		requestUtils,
	} ) => {
		const [ post ] = await latestPosts( requestUtils, 1 );
		const term = post.title.raw.split( ' ' ).slice( 0, 2 ).join( ' ' );
		await page.goto( searchPage.link );
		const block = page.locator( '.wp-block-switchboard-search' );
		const box = block
			.getByRole( 'search' )
			.getByRole( 'searchbox', { name: 'Search' } );
		await expect( box ).toBeVisible();
		await expectAccessible( page );

		// Results, reached by typing (the client-rendered state, with facets).
		await box.pressSequentially( term, { delay: 40 } );
		await expect(
			block.getByRole( 'heading', {
				level: 2,
				name: summaryName( term ),
			} )
		).toBeVisible();
		await expect(
			block.getByRole( 'group', { name: 'Category' } )
		).toBeVisible();
		await expect( block.getByRole( 'status' ) ).toHaveText(
			// A repeated count is announced again with a trailing no-break space (nextAnnouncement()).
			/^[\d,]+ results?\u00a0?$/
		);
		await expectAccessible( page );

		// No results.
		const nothing = uniqueWord( 'nothing' );
		await box.fill( nothing );
		await expect(
			block.getByRole( 'heading', {
				level: 2,
				name: summaryName( nothing, 0 ),
			} )
		).toBeVisible();
		await expect( block.getByRole( 'status' ) ).toHaveText( '0 results' );
		await expectAccessible( page );

		// The server-rendered results state (first paint of a ?q= URL) too.
		await page.goto(
			`${ searchPage.link }?q=${ encodeURIComponent( term ) }`
		);
		await expect(
			block.getByRole( 'heading', {
				level: 2,
				name: summaryName( term ),
			} )
		).toBeVisible();
		await expectAccessible( page );
	} );
} );
