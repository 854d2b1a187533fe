/**
 * An editor adds the feed block to a page, configures it (heading, count, layout, reasons, a category scope
 * and a pinned post), previews it "as" a sample reader of a category (the real feed service ranking for that
 * profile, with its reasons), and publishes: visitors get the configured, server-rendered list.
 */
import { test, expect } from '../support/test';
import { postsInCategory, usedCategories } from '../support/content';
import { pointSiteAtFeedService } from '../support/feed-service';
import { feedBlocks, listedCategories, listedLinks } from '../support/feed';

test.describe( 'Editor configuring the feed block', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await pointSiteAtFeedService( requestUtils );
	} );

	test( 'configures the block, previews it as a reader profile and publishes it', async ( {
		admin,
		editor,
		page,
		requestUtils,
	} ) => {
		const categories = ( await usedCategories( requestUtils ) )
			.filter( ( category ) => category.count >= 6 )
			.sort( ( a, b ) => b.count - a.count );
		expect( categories.length ).toBeGreaterThanOrEqual( 2 );
		const [ scope, other ] = categories;
		const [ pinned ] = await postsInCategory( requestUtils, other.id );

		await admin.createNewPost( { postType: 'page', title: 'Feed desk' } );
		await editor.insertBlock( { name: 'switchboard/feed' } );
		await editor.openDocumentSettingsSidebar();
		const settings = page.getByRole( 'region', {
			name: 'Editor settings',
		} );
		await settings
			.getByRole( 'textbox', { name: 'Heading', exact: true } )
			.fill( 'Desk picks' );
		await settings
			.getByRole( 'spinbutton', { name: 'Number of posts' } )
			.fill( '4' );
		await settings
			.getByRole( 'combobox', { name: 'Layout' } )
			.selectOption( 'grid' );
		await settings
			.getByRole( 'checkbox', { name: 'Show why each post is listed' } )
			.check();
		await settings
			.getByRole( 'checkbox', { name: 'Show category' } )
			.check();

		const scopeField = settings.getByRole( 'combobox', {
			name: 'Only from categories',
		} );
		await scopeField.fill( scope.name );
		await scopeField.press( 'Enter' );
		await scopeField.fill( other.name );
		await scopeField.press( 'Enter' );

		const pinField = settings.getByRole( 'combobox', {
			name: 'Pin a post',
		} );
		await pinField.fill( pinned.title.raw.slice( 0, 20 ) );
		await page
			.getByRole( 'option', { name: pinned.title.raw, exact: true } )
			.click();
		await expect(
			settings
				.getByRole( 'list', { name: 'Pinned posts' } )
				.getByRole( 'listitem' )
		).toHaveCount( 1 );

		// The preview as a sample reader of the scope's first category: the service's ranking for that
		// profile, with the reason under each post it chose for the category.
		await settings
			.getByRole( 'combobox', { name: 'Preview as' } )
			.selectOption( { label: `A reader of ${ scope.name }` } );
		const block = editor.canvas.locator( '[data-type="switchboard/feed"]' );
		await expect(
			block.getByRole( 'heading', { name: 'Desk picks' } )
		).toBeVisible();
		await expect(
			block.getByText( `Because you read ${ scope.name }` ).first()
		).toBeVisible();
		await expect(
			block.getByRole( 'listitem' ).first().getByRole( 'link' )
		).toHaveText( pinned.title.raw );
		await expect( block.getByRole( 'listitem' ) ).toHaveCount( 4 );

		expect( await editor.getBlocks() ).toMatchObject( [
			{
				name: 'switchboard/feed',
				attributes: {
					heading: 'Desk picks',
					count: 4,
					layout: 'grid',
					showReason: true,
					includeCategories: [ scope.id, other.id ],
					pinned: [ pinned.id ],
				},
			},
		] );

		const pageId = await editor.publishPost();
		const published = await requestUtils.rest< { link: string } >( {
			path: `/wp/v2/pages/${ pageId }`,
		} );
		await page.goto( published.link );
		const front = feedBlocks( page ).first();
		await expect(
			front.getByRole( 'heading', { name: 'Desk picks' } )
		).toBeVisible();
		const links = await listedLinks( front );
		expect( links ).toHaveLength( 4 );
		expect( links[ 0 ] ).toBe( pinned.link );
		await expect( front.getByText( 'Editor’s pick' ) ).toBeVisible();
		for ( const name of await listedCategories( front ) ) {
			expect( [ scope.name, other.name ] ).toContain( name );
		}
	} );
} );
