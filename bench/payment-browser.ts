/**
 * The payment block in Chromium, on a site whose gateway calls the real payment service, which talks to the
 * offline Stripe stand-in (Stripe's protocol; its Stripe.js and Payment Element in Stripe's place):
 *
 * - JavaScript a page downloads before and after the visitor's intent, gzipped (-9), by origin: the block's
 *   own code (the plugin's payment build), Stripe.js (and the Payment Element frame's scripts), and the rest
 *   (WordPress's runtime). Before intent: a page whose block is far below the fold, loaded and left alone.
 *   After intent: the same page scrolled to the block, an amount chosen, Pay pressed, the Payment Element
 *   ready. Targets: the block's own code ≤ 4 KB before intent; Stripe.js 0 bytes before intent.
 * - Time from the Pay click to the Payment Element ready (its card field shown), through the gateway (a new
 *   payment each run, a fresh browser context so no attempt is reused), the visitor having shown intent first.
 *
 * Usage: tsx bench/payment-browser.ts --top URL --below URL [--runs=15] [--out=artifacts/bench/payment-browser]
 */
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';

import {
	CHROMIUM_PATH,
	latency,
	launchChromium,
	option,
	show,
	table,
	verdict,
	writeReport,
} from './search-stats';

const ROOT = resolve( __dirname, '..' );
const BLOCK_TARGET_BYTES = 4096;

type Origin = 'block' | 'stripe' | 'wordpress';

/** Gzipped script bytes by origin. */
type Weight = Record< Origin, number >;

/**
 * Where a script comes from.
 * @param url Its URL.
 */
function origin( url: string ): Origin {
	if ( /\/switchboard\/build\/payment\//.test( url ) ) {
		return 'block';
	}
	if (
		/js\.stripe\.com|\/endive\/stripe\.js|\/_standin\/(?:assets|elements)\//.test(
			url
		)
	) {
		return 'stripe';
	}
	return 'wordpress';
}

/**
 * Counts, from now on, the gzipped bytes of every script the page (and its frames) receive.
 * @param page The page.
 */
function meter( page: Page ): { weight: Weight; urls: Set< string > } {
	const state = {
		weight: { block: 0, stripe: 0, wordpress: 0 } as Weight,
		urls: new Set< string >(),
	};
	page.on( 'response', async ( response ) => {
		const type = response.request().resourceType();
		const url = response.url();
		if ( type !== 'script' || state.urls.has( url ) ) {
			return;
		}
		state.urls.add( url );
		const body = await response.body().catch( () => Buffer.alloc( 0 ) );
		state.weight[ origin( url ) ] += gzipSync( body, { level: 9 } ).length;
	} );
	return state;
}

/**
 * Lets the page run for a moment, so that lazy loading that would start on its own has started.
 * @param page The page.
 */
async function settle( page: Page ): Promise< void > {
	await page.waitForLoadState( 'load' );
	await page.evaluate(
		() => new Promise( ( done ) => setTimeout( done, 1500 ) )
	);
}

/**
 * Presses Pay for the first preset amount and waits until the Payment Element's card field shows.
 * @param page The page, showing the block.
 * @return Milliseconds from the click to the card field.
 */
async function payToElement( page: Page ): Promise< number > {
	const block = page.locator( '.wp-block-switchboard-payment' );
	await block.getByRole( 'radio' ).first().check();
	const pay = block.getByRole( 'button', { name: /^Pay/ } );
	const card = page
		.frameLocator( 'iframe[title="Secure payment input frame"]' )
		.getByLabel( 'Card number' );
	const started = performance.now();
	await pay.click();
	await card.waitFor( { state: 'visible', timeout: 15_000 } );
	return performance.now() - started;
}

/**
 * JavaScript before and after intent, on the page whose block is below the fold.
 * @param browser Chromium.
 * @param below   The page's URL.
 */
async function weights(
	browser: Browser,
	below: string
): Promise< { before: Weight; after: Weight } > {
	const context = await browser.newContext();
	const page = await context.newPage();
	const seen = meter( page );
	await page.goto( below );
	await settle( page );
	const before = { ...seen.weight };
	await page
		.locator( '.wp-block-switchboard-payment' )
		.scrollIntoViewIfNeeded();
	await payToElement( page );
	await settle( page );
	const after = { ...seen.weight };
	await context.close();
	return { before, after };
}

async function main(): Promise< void > {
	const argv = process.argv.slice( 2 );
	const top = option( argv, 'top', '' );
	const below = option( argv, 'below', '' );
	const runs = Number( option( argv, 'runs', '15' ) );
	const out = resolve(
		ROOT,
		option( argv, 'out', 'artifacts/bench/payment-browser' )
	);
	if ( ! top || ! below || ! Number.isInteger( runs ) || runs < 1 ) {
		throw new Error(
			'usage: tsx bench/payment-browser.ts --top URL --below URL [--runs=15]'
		);
	}

	const browser = await launchChromium();
	try {
		const { before, after } = await weights( browser, below );
		const times: number[] = [];
		for ( let run = 0; run < runs; run++ ) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.goto( top );
			// The visitor shows intent (the block is in view; Stripe.js and the checkout load), then pays.
			await page.locator( '.wp-block-switchboard-payment' ).hover();
			await settle( page );
			times.push( await payToElement( page ) );
			await context.close();
		}
		const ready = latency( times );
		const blockOk = before.block <= BLOCK_TARGET_BYTES;
		const stripeOk = before.stripe === 0;

		const markdown = [
			'## Payments: JavaScript before and after intent, and Pay → Payment Element ready, in Chromium',
			'',
			table(
				[
					'when',
					"the block's own code",
					'Stripe.js (stand-in)',
					'WordPress runtime',
				],
				[
					[
						'before intent',
						`${ show( before.block ) } B`,
						`${ show( before.stripe ) } B`,
						`${ show( before.wordpress ) } B`,
					],
					[
						'after intent (Payment Element ready)',
						`${ show( after.block ) } B`,
						`${ show( after.stripe ) } B`,
						`${ show( after.wordpress ) } B`,
					],
				]
			),
			'',
			table(
				[ 'measure', 'runs', 'p50', 'p95', 'max' ],
				[
					[
						'Pay click → Payment Element ready (through the gateway, new payment each run)',
						String( ready.count ),
						`${ show( ready.p50 ) } ms`,
						`${ show( ready.p95 ) } ms`,
						`${ show( ready.max ) } ms`,
					],
				]
			),
			'',
			table(
				[ 'target', 'measured', 'result' ],
				[
					[
						"the block's own code before intent ≤ 4 KB gzipped",
						`${ show( before.block ) } B`,
						verdict( blockOk ),
					],
					[
						'Stripe.js before intent: 0 bytes',
						`${ show( before.stripe ) } B`,
						verdict( stripeOk ),
					],
				]
			),
			'',
			`- Pages: ${ below } (block below the fold: before/after intent), ${ top } (timing). Chromium ${ CHROMIUM_PATH }, headless; gzip -9 of each script response, counted once per URL.`,
			"- Stripe.js is the offline stand-in's (services/stripe-standin) in Stripe's place: its size is not Stripe's. The block's own code is what the plugin's payment build serves (view module, then the checkout chunk on intent).",
		].join( '\n' );
		writeReport( out, markdown, {
			before,
			after,
			payToReady: ready,
			targets: { block: blockOk, stripe: stripeOk },
		} );
		process.exitCode = blockOk && stripeOk ? 0 : 1;
	} finally {
		await browser.close();
	}
}

main().catch( ( error: unknown ) => {
	// eslint-disable-next-line no-console -- the benchmark's own failure.
	console.error( error );
	process.exit( 2 );
} );
