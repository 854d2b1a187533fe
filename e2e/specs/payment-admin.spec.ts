/**
 * An administrator on the Payments screen: WordPress's record of a real payment in the list (filtered by
 * status), its detail and history, and a partial refund that Stripe (the stand-in) makes and the payment
 * service's callback records.
 */
import { test, expect, expectAccessible } from '../support/test';
import { pointSiteAtPaymentService } from '../support/payment-services';
import {
	createPaymentPage,
	payOnPage,
	waitForRecord,
} from '../support/payments';

test.describe( 'Payments screen', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await pointSiteAtPaymentService( requestUtils );
	} );

	test( 'lists a payment, shows its detail and refunds part of it', async ( {
		admin,
		browser,
		page,
		requestUtils,
	} ) => {
		const { id, link } = await createPaymentPage(
			requestUtils,
			'Pay, then refund'
		);
		// A visitor pays (a context of its own: not logged in).
		const visitor = await browser.newContext();
		await payOnPage( await visitor.newPage(), link, '$15.00' );
		await visitor.close();
		const [ payment ] = await waitForRecord( requestUtils, id, ( list ) =>
			list.some( ( p ) => p.status === 'succeeded' )
		);

		await admin.visitAdminPage(
			'admin.php',
			'page=switchboard-payments&status=succeeded'
		);
		await expect(
			page.getByRole( 'heading', { name: 'Payments', level: 1 } )
		).toBeVisible();
		const row = page.getByRole( 'row' ).filter( {
			hasText: payment.payment_id,
		} );
		await expect( row ).toContainText( '$15.00' );
		await expect( row ).toContainText( 'Succeeded' );
		await expectAccessible( page );

		await row.getByRole( 'link', { name: payment.payment_id } ).click();
		await expect(
			page.getByRole( 'heading', {
				name: `Payment ${ payment.payment_id }`,
			} )
		).toBeVisible();
		await page.getByRole( 'textbox', { name: 'Amount' } ).fill( '2.00' );
		await page
			.getByRole( 'combobox', { name: 'Reason' } )
			.selectOption( 'requested_by_customer' );
		await page.getByRole( 'button', { name: 'Refund' } ).click();
		await expect( page.getByText( 'Refund requested.' ) ).toBeVisible();
		await expectAccessible( page );

		const [ refunded ] = await waitForRecord( requestUtils, id, ( list ) =>
			list.some( ( p ) => p.amount_refunded === 200 )
		);
		expect( refunded.status ).toBe( 'partially_refunded' );
		await page.reload();
		await expect(
			page.getByRole( 'row', { name: /Status/ } )
		).toContainText( 'Partially refunded' );
		await expect(
			page.getByRole( 'row', { name: /Refunded/ } )
		).toContainText( '$2.00' );
	} );
} );
