/**
 * An editor writing a post: the block editor opens cleanly and offers Switchboard's blocks.
 */
import { test, expect } from '../support/test';

test.describe( 'Editor', () => {
	test( 'the block editor opens with no errors and the canvas takes text', async ( {
		admin,
		editor,
		page,
	} ) => {
		await admin.createNewPost();
		await expect(
			editor.canvas.getByRole( 'textbox', { name: 'Add title' } )
		).toBeVisible();
		await editor.canvas
			.getByRole( 'textbox', { name: 'Add title' } )
			.fill( 'A post about switchboards' );
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

	test( 'the inserter lists the Switchboard blocks in their own category', async ( {
		admin,
		page,
	} ) => {
		await admin.createNewPost();
		await page
			.getByRole( 'button', { name: 'Block Inserter', exact: true } )
			.click();
		const inserter = page.getByRole( 'region', { name: 'Block Library' } );
		await inserter.getByRole( 'searchbox' ).fill( 'Switchboard' );
		const blocks = inserter.getByRole( 'listbox' ).getByRole( 'option' );
		await expect( blocks.first() ).toBeVisible();
		const names = await blocks.allInnerTexts();
		expect( names.length ).toBeGreaterThanOrEqual( 2 );
	} );
} );
