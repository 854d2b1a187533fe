/**
 * The stand-in Stripe.js in a real Chromium: a merchant page on its own origin (a node:http server that
 * creates intents with the real `stripe` SDK, as a payment service does) loads the script from the stand-in
 * server, mounts the Payment Element and confirms, against the stand-in's real API. One browser for all
 * cases; each case has its own page.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';

import {
	chromium,
	type Browser,
	type Page,
	type Request,
} from '@playwright/test';
import { build } from 'esbuild';
import Stripe from 'stripe';

import { loadConfig } from '../src/config';
import { startStandin, type RunningStandin } from '../src/service';

const CARD_FRAME = 'iframe[title="Secure payment input frame"]';
const SUCCESS_CARD = '4242424242424242';
const EXPIRY = `12 / ${ String( ( new Date().getUTCFullYear() + 3 ) % 100 ).padStart( 2, '0' ) }`;

let standin: RunningStandin;
let merchant: Server;
let merchantUrl: string;
let browser: Browser;
let stripe: Stripe;
let publishableKey: string;
/** The loader of `@stripe/stripe-js` as a browser script. */
let stripeJsLoader: string;

/**
 * The merchant's checkout script: creates an intent through its own server, mounts the Payment Element,
 * and exposes `setup()` and `pay()` for the test to drive; every postMessage the page receives is kept,
 * to prove no card number reaches it.
 *
 * @param pk The publishable key.
 */
function merchantScript( pk: string ): string {
	return `
window.seenMessages = [];
window.addEventListener( 'message', ( event ) => window.seenMessages.push( JSON.stringify( event.data ) ) );
window.events = [];
window.setup = async ( options = {} ) => {
	const response = await fetch( '/intent', { method: 'POST' } );
	const intent = await response.json();
	const stripe = Stripe( ${ JSON.stringify( pk ) } );
	const elements = stripe.elements( {
		clientSecret: options.clientSecret || intent.client_secret,
		appearance: options.appearance,
		locale: options.locale,
	} );
	const element = elements.create( 'payment' );
	for ( const name of [ 'ready', 'change', 'loaderror', 'focus', 'blur', 'escape' ] ) {
		element.on( name, ( event ) => window.events.push( { name, event } ) );
	}
	element.mount( '#payment-element' );
	window.checkout = { stripe, elements, element, intent };
	await new Promise( ( resolve ) => {
		element.once( 'ready', resolve );
		element.once( 'loaderror', resolve );
	} );
	return intent.id;
};
window.pay = ( redirect ) => window.checkout.stripe.confirmPayment( {
	elements: window.checkout.elements,
	confirmParams: { return_url: location.origin + '/return' },
	redirect,
} );
`;
}

/**
 * @param port The merchant server's port (unused by the page; the stand-in's URL is what matters).
 */
function merchantPage( port: number ): string {
	void port;
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Merchant</title>
<script src="${ standin.url }/v3"></script></head>
<body><main><h1>Checkout</h1><a href="#top" id="before">Before the form</a>
<form id="checkout"><div id="payment-element"></div><button type="submit">Pay</button></form></main>
<script src="/merchant.js"></script></body></html>`;
}

/**
 * The merchant's server: its page, its script, an intent per POST /intent (created with the secret key,
 * as only a server may), a return page, and a page that loads Stripe.js through @stripe/stripe-js.
 */
function startMerchant(): Promise< Server > {
	const server = createServer( async ( request, response ) => {
		const path = ( request.url ?? '/' ).split( '?' )[ 0 ];
		const send = ( type: string, body: string ) => {
			response.writeHead( 200, { 'content-type': type } );
			response.end( body );
		};
		if ( path === '/' ) {
			send( 'text/html', merchantPage( 0 ) );
		} else if ( path === '/merchant.js' ) {
			send( 'text/javascript', merchantScript( publishableKey ) );
		} else if ( path === '/intent' && request.method === 'POST' ) {
			const intent = await stripe.paymentIntents.create( {
				amount: 2000,
				currency: 'usd',
				automatic_payment_methods: { enabled: true },
			} );
			send( 'application/json', JSON.stringify( intent ) );
		} else if ( path === '/return' ) {
			send(
				'text/html',
				'<!doctype html><title>Thanks</title><h1>Thanks</h1>'
			);
		} else if ( path === '/loader' ) {
			send(
				'text/html',
				`<!doctype html><title>Loader</title><script>${ stripeJsLoader }</script>`
			);
		} else {
			response.writeHead( 404 ).end();
		}
	} );
	return new Promise( ( resolve ) =>
		server.listen( 0, '127.0.0.1', () => resolve( server ) )
	);
}

/**
 * The `loadStripe` of `@stripe/stripe-js` (the loader the payment block uses) bundled for the browser.
 */
async function bundleLoader(): Promise< string > {
	const result = await build( {
		entryPoints: [
			createRequire( import.meta.url ).resolve(
				'@stripe/stripe-js/pure'
			),
		],
		bundle: true,
		write: false,
		format: 'iife',
		globalName: 'StripeJsPure',
		logLevel: 'silent',
	} );
	return result.outputFiles[ 0 ].text;
}

/**
 * A page on the merchant's origin with the element mounted and ready.
 *
 * @param options              Setup options for the merchant script.
 * @param options.appearance   Appearance for stripe.elements().
 * @param options.locale       Locale for stripe.elements().
 * @param options.clientSecret A client secret instead of the new intent's.
 */
async function openCheckout(
	options: {
		appearance?: object;
		locale?: string;
		clientSecret?: string;
	} = {}
): Promise< { page: Page; requests: Request[]; intentId: string } > {
	const page = await browser.newPage();
	const requests: Request[] = [];
	page.on( 'request', ( request ) => requests.push( request ) );
	await page.goto( merchantUrl );
	const intentId = await page.evaluate(
		( setupOptions ) =>
			(
				window as unknown as {
					setup: ( o: object ) => Promise< string >;
				}
			 ).setup( setupOptions ),
		options
	);
	return { page, requests, intentId };
}

/**
 * Types a card into the element's frame.
 *
 * @param page   The merchant page.
 * @param number The card number.
 */
async function fillCard( page: Page, number: string ): Promise< void > {
	const frame = page.frameLocator( CARD_FRAME );
	await frame.getByLabel( 'Card number' ).fill( number );
	await frame.getByLabel( 'Expiration date' ).fill( EXPIRY );
	await frame.getByLabel( 'Security code' ).fill( '123' );
}

type PayResult = {
	error?: {
		type: string;
		code?: string;
		decline_code?: string;
		message?: string;
		payment_intent?: { id: string; status: string };
	};
	paymentIntent?: { id: string; status: string };
};

/**
 * Starts confirmPayment in the page (without awaiting it).
 *
 * @param page     The merchant page.
 * @param redirect 'if_required' or 'always'.
 */
function pay(
	page: Page,
	redirect: 'if_required' | 'always' = 'if_required'
): Promise< PayResult > {
	return page.evaluate(
		( mode ) =>
			(
				window as unknown as {
					pay: ( m: string ) => Promise< unknown >;
				}
			 ).pay( mode ) as Promise< PayResult >,
		redirect
	);
}

before( async () => {
	standin = await startStandin(
		loadConfig( { PORT: '0', LOG_LEVEL: 'silent' } )
	);
	publishableKey = standin.state.config.publishableKey;
	stripe = new Stripe( standin.state.config.secretKey, {
		host: '127.0.0.1',
		port: standin.port,
		protocol: 'http',
	} );
	stripeJsLoader = await bundleLoader();
	merchant = await startMerchant();
	merchantUrl = `http://127.0.0.1:${
		( merchant.address() as AddressInfo ).port
	}`;
	browser = await chromium.launch( {
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	} );
} );

after( async () => {
	await browser?.close();
	await new Promise( ( resolve ) => merchant?.close( resolve ) );
	await standin?.close();
} );

describe( 'the stand-in Stripe.js in Chromium', () => {
	it( 'pays with 4242 4242 4242 4242 and redirects to return_url; the merchant page never sees the number', async () => {
		const { page, requests, intentId } = await openCheckout();
		await fillCard( page, SUCCESS_CARD );
		const frame = page.frameLocator( CARD_FRAME );
		await assert.doesNotReject(
			frame.getByText( 'Visa', { exact: true } ).waitFor()
		);
		assert.equal(
			await frame.getByLabel( 'Card number' ).inputValue(),
			'4242 4242 4242 4242'
		);
		void pay( page, 'always' ).catch( () => {} );
		await page.waitForURL( /\/return\?/ );
		const url = new URL( page.url() );
		assert.equal( url.searchParams.get( 'payment_intent' ), intentId );
		assert.equal( url.searchParams.get( 'redirect_status' ), 'succeeded' );
		assert.match(
			url.searchParams.get( 'payment_intent_client_secret' ) ?? '',
			new RegExp( `^${ intentId }_secret_` )
		);
		assert.equal(
			( await stripe.paymentIntents.retrieve( intentId ) ).status,
			'succeeded'
		);

		const merchantOrigin = new URL( merchantUrl ).origin;
		const carrying = requests.filter( ( request ) =>
			`${ request.url() } ${ request.postData() ?? '' }`.includes(
				SUCCESS_CARD
			)
		);
		assert.equal(
			carrying.length,
			1,
			'one request carries the card: the PaymentMethod'
		);
		assert.match( carrying[ 0 ].url(), /\/v1\/payment_methods$/ );
		assert.equal(
			new URL( carrying[ 0 ].frame().url() ).pathname,
			'/_standin/elements/payment'
		);
		for ( const request of requests ) {
			if ( new URL( request.frame().url() ).origin === merchantOrigin ) {
				assert.ok(
					! `${ request.url() } ${ request.postData() ?? '' }`.includes(
						SUCCESS_CARD
					)
				);
			}
		}
		await page.close();
	} );

	it( 'resolves the API error for declined cards (generic decline, insufficient funds)', async () => {
		for ( const [ number, declineCode, message ] of [
			[
				'4000000000000002',
				'generic_decline',
				'Your card was declined.',
			],
			[
				'4000000000009995',
				'insufficient_funds',
				'Your card has insufficient funds.',
			],
		] ) {
			const { page, intentId } = await openCheckout();
			await fillCard( page, number );
			const result = await pay( page );
			assert.equal( result.paymentIntent, undefined );
			assert.equal( result.error?.type, 'card_error' );
			assert.equal( result.error?.code, 'card_declined' );
			assert.equal( result.error?.decline_code, declineCode );
			assert.equal( result.error?.message, message );
			assert.equal( result.error?.payment_intent?.id, intentId );
			assert.equal(
				result.error?.payment_intent?.status,
				'requires_payment_method'
			);
			await page.close();
		}
	} );

	it( 'reports an incomplete card as a validation_error without any network call', async () => {
		const { page, requests } = await openCheckout();
		const frame = page.frameLocator( CARD_FRAME );
		await frame.getByLabel( 'Card number' ).fill( '4242 4242' );
		const sentBefore = requests.length;
		const result = await pay( page );
		assert.deepEqual( result.error, {
			type: 'validation_error',
			code: 'incomplete_number',
			message: 'Your card number is incomplete.',
		} );
		assert.equal(
			requests.length,
			sentBefore,
			'no request after confirmPayment'
		);
		const alert = frame.locator( '#number-error' );
		assert.equal(
			await alert.textContent(),
			'Your card number is incomplete.'
		);
		assert.equal( await alert.getAttribute( 'role' ), 'alert' );
		assert.equal(
			await frame
				.getByLabel( 'Card number' )
				.getAttribute( 'aria-invalid' ),
			'true'
		);
		await page.close();
	} );

	it( 'completes 3-D Secure in an accessible modal (4000 0027 6000 3184)', async () => {
		const { page, intentId } = await openCheckout();
		await fillCard( page, '4000002760003184' );
		const pending = pay( page );
		const dialog = page.getByRole( 'dialog', {
			name: 'Authenticate your payment',
		} );
		await dialog.waitFor();
		assert.equal(
			await page.evaluate(
				() =>
					(
						document
							.getElementById( 'before' )
							?.closest( 'main' ) as HTMLElement
					 ).inert
			),
			true,
			'the page behind the dialog is inert'
		);
		const challenge = page.frameLocator(
			'iframe[title="3D Secure authentication"]'
		);
		await challenge
			.getByRole( 'button', { name: 'Complete authentication' } )
			.click();
		const result = await pending;
		assert.equal( result.error, undefined );
		assert.equal( result.paymentIntent?.id, intentId );
		assert.equal( result.paymentIntent?.status, 'succeeded' );
		assert.equal( await dialog.count(), 0 );
		const seen = await page.evaluate(
			() =>
				( window as unknown as { seenMessages: string[] } ).seenMessages
		);
		assert.ok( seen.length > 0 );
		assert.ok(
			seen.every(
				( message ) => ! message.includes( '4000002760003184' )
			),
			'no message to the merchant page carries the card number'
		);
		await page.close();
	} );

	it( 'fails 3-D Secure from the button and from Escape with payment_intent_authentication_failure', async () => {
		for ( const how of [ 'button', 'escape' ] ) {
			const { page, intentId } = await openCheckout();
			await fillCard( page, '4000002760003184' );
			const pending = pay( page );
			const challenge = page.frameLocator(
				'iframe[title="3D Secure authentication"]'
			);
			const failButton = challenge.getByRole( 'button', {
				name: 'Fail authentication',
			} );
			await failButton.waitFor();
			if ( how === 'button' ) {
				await failButton.click();
			} else {
				await page.keyboard.press( 'Escape' );
			}
			const result = await pending;
			assert.equal( result.paymentIntent, undefined, how );
			assert.equal(
				result.error?.code,
				'payment_intent_authentication_failure',
				how
			);
			assert.equal(
				result.error?.message,
				'We are unable to authenticate your payment method. Please choose a different payment method and try again.'
			);
			assert.equal( result.error?.payment_intent?.id, intentId );
			assert.equal(
				result.error?.payment_intent?.status,
				'requires_payment_method'
			);
			await page.close();
		}
	} );

	it( 'applies the appearance variables inside the frame and sizes the frame from its content', async () => {
		const { page } = await openCheckout( {
			appearance: {
				theme: 'night',
				variables: { colorPrimary: '#ff5500', borderRadius: '11px' },
			},
		} );
		const frame = page.frame( { url: /\/_standin\/elements\/payment/ } );
		assert.ok( frame );
		const styles = await frame.evaluate( () => {
			const root = getComputedStyle( document.documentElement );
			return {
				primary: root.getPropertyValue( '--colorPrimary' ).trim(),
				background: root.getPropertyValue( '--colorBackground' ).trim(),
				radius: getComputedStyle(
					document.getElementById( 'number' ) as HTMLElement
				).borderTopLeftRadius,
				theme: document.documentElement.dataset.theme,
			};
		} );
		assert.deepEqual( styles, {
			primary: '#ff5500',
			background: '#30313d',
			radius: '11px',
			theme: 'night',
		} );
		const height = await page
			.locator( CARD_FRAME )
			.evaluate( ( iframe ) => iframe.getBoundingClientRect().height );
		assert.ok( height > 150, `frame height ${ height }` );
		await page.close();
	} );

	it( 'fires loaderror for a client secret the API refuses', async () => {
		const { page } = await openCheckout( {
			// A well-formed secret for an intent that does not exist.
			clientSecret: 'pi_doesnotexist_secret_abcdef',
		} );
		const events = await page.evaluate(
			() =>
				(
					window as unknown as {
						events: Array< {
							name: string;
							event: { error?: { type: string } };
						} >;
					}
				 ).events
		);
		const loadError = events.find(
			( event ) => event.name === 'loaderror'
		);
		assert.ok( loadError, JSON.stringify( events ) );
		assert.equal( loadError.event.error?.type, 'invalid_request_error' );
		assert.equal(
			events.some( ( event ) => event.name === 'ready' ),
			false
		);
		await page.close();
	} );

	it( '@stripe/stripe-js loadStripe() resolves the stand-in without a version warning', async () => {
		const page = await browser.newPage();
		const warnings: string[] = [];
		page.on( 'console', ( message ) => {
			if ( message.type() === 'warning' || message.type() === 'error' ) {
				warnings.push( message.text() );
			}
		} );
		// As the e2e journeys do: js.stripe.com is answered with the stand-in's script.
		const script = await (
			await fetch( `${ standin.url }/endive/stripe.js` )
		).text();
		await page.route( 'https://js.stripe.com/**', ( route ) =>
			route.fulfill( { body: script, contentType: 'text/javascript' } )
		);
		await page.goto( `${ merchantUrl }/loader` );
		const loaded = await page.evaluate( async ( pk ) => {
			const loader = (
				window as unknown as {
					StripeJsPure: {
						loadStripe: ( key: string ) => Promise< {
							elements: unknown;
							_wrappers: Array< { name: string } >;
						} | null >;
					};
				}
			 ).StripeJsPure;
			const instance = await loader.loadStripe( pk );
			return {
				elements: typeof instance?.elements,
				wrapper: instance?._wrappers[ 0 ]?.name,
				version: (
					window as unknown as { Stripe: { version: string } }
				 ).Stripe.version,
			};
		}, publishableKey );
		assert.deepEqual( loaded, {
			elements: 'function',
			wrapper: 'stripe-js',
			version: 'endive',
		} );
		assert.deepEqual( warnings, [] );
		await page.close();
	} );

	it( 'refuses a secret key as Stripe.js does', async () => {
		const page = await browser.newPage();
		await page.goto( merchantUrl );
		const message = await page.evaluate( () => {
			try {
				(
					window as unknown as { Stripe: ( key: string ) => unknown }
				 ).Stripe( 'sk_test_123' );
				return null;
			} catch ( error ) {
				return `${ ( error as Error ).name }: ${ ( error as Error ).message }`;
			}
		} );
		assert.equal(
			message,
			'IntegrationError: You should not use your secret key with Stripe.js.\nPlease pass a publishable key instead.'
		);
		await page.close();
	} );
	it( 'is operable with the keyboard alone, formats as typed, reports change events, and lays out RTL locales', async () => {
		const { page } = await openCheckout( { locale: 'ar' } );
		const frame = page.frame( { url: /\/_standin\/elements\/payment/ } );
		assert.ok( frame );
		assert.equal(
			await frame.evaluate( () => document.documentElement.dir ),
			'rtl'
		);
		// From the link before the form, Tab enters the frame at the card number.
		await page.locator( '#before' ).focus();
		await page.keyboard.press( 'Tab' );
		await page.keyboard.type( SUCCESS_CARD );
		await page.keyboard.press( 'Tab' );
		await page.keyboard.type( EXPIRY.replace( /\D/g, '' ) );
		await page.keyboard.press( 'Tab' );
		await page.keyboard.type( '123' );
		const values = await frame.evaluate( () =>
			[ 'number', 'expiry', 'cvc' ].map(
				( id ) =>
					( document.getElementById( id ) as HTMLInputElement ).value
			)
		);
		assert.deepEqual( values, [ '4242 4242 4242 4242', EXPIRY, '123' ] );
		// The frame's last change event crosses postMessage after the keystroke: wait for it to arrive.
		await page.waitForFunction( () =>
			(
				window as unknown as {
					events: Array< {
						name: string;
						event: { complete?: boolean };
					} >;
				}
			 ).events.some(
				( event ) => event.name === 'change' && event.event.complete
			)
		);
		const events = await page.evaluate(
			() =>
				(
					window as unknown as {
						events: Array< { name: string; event: unknown } >;
					}
				 ).events
		);
		assert.ok( events.some( ( event ) => event.name === 'focus' ) );
		assert.deepEqual(
			events.filter( ( event ) => event.name === 'change' ).at( -1 )
				?.event,
			{
				elementType: 'payment',
				empty: false,
				complete: true,
				collapsed: false,
				value: { type: 'card' },
			}
		);
		await page.keyboard.press( 'Escape' );
		await page.waitForFunction( () =>
			(
				window as unknown as { events: Array< { name: string } > }
			 ).events.some( ( event ) => event.name === 'escape' )
		);
		await page.close();
	} );

	it( 'runs the next action with handleNextAction() for an intent confirmed on the server', async () => {
		const { page } = await openCheckout();
		const intent = await stripe.paymentIntents.create( {
			amount: 1500,
			currency: 'usd',
			payment_method: 'pm_card_authenticationRequired',
			confirm: true,
			return_url: `${ merchantUrl }/return`,
		} );
		assert.equal( intent.status, 'requires_action' );
		const pending = page.evaluate(
			( clientSecret ) =>
				(
					window as unknown as {
						checkout: {
							stripe: {
								handleNextAction: (
									o: object
								) => Promise< PayResult >;
							};
						};
					}
				 ).checkout.stripe.handleNextAction( { clientSecret } ),
			intent.client_secret ?? ''
		);
		await page
			.frameLocator( 'iframe[title="3D Secure authentication"]' )
			.getByRole( 'button', { name: 'Complete authentication' } )
			.click();
		const result = await pending;
		assert.equal( result.paymentIntent?.id, intent.id );
		assert.equal( result.paymentIntent?.status, 'succeeded' );
		await page.close();
	} );

	it( 'serves the challenge as a top-level page that returns to return_url (redirect flow)', async () => {
		const intent = await stripe.paymentIntents.create( {
			amount: 1500,
			currency: 'usd',
			payment_method: 'pm_card_authenticationRequired',
			confirm: true,
			return_url: `${ merchantUrl }/return`,
		} );
		const challengeUrl = intent.next_action?.redirect_to_url?.url ?? '';
		const page = await browser.newPage();
		await page.goto( challengeUrl );
		await page
			.getByRole( 'button', { name: 'Fail authentication' } )
			.click();
		await page.waitForURL( /\/return\?/ );
		const url = new URL( page.url() );
		assert.equal( url.searchParams.get( 'payment_intent' ), intent.id );
		assert.equal( url.searchParams.get( 'redirect_status' ), 'failed' );
		assert.equal(
			( await stripe.paymentIntents.retrieve( intent.id ) )
				.last_payment_error?.code,
			'payment_intent_authentication_failure'
		);
		await page.close();

		// Without JavaScript the buttons are a plain form post, and the server sends the visitor back itself.
		const second = await stripe.paymentIntents.create( {
			amount: 1500,
			currency: 'usd',
			payment_method: 'pm_card_authenticationRequired',
			confirm: true,
			return_url: `${ merchantUrl }/return`,
		} );
		const noScript = await browser.newContext( {
			javaScriptEnabled: false,
		} );
		const plain = await noScript.newPage();
		await plain.goto( second.next_action?.redirect_to_url?.url ?? '' );
		await plain
			.getByRole( 'button', { name: 'Complete authentication' } )
			.click();
		await plain.waitForURL( /\/return\?/ );
		assert.equal(
			new URL( plain.url() ).searchParams.get( 'redirect_status' ),
			'succeeded'
		);
		await noScript.close();
	} );
	it( 'retrieves an intent with its client secret, and turns a network failure into api_connection_error', async () => {
		const { page, intentId } = await openCheckout();
		const retrieved = await page.evaluate( () =>
			(
				window as unknown as {
					checkout: {
						intent: { client_secret: string };
						stripe: {
							retrievePaymentIntent: (
								secret: string
							) => Promise< PayResult >;
						};
					};
				}
			 ).checkout.stripe.retrievePaymentIntent(
				(
					window as unknown as {
						checkout: { intent: { client_secret: string } };
					}
				 ).checkout.intent.client_secret
			)
		);
		assert.equal( retrieved.paymentIntent?.id, intentId );
		assert.equal(
			retrieved.paymentIntent?.status,
			'requires_payment_method'
		);

		await fillCard( page, SUCCESS_CARD );
		await page.route( '**/v1/payment_intents/*/confirm', ( route ) =>
			route.abort( 'connectionreset' )
		);
		const result = await pay( page );
		assert.equal( result.error?.type, 'api_connection_error' );
		assert.equal( typeof result.error?.message, 'string' );
		await page.close();
	} );
} );
