/**
 * Stripe.js is a visitor's cost only once they show intent: never on a page without the payment block, and on
 * a page with it only when the block nears the viewport or the visitor points at or focuses it.
 */
import type { Page, Request } from '@playwright/test';
import { test, expect } from '../support/test';
import { pointSiteAtPaymentService } from '../support/payment-services';
import { createPaymentPage } from '../support/payments';

/**
 * Lets the page run for a moment after load: time for any lazy loading (an observer, an idle callback) to
 * start, so that "nothing was requested" means something.
 * @param page The page.
 */
async function settle( page: Page ): Promise< void > {
	await page.waitForLoadState( 'load' );
	await page.evaluate(
		() => new Promise( ( resolve ) => setTimeout( resolve, 1500 ) )
	);
}

/**
 * Records every Stripe.js request (Stripe's own, or the stand-in's in its place) and the checkout chunk.
 * @param page The page to watch.
 */
function watchStripe( page: Page ): { stripe: Request[]; checkout: Request[] } {
	const seen = { stripe: [] as Request[], checkout: [] as Request[] };
	page.on( 'request', ( request ) => {
		const url = request.url();
		if (
			/js\.stripe\.com|\/endive\/stripe\.js|\/v3\/?(\?|$)/.test( url )
		) {
			seen.stripe.push( request );
		}
		if ( /payment\/checkout[^/]*\.js/.test( url ) ) {
			seen.checkout.push( request );
		}
	} );
	return seen;
}

test.describe( 'Stripe.js and intent', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await pointSiteAtPaymentService( requestUtils );
	} );

	test( 'a page without the block never requests Stripe.js', async ( {
		page,
		requestUtils,
	} ) => {
		const seen = watchStripe( page );
		const { link } = await requestUtils.rest< { link: string } >( {
			method: 'POST',
			path: '/wp/v2/pages',
			data: {
				title: 'No payment here',
				status: 'publish',
				content:
					'<!-- wp:paragraph --><p>Just words.</p><!-- /wp:paragraph -->',
			},
		} );
		await page.goto( link );
		await page.mouse.move( 200, 300 );
		await page.keyboard.press( 'Tab' );
		await settle( page );
		expect( seen.stripe ).toHaveLength( 0 );
		expect( seen.checkout ).toHaveLength( 0 );
	} );

	test( 'a block far down the page loads Stripe.js only as the visitor scrolls to it', async ( {
		page,
		requestUtils,
	} ) => {
		const { link } = await createPaymentPage(
			requestUtils,
			'Payment below the fold',
			{},
			'<!-- wp:spacer {"height":"4000px"} --><div style="height:4000px" aria-hidden="true" class="wp-block-spacer"></div><!-- /wp:spacer -->'
		);
		const seen = watchStripe( page );
		await page.goto( link );
		await expect(
			page.locator( '.wp-block-switchboard-payment__noscript' )
		).toBeHidden();
		await settle( page );
		expect( seen.stripe, 'Stripe.js before intent' ).toHaveLength( 0 );
		expect(
			seen.checkout,
			'the checkout chunk before intent'
		).toHaveLength( 0 );

		await page
			.locator( '.wp-block-switchboard-payment' )
			.scrollIntoViewIfNeeded();
		await expect.poll( () => seen.stripe.length ).toBeGreaterThan( 0 );
		expect( seen.checkout ).toHaveLength( 1 );
	} );

	test( 'without JavaScript the block says what to do, and offers no button that does nothing', async ( {
		browser,
		requestUtils,
	} ) => {
		const { link } = await createPaymentPage(
			requestUtils,
			'Pay without JavaScript'
		);
		const context = await browser.newContext( {
			javaScriptEnabled: false,
		} );
		const page = await context.newPage();
		await page.goto( link );
		const block = page.locator( '.wp-block-switchboard-payment' );
		await expect(
			block.getByText( /Paying here needs JavaScript/ )
		).toBeVisible();
		await expect(
			block.getByRole( 'button', { name: /^Pay/ } )
		).toBeDisabled();
		await context.close();
	} );
} );
