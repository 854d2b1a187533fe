/**
 * Every Switchboard block the editor knows can be inserted, saved and loaded again without becoming
 * invalid, and without a JavaScript error (the `pageErrors` guard fails the journey on any).
 */
import { test, expect } from '../support/test';

type BlockState = {
	name: string;
	isValid: boolean;
	validationIssues: unknown[];
};

test.describe( 'Every Switchboard block', () => {
	test( 'inserts, saves and reloads with no invalid content', async ( {
		admin,
		editor,
		page,
	} ) => {
		await admin.createNewPost( { title: 'Every Switchboard block' } );
		const names: string[] = await page.evaluate( () =>
			window.wp.blocks
				.getBlockTypes()
				.map( ( type: { name: string } ) => type.name )
				.filter( ( name: string ) => name.startsWith( 'switchboard/' ) )
				.sort()
		);
		// The registry must hold at least the blocks the build produced (see plugin/build/blocks-manifest.php).
		expect( names ).toEqual(
			expect.arrayContaining( [
				'switchboard/feed',
				'switchboard/search',
			] )
		);
		for ( const name of names ) {
			await editor.insertBlock( { name } );
		}
		expect(
			( await editor.getBlocks() ).map( ( block ) => block.name )
		).toEqual( names );

		await editor.saveDraft();
		await page.reload();
		await expect(
			editor.canvas.getByRole( 'textbox', { name: 'Add title' } )
		).toHaveText( 'Every Switchboard block' );

		const blocks = await page.evaluate( () =>
			window.wp.data
				.select( 'core/block-editor' )
				.getBlocks()
				.map(
					( block: {
						name: string;
						isValid: boolean;
						validationIssues?: unknown[];
					} ) => ( {
						name: block.name,
						isValid: block.isValid,
						validationIssues: block.validationIssues ?? [],
					} )
				)
		);
		expect( blocks ).toEqual(
			names.map( ( name ): BlockState => ( {
				name,
				isValid: true,
				validationIssues: [],
			} ) )
		);
		await expect(
			editor.canvas.getByText(
				'This block contains unexpected or invalid content.'
			)
		).toHaveCount( 0 );
		await expect(
			editor.canvas.locator( '.block-editor-warning' )
		).toHaveCount( 0 );
	} );
} );
