/**
 * A visitor paying with the payment block: the real gateway, payment service and ledger, and the offline
 * Stripe stand-in in Stripe's place (its Payment Element frame, decline codes and 3-D Secure challenge).
 * Each journey has a page of its own, so WordPress's record of that page is what the journey did.
 */
import {
	test,
	expect,
	expectAccessible,
	forgiveHttpErrors,
} from '../support/test';
import { pointSiteAtPaymentService } from '../support/payment-services';
import {
	CARDS,
	THANKS,
	createPaymentPage,
	enterCard,
	openCheckout,
	paymentBlock,
	paymentFrame,
	recordedPayments,
	submitCard,
	waitForRecord,
} from '../support/payments';

test.describe( 'Visitor paying', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await pointSiteAtPaymentService( requestUtils );
	} );

	test( 'pays $15 with the success card and sees the thanks only once the payment is confirmed', async ( {
		page,
		requestUtils,
	} ) => {
		const { id, link } = await createPaymentPage(
			requestUtils,
			'Pay with success',
			{ successMessage: 'Thank you for supporting us!' }
		);
		await page.goto( link );
		const block = paymentBlock( page );
		await expect(
			block.getByText( 'Test mode: no real charge' )
		).toBeVisible();
		await openCheckout( page, '$15.00' );

		await expect(
			paymentFrame( page ).getByLabel( 'Card number' )
		).toBeVisible();
		await expect( block.getByRole( 'status' ) ).toHaveText(
			'Enter your payment details, then press Pay.'
		);
		await expectAccessible( page );
		await submitCard( page, '$15.00', CARDS.success );

		await expect(
			block.getByText( 'Thank you for supporting us!' )
		).toBeVisible();
		await expect(
			block.getByRole( 'button', { name: /^Pay/ } )
		).toBeHidden();
		const [ payment ] = await waitForRecord(
			requestUtils,
			id,
			( payments ) => payments.some( ( p ) => p.status === 'succeeded' )
		);
		expect( payment ).toMatchObject( {
			amount: 1500,
			currency: 'usd',
			status: 'succeeded',
		} );
		expect( await recordedPayments( requestUtils, id ) ).toHaveLength( 1 );
	} );

	test( 'a declined card shows its message, and another card succeeds without a reload', async ( {
		page,
		pageErrors,
		requestUtils,
	} ) => {
		const { id, link } = await createPaymentPage(
			requestUtils,
			'Pay after a decline'
		);
		await page.goto( link );
		const block = paymentBlock( page );
		await openCheckout( page, '$5.00' );

		await submitCard( page, '$5.00', CARDS.insufficientFunds );
		await expect( block.getByRole( 'alert' ) ).toHaveText(
			'Your card has insufficient funds. Try another card.'
		);

		await submitCard( page, '$5.00', CARDS.declined );
		await expect( block.getByRole( 'alert' ) ).toHaveText(
			'Your card was declined. Try another card, or contact your bank.'
		);

		await submitCard( page, '$5.00', CARDS.success );
		await expect( block.getByText( THANKS ) ).toBeVisible();
		// Each decline is Stripe's 402 to the confirmation, which Chromium logs.
		expect(
			forgiveHttpErrors(
				pageErrors,
				402,
				/\/v1\/payment_intents\/pi_\w+\/confirm/
			)
		).toBe( 2 );

		const payments = await waitForRecord( requestUtils, id, ( list ) =>
			list.some( ( p ) => p.status === 'succeeded' )
		);
		expect( payments ).toHaveLength( 1 );
		expect( payments[ 0 ].amount ).toBe( 500 );
	} );

	test( 'a card that needs 3-D Secure completes the bank challenge', async ( {
		page,
		requestUtils,
	} ) => {
		const { id, link } = await createPaymentPage(
			requestUtils,
			'Pay with 3-D Secure'
		);
		await page.goto( link );
		const block = paymentBlock( page );
		await block.getByRole( 'radio', { name: 'Other amount' } ).check();
		await block.getByLabel( 'Your amount (USD)' ).fill( '12.34' );
		await block.getByRole( 'button', { name: 'Pay $12.34' } ).click();

		await submitCard( page, '$12.34', CARDS.threeDSecure );
		const challenge = page.frameLocator( 'iframe[src*="/_standin/3ds/"]' );
		await challenge
			.getByRole( 'button', { name: 'Complete authentication' } )
			.click();

		await expect( block.getByText( THANKS ) ).toBeVisible();
		const payments = await waitForRecord( requestUtils, id, ( list ) =>
			list.some( ( p ) => p.status === 'succeeded' )
		);
		expect( payments ).toHaveLength( 1 );
		expect( payments[ 0 ].amount ).toBe( 1234 );
	} );

	test( 'five rapid clicks on Pay start one payment', async ( {
		page,
		requestUtils,
	} ) => {
		const { id, link } = await createPaymentPage(
			requestUtils,
			'Pay with rapid clicks'
		);
		const starts: string[] = [];
		page.on( 'request', ( request ) => {
			if (
				request.method() === 'POST' &&
				/switchboard(\/|%2F)v1(\/|%2F)payments(\?|$)/.test(
					request.url()
				)
			) {
				starts.push( request.url() );
			}
		} );
		await page.goto( link );
		const block = paymentBlock( page );
		await block.getByRole( 'radio', { name: '$5.00' } ).check();
		// Five clicks in one task, faster than any person: what a double-clicking visitor does, and more.
		const clickFiveTimes = () =>
			block
				.getByRole( 'button', { name: 'Pay $5.00' } )
				.evaluate( ( button: HTMLButtonElement ) => {
					for ( let i = 0; i < 5; i++ ) {
						button.click();
					}
				} );
		await clickFiveTimes();
		await enterCard( page, CARDS.success );
		await clickFiveTimes();

		await expect( block.getByText( THANKS ) ).toBeVisible();
		const payments = await waitForRecord( requestUtils, id, ( list ) =>
			list.some( ( p ) => p.status === 'succeeded' )
		);
		expect( payments ).toHaveLength( 1 );
		expect( starts.length ).toBeLessThanOrEqual( 1 );
	} );

	test( 'a tampered amount is refused by the gateway, and nothing is started', async ( {
		page,
		pageErrors,
		requestUtils,
	} ) => {
		const { id, link, blockId } = await createPaymentPage(
			requestUtils,
			'Pay a tampered amount',
			{ allowCustomAmount: false }
		);
		await page.goto( link );
		const answer = await page.evaluate(
			async ( args ) => {
				const apiFetch = (
					window as unknown as {
						wp: { apiFetch: ( o: object ) => Promise< Response > };
					}
				 ).wp.apiFetch;
				const response = await apiFetch( {
					path: '/switchboard/v1/payments',
					method: 'POST',
					data: args,
					parse: false,
				} ).catch( ( error: Response ) => error );
				return { status: response.status, body: await response.json() };
			},
			{
				post_id: id,
				block_id: blockId,
				amount: 1,
				attempt: 'tampered-attempt-00000001',
			}
		);
		expect( answer.status ).toBe( 400 );
		expect(
			forgiveHttpErrors( pageErrors, 400, /switchboard\/v1\/payments/ )
		).toBe( 1 );
		expect( answer.body.code ).toBe( 'switchboard_payment_invalid_amount' );
		expect( await recordedPayments( requestUtils, id ) ).toHaveLength( 0 );
	} );
} );
