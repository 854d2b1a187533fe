/**
 * What the feed journeys share: pages holding feed blocks, the consent prompt, reading a post as a visitor
 * does, the lists the blocks show, and a bounded wait for the service's catalogue to hold the seed.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import { waitForSeededCopy } from './harness';
import { feedServiceUrl } from './feed-service';

/** The browser's calls to the feed's gateway routes (any of them). */
export const FEED_ROUTE =
	/\/switchboard\/v1\/feed\b|rest_route=%2Fswitchboard%2Fv1%2Ffeed/;

/** The one request a page makes for all its feed blocks (`POST /switchboard/v1/feed/personal`). */
export const PERSONAL_ROUTE =
	/switchboard(\/|%2F)v1(\/|%2F)feed(\/|%2F)personal/;

/** The batched visitor events (`POST /switchboard/v1/feed/events`). */
export const EVENTS_ROUTE = /switchboard(\/|%2F)v1(\/|%2F)feed(\/|%2F)events/;

/** How long a visitor stays on a post before it counts as read (the block's default dwell is 3 s). */
export const READ_DWELL_MS = 3_500;

/**
 * Publishes a page holding one feed block per attribute set, in order; returns its id and URL.
 * @param requestUtils Logged-in REST helper.
 * @param title        Page title.
 * @param blocks       Attributes of each block.
 */
export async function createFeedPage(
	requestUtils: RequestUtils,
	title: string,
	blocks: Array< Record< string, unknown > >
): Promise< { id: number; link: string } > {
	return requestUtils.rest< { id: number; link: string } >( {
		method: 'POST',
		path: '/wp/v2/pages',
		data: {
			title,
			status: 'publish',
			content: blocks
				.map(
					( attributes ) =>
						`<!-- wp:switchboard/feed ${ JSON.stringify(
							attributes
						) } /-->`
				)
				.join( '\n\n' ),
		},
	} );
}

/**
 * The feed blocks on the page, in document order.
 * @param page The page.
 */
export function feedBlocks( page: Page ): Locator {
	return page.locator( '.wp-block-switchboard-feed' );
}

/**
 * The post URLs a feed block lists, in order.
 * @param block One feed block.
 */
export async function listedLinks( block: Locator ): Promise< string[] > {
	return block
		.locator( '.wp-block-switchboard-feed__title a' )
		.evaluateAll( ( links ) =>
			links.map( ( link ) => ( link as HTMLAnchorElement ).href )
		);
}

/**
 * The category names a feed block shows (one per item; the block must show categories).
 * @param block One feed block.
 */
export async function listedCategories( block: Locator ): Promise< string[] > {
	return block
		.locator( '.wp-block-switchboard-feed__item' )
		.evaluateAll( ( items ) =>
			items.map(
				( item ) =>
					item
						.querySelector( '.wp-block-switchboard-feed__category' )
						?.textContent?.trim() ?? ''
			)
		);
}

/**
 * Agrees to personalization through the block's own prompt, as a visitor would.
 * @param page The page with a feed block.
 */
export async function agreeToPersonalization( page: Page ): Promise< void > {
	await page
		.getByRole( 'button', { name: 'Personalize', exact: true } )
		.first()
		.click();
}

/**
 * Reads a post: opens it, stays long enough for it to count, then hides the tab as a visitor switching away
 * does, which sends the waiting events (a page's unload sends them too, but with `keepalive` after the page
 * is gone, where the browser no longer reports them); resolves once the gateway accepted them.
 * @param page The visitor's tab.
 * @param url  The post's URL.
 */
export async function readPost( page: Page, url: string ): Promise< void > {
	await page.goto( url );
	const sent = page.waitForResponse(
		( response ) =>
			response.request().method() === 'POST' &&
			EVENTS_ROUTE.test( response.url() ),
		{ timeout: READ_DWELL_MS + 10_000 }
	);
	// The dwell counts visible time only, so the tab is hidden once it has passed.
	await page.waitForTimeout( READ_DWELL_MS );
	await page.evaluate( () => {
		Object.defineProperty( document, 'visibilityState', {
			configurable: true,
			get: () => 'hidden',
		} );
		document.dispatchEvent( new Event( 'visibilitychange' ) );
	} );
	const response = await sent;
	if ( response.status() !== 200 ) {
		throw new Error(
			`The events route answered HTTP ${ response.status() }: ${ await response.text() }`
		);
	}
}

/**
 * The post URLs of a personal (or preview) answer, one list per block.
 * @param answer       The gateway's JSON answer.
 * @param answer.slots
 */
export function answeredLinks( answer: {
	slots: Array< { items: Array< { url: string } > } >;
} ): string[][] {
	return answer.slots.map( ( slot ) =>
		slot.items.map( ( item ) => item.url )
	);
}

/** The gateway's personal answer, as far as the journeys read it. */
export type PersonalAnswer = {
	mode: string;
	request_id: string | null;
	slots: Array< {
		items: Array< { id: number; url: string; reason: string } >;
	} >;
};

/**
 * Opens a page of feed blocks as a consenting visitor and waits until every block shows the personal answer
 * (its items first, in order); returns the answer.
 * @param page The visitor's tab (consent already given on this site).
 * @param link The page's URL.
 */
export async function openPersonalized(
	page: Page,
	link: string
): Promise< PersonalAnswer > {
	const answered = page.waitForResponse(
		( response ) =>
			PERSONAL_ROUTE.test( response.url() ) &&
			response.request().method() === 'POST'
	);
	await page.goto( link );
	const response = await answered;
	expect( response.status() ).toBe( 200 );
	const answer = ( await response.json() ) as PersonalAnswer;
	// Each block leads with its slot's first post (the rest may differ where the view filled a short answer
	// from the server list, or left out a post another block shows).
	for ( const [ index, list ] of answeredLinks( answer ).entries() ) {
		if ( list.length > 0 ) {
			await expect
				.poll(
					async () =>
						(
							await listedLinks( feedBlocks( page ).nth( index ) )
						)[ 0 ]
				)
				.toBe( list[ 0 ] );
		}
	}
	return answer;
}

/**
 * Waits (in the global set-up) until the feed service's catalogue holds every post the site seeded.
 * @param requestUtils Logged-in REST helper.
 */
export function waitForSeededCatalogue(
	requestUtils: RequestUtils
): Promise< void > {
	return waitForSeededCopy(
		requestUtils,
		catalogueSize,
		'the feed catalogue'
	);
}

/** How many posts the running feed service's catalogue holds (its /ready document). */
export async function catalogueSize(): Promise< number > {
	const response = await fetch( `${ await feedServiceUrl() }/ready` );
	const body = ( await response.json() ) as { posts?: number };
	return body.posts ?? 0;
}

/**
 * The layout shifts the page has had so far, summed as CLS counts them (shifts right after input excluded).
 * @param page The page, after `observeLayoutShifts`.
 */
export function layoutShift( page: Page ): Promise< number > {
	return page.evaluate(
		() =>
			( window as unknown as { __switchboardCls?: number } )
				.__switchboardCls ?? 0
	);
}

/**
 * Starts summing layout shifts from the first paint on (an init script, so nothing is missed).
 * @param page The page, before it navigates.
 */
export async function observeLayoutShifts( page: Page ): Promise< void > {
	await page.addInitScript( () => {
		const global = window as unknown as { __switchboardCls?: number };
		global.__switchboardCls = 0;
		new PerformanceObserver( ( list ) => {
			for ( const entry of list.getEntries() as Array<
				PerformanceEntry & { value: number; hadRecentInput: boolean }
			> ) {
				if ( ! entry.hadRecentInput ) {
					global.__switchboardCls =
						( global.__switchboardCls ?? 0 ) + entry.value;
				}
			}
		} ).observe( { type: 'layout-shift', buffered: true } );
	} );
}
