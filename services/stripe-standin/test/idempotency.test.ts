/**
 * Idempotency as Stripe does it: replays, reuse with other parameters, concurrent requests with one key,
 * and the SDK's own retry after a 500.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { rejection, SECRET_KEY, startHarness, type Harness } from './helpers';

let harness: Harness;
before( async () => {
	harness = await startHarness();
} );
after( () => harness.close() );

const post = ( path: string, body: string, key: string ) =>
	harness.raw( path, {
		method: 'POST',
		headers: {
			Authorization: `Bearer ${ SECRET_KEY }`,
			'Content-Type': 'application/x-www-form-urlencoded',
			'Idempotency-Key': key,
		},
		body,
	} );

const intentCount = () =>
	Object.keys( harness.standin.state.data.paymentIntents ).length;

test( 'the same key and parameters replay the stored answer, marked Idempotent-Replayed', async () => {
	const body = 'amount=1000&currency=usd&metadata[order]=7';
	const first = await post( '/v1/payment_intents', body, 'key-replay' );
	const firstText = await first.text();
	assert.equal( first.status, 200 );
	assert.equal( first.headers.get( 'idempotent-replayed' ), null );
	const countBefore = intentCount();

	const second = await post( '/v1/payment_intents', body, 'key-replay' );
	assert.equal( second.status, 200 );
	assert.equal( await second.text(), firstText );
	assert.equal( second.headers.get( 'idempotent-replayed' ), 'true' );
	assert.equal(
		second.headers.get( 'original-request' ),
		first.headers.get( 'request-id' )
	);
	assert.notEqual(
		second.headers.get( 'request-id' ),
		first.headers.get( 'request-id' )
	);
	assert.equal( intentCount(), countBefore );

	// The SDK's view: the same object, and the replay flag in lastResponse.
	const viaSdk = await harness.stripe.paymentIntents.create(
		{ amount: 1000, currency: 'usd', metadata: { order: '7' } },
		{ idempotencyKey: 'key-replay' }
	);
	assert.equal( viaSdk.id, ( JSON.parse( firstText ) as { id: string } ).id );
} );

test( 'errors are replayed too: a declined confirmation answers the same 402 again', async () => {
	const intent = await harness.stripe.paymentIntents.create( {
		amount: 1000,
		currency: 'usd',
	} );
	const path = `/v1/payment_intents/${ intent.id }/confirm`;
	const first = await post(
		path,
		'payment_method=pm_card_chargeDeclined',
		'key-decline'
	);
	const second = await post(
		path,
		'payment_method=pm_card_chargeDeclined',
		'key-decline'
	);
	assert.equal( first.status, 402 );
	assert.equal( second.status, 402 );
	assert.equal( await second.text(), await first.text() );
	const charges = Object.values( harness.standin.state.data.charges ).filter(
		( charge ) => charge.payment_intent === intent.id
	);
	assert.equal( charges.length, 1, 'the card was charged once' );
} );

test( 'the same key with other parameters is an idempotency_error', async () => {
	await harness.stripe.paymentIntents.create(
		{ amount: 1000, currency: 'usd' },
		{ idempotencyKey: 'key-mismatch' }
	);
	const error = await rejection(
		harness.stripe.paymentIntents.create(
			{ amount: 2000, currency: 'usd' },
			{ idempotencyKey: 'key-mismatch' }
		)
	);
	assert.equal( error.type, 'StripeIdempotencyError' );
	assert.equal( error.statusCode, 400 );
	assert.equal(
		error.message,
		"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'key-mismatch' if you meant to execute a different request."
	);
	// Another endpoint counts as other parameters.
	const elsewhere = await post(
		'/v1/refunds',
		'amount=1000&currency=usd',
		'key-mismatch'
	);
	assert.equal( elsewhere.status, 400 );
	assert.equal(
		( ( await elsewhere.json() ) as { error: { type: string } } ).error
			.type,
		'idempotency_error'
	);
} );

test( 'concurrent requests with one key create one intent', async () => {
	const countBefore = intentCount();
	const answers = await Promise.all(
		Array.from( { length: 8 }, () =>
			post(
				'/v1/payment_intents',
				'amount=1234&currency=usd',
				'key-concurrent'
			).then( async ( response ) => ( {
				status: response.status,
				body: await response.text(),
			} ) )
		)
	);
	assert.equal( intentCount(), countBefore + 1 );
	assert.ok( answers.every( ( answer ) => answer.status === 200 ) );
	assert.equal( new Set( answers.map( ( answer ) => answer.body ) ).size, 1 );
} );

test( 'the SDK retries an injected 500 with its key and one intent is created', async () => {
	const countBefore = intentCount();
	await harness.control( 'POST', '/_standin/failures', { count: 1 } );
	const intent = await harness.stripe.paymentIntents.create( {
		amount: 4321,
		currency: 'usd',
	} );
	assert.equal( intent.amount, 4321 );
	assert.equal( intentCount(), countBefore + 1 );
	assert.equal( harness.standin.state.failNext, 0 );

	// Without retries the SDK surfaces Stripe's api_error.
	await harness.control( 'POST', '/_standin/failures', { count: 1 } );
	const error = await rejection(
		harness.stripe.paymentIntents.create(
			{ amount: 4321, currency: 'usd' },
			{ maxNetworkRetries: 0 }
		)
	);
	assert.equal( error.type, 'StripeAPIError' );
	assert.equal( error.statusCode, 500 );
	assert.equal( intentCount(), countBefore + 1 );

	// A 429 is Stripe's rate_limit_error.
	await harness.control( 'POST', '/_standin/failures', {
		count: 1,
		status: 429,
	} );
	const limited = await rejection(
		harness.stripe.paymentIntents.list( {}, { maxNetworkRetries: 0 } )
	);
	assert.equal( limited.type, 'StripeRateLimitError' );
	assert.equal( limited.code, 'rate_limit' );
	assert.equal( limited.statusCode, 429 );
} );

test( 'records expire after 24 hours', async () => {
	let now = Date.now();
	const local = await startHarness( { overrides: { now: () => now } } );
	try {
		const first = await local.stripe.paymentIntents.create(
			{ amount: 1000, currency: 'usd' },
			{ idempotencyKey: 'key-expiry' }
		);
		now += 24 * 60 * 60 * 1000 + 1;
		const second = await local.stripe.paymentIntents.create(
			{ amount: 1000, currency: 'usd' },
			{ idempotencyKey: 'key-expiry' }
		);
		assert.notEqual( second.id, first.id );
	} finally {
		await local.close();
	}
} );
