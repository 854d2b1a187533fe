/**
 * A visitor browsing the demo site: the theme frames every template and shows the real content.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from '../support/test';
import {
	latestPosts,
	postsInCategory,
	usedCategories,
} from '../support/content';

/**
 * Every image in the main region that is on screen or above it has really loaded.
 * @param page
 */
async function expectImagesLoaded( page: Page ): Promise< void > {
	const images = page.getByRole( 'main' ).locator( 'img' );
	const count = await images.count();
	for ( let index = 0; index < Math.min( count, 6 ); index++ ) {
		const image = images.nth( index );
		await image.scrollIntoViewIfNeeded();
		await expect
			.poll( () =>
				image.evaluate(
					( element: HTMLImageElement ) =>
						element.complete && element.naturalWidth
				)
			)
			.toBeGreaterThan( 0 );
	}
}

/**
 * The header and footer of the theme frame the page.
 * @param page
 */
async function expectThemeFrame( page: Page ): Promise< void > {
	await expect( page.getByRole( 'banner' ) ).toBeVisible();
	await expect( page.getByRole( 'contentinfo' ) ).toBeVisible();
	await expect( page.getByRole( 'main' ) ).toBeVisible();
	await expect(
		page
			.locator(
				'link[rel="stylesheet"][href*="switchboard-theme"], style#global-styles-inline-css'
			)
			.first()
	).toBeAttached();
}

test.describe( 'Visitor browsing the site', () => {
	test.use( { storageState: { cookies: [], origins: [] } } );

	test( 'the front page lists the latest posts with their images', async ( {
		page,
		requestUtils,
	} ) => {
		const posts = await latestPosts( requestUtils, 3 );
		await page.goto( '/' );
		await expectThemeFrame( page );
		for ( const post of posts ) {
			await expect(
				page
					.getByRole( 'main' )
					.getByRole( 'link', { name: post.title.raw, exact: true } )
					.first()
			).toBeVisible();
		}
		await expectImagesLoaded( page );
		await expectAccessible( page );
	} );

	test( 'a single post shows its title, author, content and tags', async ( {
		page,
		requestUtils,
	} ) => {
		const [ post ] = await latestPosts( requestUtils, 1 );
		await page.goto( post.link );
		await expectThemeFrame( page );
		await expect( page.getByRole( 'heading', { level: 1 } ) ).toHaveText(
			post.title.raw
		);
		const author = await requestUtils.rest< { name: string } >( {
			path: `/wp/v2/users/${ post.author }`,
		} );
		await expect(
			page.getByRole( 'main' ).getByText( author.name ).first()
		).toBeVisible();
		await expect(
			page.getByRole( 'main' ).locator( 'p' ).nth( 2 )
		).toBeVisible();
		const tag = await requestUtils.rest< { name: string } >( {
			path: `/wp/v2/tags/${ post.tags[ 0 ] }`,
		} );
		await expect(
			page
				.getByRole( 'main' )
				.getByRole( 'link', { name: tag.name, exact: true } )
				.first()
		).toBeVisible();
		await expectImagesLoaded( page );
		await expectAccessible( page );
	} );

	test( 'a category archive shows that category and its posts', async ( {
		page,
		requestUtils,
	} ) => {
		const [ category ] = await usedCategories( requestUtils );
		const posts = await postsInCategory( requestUtils, category.id );
		await page.goto( category.link );
		await expectThemeFrame( page );
		await expect( page.getByRole( 'heading', { level: 1 } ) ).toContainText(
			category.name
		);
		await expect(
			page
				.getByRole( 'main' )
				.getByRole( 'link', {
					name: posts[ 0 ].title.raw,
					exact: true,
				} )
				.first()
		).toBeVisible();
		await expectImagesLoaded( page );
		await expectAccessible( page );
	} );

	test( 'the search template finds a post by a word of its title, and says when nothing matches', async ( {
		page,
		requestUtils,
	} ) => {
		const [ post ] = await latestPosts( requestUtils, 1 );
		const word = post.title.raw
			.split( /\s+/ )
			.sort( ( a, b ) => b.length - a.length )[ 0 ]
			.replace( /[^\p{L}\p{N}-]/gu, '' );
		await page.goto( `/?s=${ encodeURIComponent( word ) }` );
		await expectThemeFrame( page );
		await expect(
			page
				.getByRole( 'main' )
				.getByRole( 'link', { name: post.title.raw, exact: true } )
				.first()
		).toBeVisible();
		await expect(
			page.getByRole( 'main' ).getByRole( 'searchbox' ).first()
		).toHaveValue( word );
		await expectAccessible( page );

		await page.goto( '/?s=zzqxjv-nothing-matches' );
		await expect( page.getByRole( 'main' ) ).toContainText(
			/no results|nothing|didn.t find|not find/i
		);
		await expect(
			page.getByRole( 'main' ).getByRole( 'searchbox' ).first()
		).toBeVisible();
	} );

	test( 'a missing page answers 404 and helps the visitor on', async ( {
		page,
		pageErrors,
	} ) => {
		const response = await page.goto( '/this-page-does-not-exist/' );
		expect( response?.status() ).toBe( 404 );
		// Chromium reports the document's own 404 as a console error; that one is the point of this test.
		const ownStatus = pageErrors.findIndex(
			( error ) =>
				error.includes( 'status of 404' ) &&
				error.includes( '/this-page-does-not-exist/' )
		);
		expect( ownStatus ).toBeGreaterThanOrEqual( 0 );
		pageErrors.splice( ownStatus, 1 );
		await expectThemeFrame( page );
		await expect(
			page.getByRole( 'main' ).getByRole( 'searchbox' ).first()
		).toBeVisible();
		await expectAccessible( page );
	} );
} );
