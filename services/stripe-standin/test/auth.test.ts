/**
 * Keys and headers: missing or wrong keys, Basic auth, what a publishable key may do (Stripe.js's calls,
 * with the client secret), Request-Id, Stripe-Version, CORS, and the controls' secret-key requirement.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
	PUBLISHABLE_KEY,
	rejection,
	SECRET_KEY,
	sdk,
	startHarness,
	type Harness,
} from './helpers';

let harness: Harness;
before( async () => {
	harness = await startHarness();
} );
after( () => harness.close() );

test( 'no key, or an unknown one, is a 401 in Stripe words (the key redacted)', async () => {
	const none = await harness.raw( '/v1/payment_intents' );
	assert.equal( none.status, 401 );
	const noneBody = ( await none.json() ) as {
		error: { type: string; message: string };
	};
	assert.equal( noneBody.error.type, 'invalid_request_error' );
	assert.match( noneBody.error.message, /^You did not provide an API key\./ );

	const wrongKey = 'sk_test_standin_not_the_right_one_WXYZ';
	const error = await rejection(
		sdk( wrongKey, harness.standin.port, 0 ).paymentIntents.list()
	);
	assert.equal( error.type, 'StripeAuthenticationError' );
	assert.equal( error.statusCode, 401 );
	assert.equal(
		error.message,
		`Invalid API Key provided: sk_test_${ '*'.repeat( wrongKey.length - 12 ) }WXYZ`
	);
	assert.ok( ! JSON.stringify( error.raw ).includes( 'not_the_right_one' ) );
} );

test( 'HTTP Basic with the key as the user is accepted', async () => {
	const response = await harness.raw( '/v1/payment_intents?limit=1', {
		headers: {
			Authorization: `Basic ${ Buffer.from( `${ SECRET_KEY }:` ).toString( 'base64' ) }`,
		},
	} );
	assert.equal( response.status, 200 );
	assert.equal(
		( ( await response.json() ) as { object: string } ).object,
		'list'
	);
} );

test( 'every answer has a Request-Id and Stripe-Version (echoed or the default), and /v1 CORS', async () => {
	const plain = await harness.raw( '/v1/payment_intents', {
		headers: { Authorization: `Bearer ${ SECRET_KEY }` },
	} );
	assert.match(
		plain.headers.get( 'request-id' ) ?? '',
		/^req_[A-Za-z0-9]{14}$/
	);
	assert.equal( plain.headers.get( 'stripe-version' ), '2026-10-28.endive' );
	assert.equal( plain.headers.get( 'access-control-allow-origin' ), '*' );
	const pinned = await harness.raw( '/v1/payment_intents', {
		headers: {
			Authorization: `Bearer ${ SECRET_KEY }`,
			'Stripe-Version': '2024-06-20',
		},
	} );
	assert.equal( pinned.headers.get( 'stripe-version' ), '2024-06-20' );
	const unauthorized = await harness.raw( '/v1/payment_intents' );
	assert.match( unauthorized.headers.get( 'request-id' ) ?? '', /^req_/ );

	const preflight = await harness.raw( '/v1/payment_methods', {
		method: 'OPTIONS',
		headers: {
			Origin: 'https://shop.example.test',
			'Access-Control-Request-Method': 'POST',
			'Access-Control-Request-Headers': 'authorization, content-type',
		},
	} );
	assert.equal( preflight.status, 204 );
	assert.equal( preflight.headers.get( 'access-control-allow-origin' ), '*' );
	assert.equal(
		preflight.headers.get( 'access-control-allow-headers' ),
		'authorization, content-type'
	);
} );

test( 'a publishable key cannot create intents or refunds, list, or retrieve without the client secret', async () => {
	const refusals = [
		harness.browser.paymentIntents.create( {
			amount: 1000,
			currency: 'usd',
		} ),
		harness.browser.paymentIntents.list(),
		harness.browser.refunds.create( { payment_intent: 'pi_x' } ),
		harness.browser.events.list(),
	];
	for ( const refusal of refusals ) {
		const error = await rejection( refusal );
		assert.equal( error.type, 'StripeAuthenticationError' );
		assert.equal( error.statusCode, 401 );
		assert.match(
			error.message,
			/^This API call cannot be made with a publishable API key\./
		);
	}
	const intent = await harness.stripe.paymentIntents.create( {
		amount: 1000,
		currency: 'usd',
	} );
	const noSecret = await rejection(
		harness.browser.paymentIntents.retrieve( intent.id )
	);
	assert.equal( noSecret.statusCode, 401 );
	const control = await harness.raw( '/_standin/reset', {
		method: 'POST',
		headers: { Authorization: `Bearer ${ PUBLISHABLE_KEY }` },
	} );
	assert.equal( control.status, 401, 'controls need the secret key' );
} );

test( 'a publishable key with the client secret retrieves and confirms (what Stripe.js does)', async () => {
	const intent = await harness.stripe.paymentIntents.create( {
		amount: 1000,
		currency: 'usd',
	} );
	const seen = await harness.browser.paymentIntents.retrieve( intent.id, {
		client_secret: String( intent.client_secret ),
	} );
	assert.equal( seen.id, intent.id );

	const wrong = await rejection(
		harness.browser.paymentIntents.retrieve( intent.id, {
			client_secret: `${ intent.id }_secret_nope`,
		} )
	);
	assert.equal( wrong.statusCode, 400 );
	assert.equal( wrong.param, 'client_secret' );
	const wrongConfirm = await rejection(
		harness.browser.paymentIntents.confirm( intent.id, {
			payment_method: 'pm_card_visa',
			client_secret: `${ intent.id }_secret_nope`,
		} as never )
	);
	assert.equal( wrongConfirm.param, 'client_secret' );

	const method = await harness.browser.paymentMethods.create( {
		type: 'card',
		card: {
			number: '4242 4242 4242 4242',
			exp_month: 4,
			exp_year: 2044,
			cvc: '314',
		},
		billing_details: { name: 'Ada Lovelace', email: 'ada@example.test' },
	} );
	assert.equal( method.card?.last4, '4242' );
	assert.equal( method.billing_details.name, 'Ada Lovelace' );
	const retrieveMethod = await rejection(
		harness.browser.paymentMethods.retrieve( method.id )
	);
	assert.equal( retrieveMethod.statusCode, 401 );

	const confirmed = await harness.browser.paymentIntents.confirm( intent.id, {
		payment_method: method.id,
		client_secret: String( intent.client_secret ),
	} as never );
	assert.equal( confirmed.status, 'succeeded' );
} );

test( 'a publishable key confirms with payment_method_data (card details in the confirm call)', async () => {
	const intent = await harness.stripe.paymentIntents.create( {
		amount: 1000,
		currency: 'usd',
	} );
	const confirmed = await harness.browser.paymentIntents
		.confirm( intent.id, {
			client_secret: String( intent.client_secret ),
			payment_method_data: {
				type: 'card',
				card: {
					number: '4000000000009995',
					exp_month: 1,
					exp_year: 2045,
					cvc: '999',
				},
			},
		} as never )
		.catch(
			( error: {
				raw: { payment_intent: { status: string } };
				decline_code: string;
			} ) => error
		);
	assert.equal(
		( confirmed as { decline_code: string } ).decline_code,
		'insufficient_funds'
	);
	assert.equal(
		( confirmed as { raw: { payment_intent: { status: string } } } ).raw
			.payment_intent.status,
		'requires_payment_method'
	);
} );

test( 'card details are checked as Stripe checks them (card_error codes)', async () => {
	const cases: [ Record< string, string | number >, string, string ][] = [
		[
			{ number: '4242424242424241', exp_month: 12, exp_year: 2040 },
			'incorrect_number',
			'card[number]',
		],
		[
			{ number: '4242424242424242', exp_month: 13, exp_year: 2040 },
			'invalid_expiry_month',
			'card[exp_month]',
		],
		[
			{ number: '4242424242424242', exp_month: 12, exp_year: 2001 },
			'invalid_expiry_year',
			'card[exp_year]',
		],
		[
			{
				number: '4242424242424242',
				exp_month: 12,
				exp_year: 2040,
				cvc: '12',
			},
			'invalid_cvc',
			'card[cvc]',
		],
	];
	for ( const [ card, code, param ] of cases ) {
		const error = await rejection(
			harness.browser.paymentMethods.create( {
				type: 'card',
				card: card as never,
			} )
		);
		assert.equal( error.type, 'StripeCardError', code );
		assert.equal( error.statusCode, 402 );
		assert.equal( error.code, code );
		assert.equal( error.param, param );
	}
} );

test( "an unknown route is Stripe's 404 invalid_request_error", async () => {
	const response = await harness.raw( '/v1/customers', {
		headers: { Authorization: `Bearer ${ SECRET_KEY }` },
	} );
	assert.equal( response.status, 404 );
	const body = ( await response.json() ) as {
		error: { type: string; message: string };
	};
	assert.equal( body.error.type, 'invalid_request_error' );
	assert.match(
		body.error.message,
		/^Unrecognized request URL \(GET: \/v1\/customers\)/
	);
} );
