/**
 * Without JavaScript the search block still works: a `?q=` URL shows server-rendered results, and the form
 * submits with GET to the same page.
 */
import { test, expect } from '../support/test';
import { latestPosts } from '../support/content';
import {
	createSearchPage,
	escapeRegExp,
	pointSiteAtSearchService,
	waitUntilIndexed,
} from '../support/search';

test.describe( 'Search without JavaScript', () => {
	test.use( {
		javaScriptEnabled: false,
		storageState: { cookies: [], origins: [] },
	} );

	let searchPage: { id: number; link: string };

	test.beforeAll( async ( { requestUtils } ) => {
		await pointSiteAtSearchService( requestUtils );
		searchPage = await createSearchPage(
			requestUtils,
			'Search, no script',
			{
				label: 'Search the archive',
				buttonText: 'Find',
			}
		);
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'DELETE',
			path: `/wp/v2/pages/${ searchPage.id }`,
			params: { force: true },
		} );
	} );

	test( 'a ?q= URL shows results, and the form searches with GET', async ( {
		page,
		requestUtils,
	} ) => {
		const [ first, second ] = await latestPosts( requestUtils, 2 );
		await waitUntilIndexed( first.title.raw, first.id );

		await page.goto(
			`${ searchPage.link }?q=${ encodeURIComponent( first.title.raw ) }`
		);
		const block = page.locator( '.wp-block-switchboard-search' );
		const search = block.getByRole( 'search' );
		const box = search.getByRole( 'searchbox', {
			name: 'Search the archive',
		} );
		await expect( box ).toHaveValue( first.title.raw );
		const summary = block.getByRole( 'heading', {
			level: 2,
			name: new RegExp(
				`results? for “${ escapeRegExp( first.title.raw ) }”`
			),
		} );
		await expect( summary ).toBeVisible();
		const list = block.getByRole( 'list', {
			name: await summary.innerText(),
		} );
		await expect(
			list
				.getByRole( 'heading', { level: 3 } )
				.getByRole( 'link', { name: first.title.raw, exact: true } )
		).toBeVisible();

		// The form is a plain GET form: submitting it loads the same page with the new terms in the URL.
		expect(
			await search.evaluate( ( form ) =>
				( form.getAttribute( 'method' ) ?? 'get' ).toLowerCase()
			)
		).toBe( 'get' );
		await box.fill( second.title.raw );
		await Promise.all( [
			page.waitForURL(
				( url ) => url.searchParams.get( 'q' ) === second.title.raw
			),
			search.getByRole( 'button', { name: 'Find' } ).click(),
		] );
		expect( new URL( page.url() ).pathname ).toBe(
			new URL( searchPage.link ).pathname
		);
		await expect(
			block
				.getByRole( 'list', {
					name: new RegExp(
						`results? for “${ escapeRegExp( second.title.raw ) }”`
					),
				} )
				.getByRole( 'link', { name: second.title.raw, exact: true } )
		).toBeVisible();
	} );
} );
