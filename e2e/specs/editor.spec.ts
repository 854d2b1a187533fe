/**
 * An editor writing a post: the block editor opens cleanly, offers Switchboard's blocks, and previews
 * them with the site's real content, as visitors will see it.
 */
import { test, expect } from '../support/test';
import { latestPosts } from '../support/content';

test.describe( 'Editor', () => {
	test( 'the block editor opens with no errors and the canvas takes text', async ( {
		admin,
		editor,
		page,
	} ) => {
		await admin.createNewPost();
		const title = editor.canvas.getByRole( 'textbox', {
			name: 'Add title',
		} );
		await expect( title ).toBeVisible();
		await title.fill( 'A post about switchboards' );
		await editor.insertBlock( {
			name: 'core/paragraph',
			attributes: { content: 'Hello from the editor.' },
		} );
		await expect(
			editor.canvas.getByText( 'Hello from the editor.' )
		).toBeVisible();
		await expect(
			page.locator( '.components-notice.is-error' )
		).toHaveCount( 0 );
	} );

	test( 'the inserter offers the Switchboard blocks, and the feed previews real posts', async ( {
		admin,
		editor,
		page,
		requestUtils,
	} ) => {
		await admin.createNewPost();
		await page
			.getByRole( 'button', { name: 'Block Inserter', exact: true } )
			.click();
		const library = page.getByRole( 'region', { name: 'Block Library' } );
		await library.getByRole( 'searchbox' ).fill( 'Switchboard' );
		// In the blocks' own list: the theme's patterns are offered below in another, and their
		// descriptions mention the blocks. (A block option's name starts with its dashicon's glyph.)
		const block = ( name: string ) =>
			library
				.getByRole( 'listbox', { name: 'Blocks', exact: true } )
				.getByRole( 'option', { name } );
		await expect( block( 'Switchboard Search' ) ).toBeVisible();
		await block( 'Switchboard Feed' ).click();

		// The preview is the server's render of the block: the newest posts, as a visitor gets them.
		const [ newest ] = await latestPosts( requestUtils, 1 );
		const feed = editor.canvas.locator( '[data-type="switchboard/feed"]' );
		await expect(
			feed.getByRole( 'link', { name: newest.title.raw } ).first()
		).toBeVisible();
		expect( await editor.getBlocks() ).toMatchObject( [
			{ name: 'switchboard/feed' },
		] );
	} );

	test( 'the search block previews the results of a sample search, and its settings change them', async ( {
		admin,
		editor,
		page,
		requestUtils,
	} ) => {
		const [ newest ] = await latestPosts( requestUtils, 1 );
		await admin.createNewPost();
		await editor.insertBlock( { name: 'switchboard/search' } );
		await editor.openDocumentSettingsSidebar();
		const settings = page.getByRole( 'region', {
			name: 'Editor settings',
		} );
		await settings
			.getByRole( 'textbox', { name: 'Preview results for' } )
			.fill( newest.title.raw );

		const search = editor.canvas.locator(
			'[data-type="switchboard/search"]'
		);
		await expect( search.getByRole( 'searchbox' ) ).toBeVisible();
		await expect(
			search.getByRole( 'link', { name: newest.title.raw } ).first()
		).toBeVisible();
		await expect( search.getByText( newest.excerpt.raw ) ).toBeVisible();

		await settings
			.getByRole( 'checkbox', { name: 'Show excerpt' } )
			.click();
		await expect( search.getByText( newest.excerpt.raw ) ).toBeHidden();
		expect( await editor.getBlocks() ).toMatchObject( [
			{ name: 'switchboard/search', attributes: { showExcerpt: false } },
		] );
	} );
} );
