/**
 * Webhooks: signatures the real SDK verifies, retries until a 2xx, and the delivery faults (pause,
 * drop, duplicate, reverse order, resend), secret rotation, and the endpoints given by environment.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, beforeEach, test } from 'node:test';

import Stripe from 'stripe';

import {
	rejection,
	startHarness,
	startReceiver,
	WEBHOOK_SECRET,
	type Harness,
	type Receiver,
} from './helpers';

const verifier = new Stripe( 'sk_test_verifier_only_000000' );

let harness: Harness;
let receiver: Receiver;
let secret: string;

before( async () => {
	harness = await startHarness();
} );
after( () => harness.close() );

beforeEach( async () => {
	await harness.control( 'POST', '/_standin/reset' );
	receiver = await startReceiver();
	const endpoint = ( await harness.control(
		'POST',
		'/_standin/webhook_endpoints',
		{
			url: receiver.url,
		}
	) ) as { id: string; secret: string };
	secret = endpoint.secret;
} );
afterEach( () => receiver.close() );

const pay = () =>
	harness.stripe.paymentIntents.create( {
		amount: 1000,
		currency: 'usd',
		confirm: true,
		payment_method: 'pm_card_visa',
		return_url: 'https://shop.example.test/done',
	} );

interface Delivery {
	event: string;
	state: string;
	attempts: { status: number | null; error: string | null }[];
}

const deliveries = async () =>
	(
		( await harness.control( 'GET', '/_standin/deliveries' ) ) as {
			data: Delivery[];
		}
	 ).data;

const settled = async ( count: number ) => {
	const deadline = Date.now() + 5000;
	for (;;) {
		const all = await deliveries();
		if (
			all.length >= count &&
			all.every( ( item ) =>
				[ 'succeeded', 'failed', 'dropped' ].includes( item.state )
			)
		) {
			return all;
		}
		if ( Date.now() > deadline ) {
			throw new Error(
				`Deliveries not settled: ${ JSON.stringify( all ) }`
			);
		}
		await new Promise( ( resolve ) => setTimeout( resolve, 20 ) );
	}
};

test( 'each event arrives signed as Stripe signs: constructEvent accepts it, a wrong secret fails', async () => {
	const intent = await pay();
	const received = await receiver.waitFor( 3 );
	assert.deepEqual(
		received.map( ( item ) => item.type ),
		[
			'payment_intent.created',
			'charge.succeeded',
			'payment_intent.succeeded',
		]
	);
	for ( const item of received ) {
		assert.equal(
			item.headers[ 'content-type' ],
			'application/json; charset=utf-8'
		);
		assert.equal(
			item.headers[ 'user-agent' ],
			'Stripe/1.0 (+https://stripe.com/docs/webhooks)'
		);
		const signature = String( item.headers[ 'stripe-signature' ] );
		assert.match( signature, /^t=\d+,v1=[0-9a-f]{64}$/ );
		const event = verifier.webhooks.constructEvent(
			item.body,
			signature,
			secret
		);
		assert.equal( event.id, item.id );
		assert.equal( event.api_version, '2026-10-28.endive' );
		assert.throws(
			() =>
				verifier.webhooks.constructEvent(
					item.body,
					signature,
					'whsec_wrong_secret_00000000'
				),
			( error: { type?: string } ) =>
				error.type === 'StripeSignatureVerificationError'
		);
	}
	const succeeded = verifier.webhooks.constructEvent(
		received[ 2 ]?.body ?? '',
		String( received[ 2 ]?.headers[ 'stripe-signature' ] ),
		secret
	);
	assert.equal(
		( succeeded.data.object as Stripe.PaymentIntent ).id,
		intent.id
	);
	assert.equal(
		( succeeded.data.object as Stripe.PaymentIntent ).status,
		'succeeded'
	);
	assert.match( String( succeeded.request?.id ), /^req_/ );
	assert.equal(
		typeof succeeded.request?.idempotency_key,
		'string',
		'the SDK sends a key on every POST'
	);

	// The event is the same through the API, but for pending_webhooks: delivered now, so 0 (was 1).
	await settled( 3 );
	const stored = await harness.stripe.events.retrieve( succeeded.id );
	assert.equal( succeeded.pending_webhooks, 1 );
	assert.deepEqual( stored, { ...succeeded, pending_webhooks: 0 } );
} );

test( 'a failing endpoint is retried with backoff until it answers 2xx', async () => {
	receiver.failNext( 2, 503 );
	await harness.stripe.paymentIntents.create( {
		amount: 1000,
		currency: 'usd',
	} );
	const received = await receiver.waitFor( 3 );
	assert.deepEqual(
		received
			.map( ( item ) => item.id )
			.filter( ( id, index, all ) => all.indexOf( id ) === index ).length,
		1
	);
	const [ delivery ] = await settled( 1 );
	assert.equal( delivery?.state, 'succeeded' );
	assert.deepEqual(
		delivery?.attempts.map( ( attempt ) => attempt.status ),
		[ 503, 503, 200 ]
	);
	// Each attempt is signed afresh and still verifies.
	for ( const item of received ) {
		verifier.webhooks.constructEvent(
			item.body,
			String( item.headers[ 'stripe-signature' ] ),
			secret
		);
	}
} );

test( 'an endpoint that does not answer in time is retried', async () => {
	const local = await startHarness( {
		env: { STANDIN_WEBHOOK_TIMEOUT_MS: '100' },
	} );
	let calls = 0;
	const slow = createServer( ( request, response ) => {
		calls++;
		request.resume();
		if ( calls === 1 ) {
			return; // Never answers: the stand-in gives up on this attempt.
		}
		response.writeHead( 204 ).end();
	} );
	await new Promise< void >( ( resolve ) =>
		slow.listen( 0, '127.0.0.1', resolve )
	);
	try {
		await local.control( 'POST', '/_standin/webhook_endpoints', {
			url: `http://127.0.0.1:${ ( slow.address() as AddressInfo ).port }/`,
		} );
		await local.stripe.paymentIntents.create( {
			amount: 1000,
			currency: 'usd',
		} );
		const deadline = Date.now() + 5000;
		let delivery: Delivery | undefined;
		while ( delivery?.state !== 'succeeded' && Date.now() < deadline ) {
			await new Promise( ( resolve ) => setTimeout( resolve, 20 ) );
			delivery = (
				( await local.control( 'GET', '/_standin/deliveries' ) ) as {
					data: Delivery[];
				}
			 ).data[ 0 ];
		}
		assert.equal( delivery?.state, 'succeeded' );
		assert.deepEqual(
			delivery?.attempts.map( ( attempt ) => [
				attempt.status,
				attempt.error,
			] ),
			[
				[ null, 'timeout' ],
				[ 204, null ],
			]
		);
	} finally {
		await local.close();
		slow.closeAllConnections();
		await new Promise( ( resolve ) => slow.close( resolve ) );
	}
} );

test( 'an endpoint failing every time is given up after the configured attempts', async () => {
	receiver.failNext( 10, 500 );
	await harness.stripe.paymentIntents.create( {
		amount: 1000,
		currency: 'usd',
	} );
	const [ delivery ] = await settled( 1 );
	assert.equal( delivery?.state, 'failed' );
	assert.equal( delivery?.attempts.length, 4 );
} );

test( 'drop: the next N deliveries are lost and never retried; resend delivers one again', async () => {
	await harness.control( 'POST', '/_standin/webhooks/drop', { count: 2 } );
	await pay();
	const all = await settled( 3 );
	assert.deepEqual(
		all.map( ( item ) => item.state ),
		[ 'dropped', 'dropped', 'succeeded' ]
	);
	const received = await receiver.waitFor( 1 );
	assert.equal( received.length, 1 );
	assert.equal( received[ 0 ]?.type, 'payment_intent.succeeded' );

	const lost = all[ 0 ]?.event ?? '';
	await harness.control( 'POST', `/_standin/events/${ lost }/resend` );
	await receiver.waitFor( 2 );
	assert.equal( receiver.received[ 1 ]?.id, lost );
	const missing = await rejection(
		harness.control( 'POST', '/_standin/events/evt_missing/resend' )
	);
	assert.match( String( missing ), /404/ );
} );

test( 'duplicate: each delivery arrives K times at once', async () => {
	await harness.control( 'POST', '/_standin/webhooks/duplicate', {
		copies: 3,
	} );
	await harness.stripe.paymentIntents.create( {
		amount: 1000,
		currency: 'usd',
	} );
	const received = await receiver.waitFor( 3 );
	assert.equal( new Set( received.map( ( item ) => item.id ) ).size, 1 );
	const [ delivery ] = await settled( 1 );
	assert.equal( delivery?.attempts.length, 3 );
} );

test( 'pause holds deliveries; resume with order=reverse sends them newest first', async () => {
	await harness.control( 'POST', '/_standin/webhooks/pause' );
	await pay();
	await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
	assert.equal( receiver.received.length, 0 );
	const answer = ( await harness.control(
		'POST',
		'/_standin/webhooks/resume',
		{ order: 'reverse' }
	) ) as { sent: number };
	assert.equal( answer.sent, 3 );
	const received = await receiver.waitFor( 3 );
	assert.deepEqual(
		received.map( ( item ) => item.type ),
		[
			'payment_intent.succeeded',
			'charge.succeeded',
			'payment_intent.created',
		]
	);
} );

test( 'rolling the secret signs with both secrets during the overlap, then with the new one only', async () => {
	let now = Date.now();
	const local = await startHarness( { overrides: { now: () => now } } );
	const localReceiver = await startReceiver();
	try {
		const endpoint = ( await local.control(
			'POST',
			'/_standin/webhook_endpoints',
			{
				url: localReceiver.url,
			}
		) ) as { id: string; secret: string };
		const rolled = ( await local.control(
			'POST',
			`/_standin/webhook_endpoints/${ endpoint.id }/roll_secret`,
			{ expires_in: 3600 }
		) ) as { secret: string; secret_rolling_until: number };
		assert.notEqual( rolled.secret, endpoint.secret );
		assert.equal( rolled.secret_rolling_until, now + 3600 * 1000 );

		await local.stripe.paymentIntents.create( {
			amount: 1000,
			currency: 'usd',
		} );
		const [ during ] = await localReceiver.waitFor( 1 );
		const header = String( during?.headers[ 'stripe-signature' ] );
		assert.match( header, /^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/ );
		verifier.webhooks.constructEvent(
			during?.body ?? '',
			header,
			rolled.secret
		);
		verifier.webhooks.constructEvent(
			during?.body ?? '',
			header,
			endpoint.secret
		);

		now += 3601 * 1000;
		await local.stripe.paymentIntents.create( {
			amount: 1000,
			currency: 'usd',
		} );
		const [ , later ] = await localReceiver.waitFor( 2 );
		const laterHeader = String( later?.headers[ 'stripe-signature' ] );
		assert.match( laterHeader, /^t=\d+,v1=[0-9a-f]{64}$/ );
		assert.throws( () =>
			verifier.webhooks.constructEvent(
				later?.body ?? '',
				laterHeader,
				endpoint.secret,
				10 ** 9
			)
		);
		verifier.webhooks.constructEvent(
			later?.body ?? '',
			laterHeader,
			rolled.secret,
			10 ** 9
		);
	} finally {
		await local.close();
		await localReceiver.close();
	}
} );

test( 'STANDIN_WEBHOOK_URL and STANDIN_WEBHOOK_SECRET configure endpoints at start', async () => {
	const one = await startReceiver();
	const two = await startReceiver();
	const local = await startHarness( {
		env: {
			STANDIN_WEBHOOK_URL: `${ one.url }, ${ two.url }`,
			STANDIN_WEBHOOK_SECRET: WEBHOOK_SECRET,
		},
	} );
	try {
		const listed = ( await local.control(
			'GET',
			'/_standin/webhook_endpoints'
		) ) as { data: Record< string, unknown >[] };
		assert.equal( listed.data.length, 2 );
		assert.ok(
			! JSON.stringify( listed ).includes( WEBHOOK_SECRET ),
			'secrets are never listed'
		);
		const intent = await local.stripe.paymentIntents.create( {
			amount: 1000,
			currency: 'usd',
		} );
		for ( const receiverOf of [ one, two ] ) {
			const [ item ] = await receiverOf.waitFor( 1 );
			const event = verifier.webhooks.constructEvent(
				item?.body ?? '',
				String( item?.headers[ 'stripe-signature' ] ),
				WEBHOOK_SECRET
			);
			assert.equal(
				( event.data.object as { id: string } ).id,
				intent.id
			);
			assert.equal( event.pending_webhooks, 2 );
		}
	} finally {
		await local.close();
		await one.close();
		await two.close();
	}
} );

test( 'events list filters by type and pages; unknown events are 404', async () => {
	await pay();
	await pay();
	const succeeded = await harness.stripe.events.list( {
		type: 'payment_intent.succeeded',
	} );
	assert.equal( succeeded.data.length, 2 );
	const charges = await harness.stripe.events.list( { type: 'charge.*' } );
	assert.deepEqual(
		charges.data.map( ( event ) => event.type ),
		[ 'charge.succeeded', 'charge.succeeded' ]
	);
	const page = await harness.stripe.events.list( { limit: 4 } );
	assert.equal( page.has_more, true );
	const rest = await harness.stripe.events.list( {
		limit: 4,
		starting_after: page.data[ 3 ]?.id,
	} );
	assert.equal( rest.data.length, 2 );
	assert.equal( rest.has_more, false );
	const error = await rejection(
		harness.stripe.events.retrieve( 'evt_missing' )
	);
	assert.equal( error.statusCode, 404 );
} );
