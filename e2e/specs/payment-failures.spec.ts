/**
 * Payments when the network fails: Stripe's webhook lost and the visitor's tab closed before it learnt the
 * outcome (the payment service's reconciler settles it, and WordPress records it once), and the payment
 * service down (the visitor is told nothing was charged, and paying works again once it is back).
 */
import { test, expect, forgiveHttpErrors } from '../support/test';
import {
	payments,
	pointSiteAtPaymentService,
	standinControl,
} from '../support/payment-services';
import {
	CARDS,
	THANKS,
	createPaymentPage,
	openCheckout,
	paymentBlock,
	paymentFrame,
	submitCard,
	waitForRecord,
} from '../support/payments';

test.describe( 'Payments when the network fails', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await pointSiteAtPaymentService( requestUtils );
	} );

	test( 'a lost webhook and a closed tab still end with the payment recorded once', async ( {
		browser,
		requestUtils,
	} ) => {
		const { id, link } = await createPaymentPage(
			requestUtils,
			'Pay, then lose everything'
		);
		// Stripe's webhooks are held back (lost, as far as the service can tell), and the tab never gets to
		// ask for the outcome.
		await standinControl( '/_standin/webhooks/pause' );
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.route( /payments(\/|%2F)status/, ( route ) =>
			route.abort()
		);
		try {
			await page.goto( link );
			await openCheckout( page, '$5.00' );
			const confirmed = page.waitForResponse(
				( response ) =>
					/\/v1\/payment_intents\/pi_[^/]+\/confirm/.test(
						response.url()
					) && response.ok()
			);
			await submitCard( page, '$5.00', CARDS.success );
			await confirmed;
		} catch ( error ) {
			await standinControl( '/_standin/webhooks/resume' );
			throw error;
		} finally {
			await context.close();
		}

		try {
			const recorded = await waitForRecord(
				requestUtils,
				id,
				( list ) => list.some( ( p ) => p.status === 'succeeded' ),
				30_000
			);
			expect( recorded ).toHaveLength( 1 );
			expect( recorded[ 0 ].amount ).toBe( 500 );
		} finally {
			// The held webhooks arrive late, after the reconciler settled the payment: nothing changes.
			await standinControl( '/_standin/webhooks/resume' );
		}
		const after = await waitForRecord(
			requestUtils,
			id,
			( list ) => list.length === 1
		);
		expect( after[ 0 ].status ).toBe( 'succeeded' );
	} );

	test( 'with the payment service down the visitor is told nothing was charged, and can pay once it is back', async ( {
		page,
		pageErrors,
		requestUtils,
	} ) => {
		const { id, link } = await createPaymentPage(
			requestUtils,
			'Pay through an outage'
		);
		await page.goto( link );
		const block = paymentBlock( page );
		await block.getByRole( 'radio', { name: '$5.00' } ).check();
		await payments.stop();
		try {
			await block.getByRole( 'button', { name: 'Pay $5.00' } ).click();
			await expect( block.getByRole( 'alert' ) ).toContainText(
				'Nothing was charged'
			);
			// The gateway's 503, which Chromium logs.
			expect(
				forgiveHttpErrors(
					pageErrors,
					503,
					/switchboard\/v1\/payments/
				)
			).toBe( 1 );
			await expect(
				block.getByRole( 'button', { name: 'Pay $5.00' } )
			).toBeEnabled();
		} finally {
			await payments.start();
		}

		await block.getByRole( 'button', { name: 'Pay $5.00' } ).click();
		await expect(
			paymentFrame( page ).getByLabel( 'Card number' )
		).toBeVisible();
		await submitCard( page, '$5.00', CARDS.success );
		await expect( block.getByText( THANKS ) ).toBeVisible();
		await waitForRecord( requestUtils, id, ( list ) =>
			list.some( ( p ) => p.status === 'succeeded' )
		);
	} );
} );
