/**
 * An editor adding the payment block: inserting it, setting a price, seeing a price Stripe would refuse named
 * before publishing (publishing waits until it is fixed), then publishing and finding the form on the page.
 */
import { test, expect } from '../support/test';
import { pointSiteAtPaymentService } from '../support/payment-services';

test.describe( 'Editor configuring the payment block', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await pointSiteAtPaymentService( requestUtils );
	} );

	test( 'inserts the block, is told about a price Stripe refuses, fixes it and publishes', async ( {
		admin,
		editor,
		page,
	} ) => {
		// A page, so that the journeys reading the newest posts never meet it.
		await admin.createNewPost( {
			postType: 'page',
			title: 'Buy the annual report',
		} );
		await editor.insertBlock( { name: 'switchboard/payment' } );
		const preview = editor.canvas.locator(
			'[data-type="switchboard/payment"]'
		);
		await expect( preview ).toBeVisible();
		await expect( preview.getByText( /Test mode/ ) ).toBeVisible();

		await editor.openDocumentSettingsSidebar();
		const settings = page.getByRole( 'region', {
			name: 'Editor settings',
		} );
		await settings
			.getByRole( 'textbox', { name: 'Title' } )
			.fill( 'The annual report' );
		const price = settings.getByRole( 'textbox', { name: 'Price' } );
		await price.fill( '0.10' );
		await price.blur();

		// A price under Stripe's minimum is named in the inspector, and publishing waits for a fix.
		await expect(
			settings.getByText( /\$0\.10 cannot be charged/ )
		).toBeVisible();
		// The header's Publish opens the pre-publish checks; their Publish button is the one that waits.
		await page
			.getByRole( 'region', { name: 'Editor top bar' } )
			.getByRole( 'button', { name: 'Publish', exact: true } )
			.click();
		const panel = page.getByRole( 'region', { name: 'Editor publish' } );
		await expect(
			panel.getByRole( 'button', { name: 'Publish', exact: true } )
		).toBeDisabled();
		await panel.getByRole( 'button', { name: 'Cancel' } ).click();

		await price.fill( '7.50' );
		await price.blur();
		await expect( settings.getByText( /cannot be charged/ ) ).toBeHidden();
		await editor.publishPost();

		const view = page
			.getByRole( 'region', { name: 'Editor publish' } )
			.getByRole( 'link', { name: 'View Page' } )
			.first();
		await expect( view ).toHaveAttribute( 'href', /^http/ );
		await page.goto( ( await view.getAttribute( 'href' ) ) ?? '' );
		const block = page.locator( '.wp-block-switchboard-payment' );
		await expect(
			block.getByRole( 'heading', { name: 'The annual report' } )
		).toBeVisible();
		await expect(
			block.getByRole( 'button', { name: 'Pay $7.50' } )
		).toBeVisible();
	} );
} );
