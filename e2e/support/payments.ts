/**
 * What the payment journeys share: pages holding the payment block, the card form inside the stand-in's
 * Payment Element frame (cross-origin, as Stripe's is), and WordPress's record of payments, read as an
 * administrator through `GET switchboard/v1/payments` (filled by the payment service's signed callbacks).
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { expect } from './test';
import { pollUntil } from './harness';

/** Stripe's documented test cards. */
export const CARDS = {
	success: '4242 4242 4242 4242',
	declined: '4000 0000 0000 0002',
	insufficientFunds: '4000 0000 0000 9995',
	threeDSecure: '4000 0027 6000 3184',
} as const;

/** What the block says once a payment is confirmed (the default success message). */
export const THANKS = 'Thank you! Your payment was received.';

/**
 * The payment block on a page.
 * @param page The page.
 */
export function paymentBlock( page: Page ): Locator {
	return page.locator( '.wp-block-switchboard-payment' );
}

/**
 * Chooses an amount and presses Pay, as a visitor does: the Payment Element appears.
 * @param page   The page, showing the block.
 * @param amount The amount's label, e.g. `$5.00`.
 */
export async function openCheckout(
	page: Page,
	amount: string
): Promise< Locator > {
	const block = paymentBlock( page );
	await block.getByRole( 'radio', { name: amount } ).check();
	await block.getByRole( 'button', { name: `Pay ${ amount }` } ).click();
	return block;
}

/**
 * Types a card into the Payment Element and presses Pay.
 * @param page   The page, its checkout open.
 * @param amount The amount's label.
 * @param card   Card number.
 */
export async function submitCard(
	page: Page,
	amount: string,
	card: string
): Promise< void > {
	await enterCard( page, card );
	await paymentBlock( page )
		.getByRole( 'button', { name: `Pay ${ amount }` } )
		.click();
}

/**
 * A whole successful payment by a visitor: open the page, choose the amount, pay with the success card, see
 * the thanks.
 * @param page   The visitor's page.
 * @param link   The page with the block.
 * @param amount The amount's label.
 */
export async function payOnPage(
	page: Page,
	link: string,
	amount: string
): Promise< void > {
	await page.goto( link );
	await openCheckout( page, amount );
	await submitCard( page, amount, CARDS.success );
	await expect( paymentBlock( page ).getByText( THANKS ) ).toBeVisible();
}

/** A payment as WordPress records it (PaymentRecord::to_array()). */
export type RecordedPayment = {
	payment_id: string;
	post_id: number;
	block_id: string;
	amount: number;
	amount_refunded: number;
	currency: string;
	status: string;
	succeeded_at: number | null;
};

/**
 * Publishes a page holding one payment block; returns its id and URL.
 * @param requestUtils Logged-in REST helper.
 * @param title        Page title.
 * @param attributes   Block attributes (a unique blockId is added).
 * @param before       Block markup placed before the payment block (e.g. a tall spacer).
 */
export async function createPaymentPage(
	requestUtils: RequestUtils,
	title: string,
	attributes: Record< string, unknown > = {},
	before = ''
): Promise< { id: number; link: string; blockId: string } > {
	const blockId = `e2e-${ Date.now().toString( 36 ) }-${ Math.random()
		.toString( 36 )
		.slice( 2, 8 ) }`;
	const block = {
		blockId,
		title: 'Support the newsroom',
		currency: 'usd',
		amounts: [ 500, 1500 ],
		allowCustomAmount: true,
		minAmount: 300,
		maxAmount: 100000,
		...attributes,
	};
	const page = await requestUtils.rest< { id: number; link: string } >( {
		method: 'POST',
		path: '/wp/v2/pages',
		data: {
			title,
			status: 'publish',
			content: `${ before }<!-- wp:switchboard/payment ${ JSON.stringify(
				block
			) } /-->`,
		},
	} );
	return { ...page, blockId };
}

/**
 * The stand-in's Payment Element frame in the page.
 * @param page The page.
 */
export function paymentFrame( page: Page ): FrameLocator {
	return page.frameLocator( 'iframe[title="Secure payment input frame"]' );
}

/**
 * Types a card into the Payment Element, as a visitor does (replacing what was there).
 * @param page   The page.
 * @param number Card number.
 */
export async function enterCard( page: Page, number: string ): Promise< void > {
	const frame = paymentFrame( page );
	await frame.getByLabel( 'Card number' ).fill( '' );
	await frame.getByLabel( 'Card number' ).pressSequentially( number );
	await frame.getByLabel( 'Expiration date' ).fill( '' );
	await frame.getByLabel( 'Expiration date' ).pressSequentially( '1234' );
	await frame.getByLabel( 'Security code' ).fill( '' );
	await frame.getByLabel( 'Security code' ).pressSequentially( '123' );
}

/**
 * WordPress's record of the payments a page's block took.
 * @param requestUtils Logged-in REST helper (an administrator).
 * @param postId       The page.
 */
export async function recordedPayments(
	requestUtils: RequestUtils,
	postId: number
): Promise< RecordedPayment[] > {
	const { payments } = await requestUtils.rest< {
		payments: RecordedPayment[];
	} >( {
		path: '/switchboard/v1/payments',
		params: { per_page: 100 },
	} );
	return payments.filter( ( payment ) => payment.post_id === postId );
}

/**
 * Waits until WordPress records a page's payments as the predicate wants (callbacks are asynchronous).
 * @param requestUtils Logged-in REST helper.
 * @param postId       The page.
 * @param wanted       The condition on its payments.
 * @param timeoutMs    Bound.
 */
export async function waitForRecord(
	requestUtils: RequestUtils,
	postId: number,
	wanted: ( payments: RecordedPayment[] ) => boolean,
	timeoutMs = 20_000
): Promise< RecordedPayment[] > {
	let last: RecordedPayment[] = [];
	await pollUntil(
		async () =>
			wanted( ( last = await recordedPayments( requestUtils, postId ) ) ),
		timeoutMs,
		() =>
			`WordPress's record of post ${ postId }: ${ JSON.stringify( last ) }`
	);
	return last;
}
