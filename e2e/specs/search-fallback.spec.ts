/**
 * With the search service stopped, visitors still get results: the gateway falls back to WordPress's own
 * search, rendered in the same markup with a short note, and the page stays accessible. The service is
 * started again afterwards, and the journey waits until the gateway answers from it again.
 */
import { test, expect, expectAccessible } from '../support/test';
import {
	createPost,
	createSearchPage,
	pointSiteAtSearchService,
	summaryName,
	uniqueWord,
	waitUntilIndexed,
	waitUntilServiceAnswers,
} from '../support/search';
import {
	isManaged,
	startSearchService,
	stopSearchService,
} from '../support/search-service';

const FALLBACK_NOTE = 'Showing basic results while full search is unavailable.';

test.describe( 'Search when the service is down', () => {
	// eslint-disable-next-line playwright/no-skipped-test -- against a site given from outside, its service is not ours to stop.
	test.skip(
		! isManaged(),
		'Stopping the search service needs the one this run started.'
	);
	test.use( { storageState: { cookies: [], origins: [] } } );

	let searchPage: { id: number; link: string };
	let post: { id: number; link: string };
	const word = uniqueWord( 'down' );
	const title = `Outage drill for ${ word }`;

	test.beforeAll( async ( { requestUtils } ) => {
		// Room for waitUntilIndexed()'s bound: a delivery that failed waits for WP-Cron's retry.
		test.setTimeout( 120_000 );
		await pointSiteAtSearchService( requestUtils );
		searchPage = await createSearchPage( requestUtils, 'Search (outage)', {
			label: 'Search the archive',
			instant: true,
		} );
		post = await createPost( requestUtils, {
			title,
			content: `<!-- wp:paragraph --><p>The ${ word } drill checks what readers get when search is down.</p><!-- /wp:paragraph -->`,
		} );
		await waitUntilIndexed( word, post.id );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await startSearchService();
		await waitUntilServiceAnswers();
		await requestUtils.rest( {
			method: 'DELETE',
			path: `/wp/v2/posts/${ post.id }`,
			params: { force: true },
		} );
		await requestUtils.rest( {
			method: 'DELETE',
			path: `/wp/v2/pages/${ searchPage.id }`,
			params: { force: true },
		} );
	} );

	test( 'WordPress search answers in the same markup, with a note, and passes axe', async ( {
		page,
	} ) => {
		await stopSearchService();

		// Words this run never asked the gateway for, so no cached answer can stand in for the fallback.
		const firstQuery = `${ word } drill`;
		await page.goto(
			`${ searchPage.link }?q=${ encodeURIComponent( firstQuery ) }`
		);
		const main = page.locator( '.wp-block-switchboard-search' );
		await expect( main.getByText( FALLBACK_NOTE ) ).toBeVisible();
		const summary = main.getByRole( 'heading', {
			level: 2,
			name: summaryName( firstQuery, 1 ),
		} );
		await expect( summary ).toBeVisible();
		await expect(
			main
				.getByRole( 'list', { name: summaryName( firstQuery, 1 ) } )
				.getByRole( 'heading', { level: 3 } )
				.getByRole( 'link', { name: title, exact: true } )
		).toBeVisible();
		await expectAccessible( page );

		// With JavaScript, a new search still answers from the fallback, without a page load.
		const secondQuery = `outage ${ word }`;
		const box = main
			.getByRole( 'search' )
			.getByRole( 'searchbox', { name: 'Search the archive' } );
		await page.evaluate( () => {
			( window as unknown as { noReload: boolean } ).noReload = true;
		} );
		await box.fill( secondQuery );
		await expect(
			main.getByRole( 'heading', {
				level: 2,
				name: summaryName( secondQuery, 1 ),
			} )
		).toBeVisible();
		await expect(
			main
				.getByRole( 'list', { name: summaryName( secondQuery, 1 ) } )
				.getByRole( 'link', { name: title, exact: true } )
		).toBeVisible();
		await expect( main.getByText( FALLBACK_NOTE ) ).toBeVisible();
		await expect( main.getByRole( 'status' ) ).toHaveText( '1 result' );
		expect(
			await page.evaluate(
				() => ( window as unknown as { noReload?: boolean } ).noReload
			)
		).toBe( true );
		await expectAccessible( page );
	} );
} );
