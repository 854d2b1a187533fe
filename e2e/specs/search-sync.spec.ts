/**
 * The index follows the site by itself: a post published in the editor is searchable within seconds, and
 * gone as fast once trashed, with no manual step (the outbox's kick delivers the event).
 */
import { test, expect } from '../support/test';
import {
	SYNC_BOUND_MS,
	createSearchPage,
	gatewaySearch,
	pointSiteAtSearchService,
	uniqueWord,
	waitUntilGone,
	waitUntilSearchable,
} from '../support/search';

test.describe( 'Search index sync', () => {
	let searchPage: { id: number; link: string };

	test.beforeAll( async ( { requestUtils } ) => {
		await pointSiteAtSearchService( requestUtils );
		searchPage = await createSearchPage( requestUtils, 'Find it', {
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

	test( 'a post published in the editor becomes searchable, and a trashed one disappears, within the bound', async ( {
		admin,
		editor,
		page,
		requestUtils,
	} ) => {
		const word = uniqueWord( 'sync' );
		const title = `Field notes on ${ word }`;
		await admin.createNewPost();
		await editor.canvas
			.getByRole( 'textbox', { name: 'Add title' } )
			.fill( title );
		await editor.insertBlock( {
			name: 'core/paragraph',
			attributes: {
				content: `What we learned from the ${ word } survey, in three short lessons.`,
			},
		} );
		const id = await editor.publishPost();
		expect( id ).not.toBeNull();
		const postId = id as number;

		// Bounded poll of the gateway, as a visitor's browser asks: the service (not the fallback) finds it.
		const published = await waitUntilSearchable( word, postId );
		expect( published ).toBeLessThanOrEqual( SYNC_BOUND_MS );

		// A visitor on the search page gets it too, in the server-rendered first paint.
		await page.goto( `${ searchPage.link }?q=${ word }` );
		const main = page.locator( '.wp-block-switchboard-search' );
		await expect(
			main.getByRole( 'heading', { level: 2, name: /1 result/ } )
		).toBeVisible();
		await expect(
			main
				.getByRole( 'listitem' )
				.getByRole( 'heading', { level: 3 } )
				.getByRole( 'link', { name: title } )
		).toBeVisible();

		await requestUtils.rest( {
			method: 'DELETE',
			path: `/wp/v2/posts/${ postId }`,
		} );
		const trashed = await waitUntilGone( word, postId );
		expect( trashed ).toBeLessThanOrEqual( SYNC_BOUND_MS );
		const after = await gatewaySearch( { q: word } );
		expect( after.body.total ).toBe( 0 );
	} );
} );
