/**
 * Stripe's webhook: the signature matrix (only valid signatures, within the tolerance, with a current or
 * a rotated-out secret, are accepted), deduplication by event id under concurrency, and events out of
 * order or late never moving a payment backwards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import type Stripe from 'stripe';

import {
	assertNoSecret,
	OLD_WEBHOOK_SECRET,
	paymentBody,
	startHarness,
	until,
	WEBHOOK_SECRET,
	type Harness,
} from './helpers';

/**
 * POSTs a webhook to the service.
 *
 * @param h       The harness.
 * @param body    Exact body.
 * @param headers Headers (the signature).
 */
async function deliver(
	h: Harness,
	body: string,
	headers: Record< string, string >
): Promise< { status: number; body: { code?: string; received?: boolean } } > {
	const response = await fetch( `${ h.service.url }/v1/stripe/webhook`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...headers },
		body,
	} );
	const text = await response.text();
	assertNoSecret( 'A webhook answer', text );
	return { status: response.status, body: JSON.parse( text ) };
}

/**
 * A Stripe-Signature header made by the SDK's own test helper.
 *
 * @param h         The harness.
 * @param body      Exact body.
 * @param secret    Signing secret.
 * @param timestamp Unix seconds.
 */
function signature(
	h: Harness,
	body: string,
	secret: string,
	timestamp = Math.floor( Date.now() / 1000 )
): string {
	return h.stripe.webhooks.generateTestHeaderString( {
		payload: body,
		secret,
		timestamp,
	} );
}

/**
 * Events the stand-in made for an intent, oldest first.
 *
 * @param h        The harness.
 * @param intentId PaymentIntent id.
 * @param type     Event type.
 */
async function eventsOf(
	h: Harness,
	intentId: string,
	type: string
): Promise< Stripe.Event[] > {
	const { data } = await h.stripe.events.list( { type, limit: 100 } );
	return data
		.filter(
			( event ) => ( event.data.object as { id: string } ).id === intentId
		)
		.reverse();
}

describe( 'Stripe webhook signature', () => {
	let h: Harness;

	before( async () => {
		h = await startHarness( { standin: false } );
	} );

	after( () => h.close() );

	const processed = ( id: string ) =>
		(
			h.service.state.db
				.prepare(
					'SELECT COUNT(*) AS n FROM stripe_events WHERE id = ?'
				)
				.get( id ) as { n: number }
		 ).n;

	it( 'accepts only valid signatures', async () => {
		const now = Math.floor( Date.now() / 1000 );
		const event = {
			id: 'evt_matrix_valid',
			object: 'event',
			type: 'customer.created',
			api_version: '2026-10-28.endive',
			created: now,
			livemode: false,
			data: { object: { id: 'cus_1', object: 'customer' } },
		};
		const body = JSON.stringify( event );
		const valid = signature( h, body, WEBHOOK_SECRET );
		const changedByte = body.replace( 'cus_1', 'cus_2' );
		const cases: [ string, string, Record< string, string >, number ][] = [
			[
				'body changed by a byte',
				changedByte,
				{ 'Stripe-Signature': valid },
				400,
			],
			[
				'wrong secret',
				body,
				{
					'Stripe-Signature': signature(
						h,
						body,
						`whsec_${ 'c3'.repeat( 16 ) }`
					),
				},
				400,
			],
			[ 'missing header', body, {}, 400 ],
			[ 'empty header', body, { 'Stripe-Signature': '' }, 400 ],
			[
				'malformed header',
				body,
				{ 'Stripe-Signature': 'garbage' },
				400,
			],
			[ 'no v1', body, { 'Stripe-Signature': `t=${ now }` }, 400 ],
			[
				'no timestamp',
				body,
				{ 'Stripe-Signature': valid.replace( /t=\d+,/, '' ) },
				400,
			],
			[
				'v0 only',
				body,
				{ 'Stripe-Signature': valid.replace( 'v1=', 'v0=' ) },
				400,
			],
			[
				'too old',
				body,
				{
					'Stripe-Signature': signature(
						h,
						body,
						WEBHOOK_SECRET,
						now - 330
					),
				},
				400,
			],
			[
				'too new',
				body,
				{
					'Stripe-Signature': signature(
						h,
						body,
						WEBHOOK_SECRET,
						now + 330
					),
				},
				400,
			],
		];
		for ( const [ name, payload, headers, status ] of cases ) {
			const answer = await deliver( h, payload, headers );
			assert.equal( answer.status, status, name );
			assert.equal( answer.body.code, 'invalid_signature', name );
		}
		assert.equal(
			processed( event.id ),
			0,
			'Nothing refused was recorded.'
		);

		const accepted = await deliver( h, body, {
			'Stripe-Signature': valid,
		} );
		assert.equal( accepted.status, 200 );
		assert.deepEqual( accepted.body, { received: true } );
		assert.equal( processed( event.id ), 1 );

		const replay = await deliver( h, body, { 'Stripe-Signature': valid } );
		assert.equal(
			replay.status,
			200,
			'A replay within the window is acknowledged...'
		);
		assert.equal( processed( event.id ), 1, '...and not processed again.' );

		const withCharset = await deliver( h, body, {
			'Stripe-Signature': valid,
			'Content-Type': 'application/json; charset=utf-8',
		} );
		assert.equal( withCharset.status, 200, 'Stripe sends a charset.' );

		const edge = await deliver( h, body, {
			'Stripe-Signature': signature( h, body, WEBHOOK_SECRET, now - 280 ),
		} );
		assert.equal( edge.status, 200, 'Just inside the tolerance.' );
	} );

	it( 'accepts the previous secret while it is rotated out, alone or beside the new one', async () => {
		const body = JSON.stringify( {
			id: 'evt_matrix_rotation',
			object: 'event',
			type: 'payment_intent.created',
			created: Math.floor( Date.now() / 1000 ),
			livemode: false,
			data: {
				object: {
					id: 'pi_unknown',
					object: 'payment_intent',
					metadata: {},
				},
			},
		} );
		const old = await deliver( h, body, {
			'Stripe-Signature': signature( h, body, OLD_WEBHOOK_SECRET ),
		} );
		assert.equal( old.status, 200 );
		// Stripe signs with both secrets during a roll: t=..,v1=<new>,v1=<old>.
		const now = Math.floor( Date.now() / 1000 );
		const both = `${ signature( h, body, `whsec_${ 'd4'.repeat( 16 ) }`, now ) },v1=${
			/v1=([0-9a-f]+)/.exec(
				signature( h, body, WEBHOOK_SECRET, now )
			)?.[ 1 ]
		}`;
		assert.equal(
			( await deliver( h, body, { 'Stripe-Signature': both } ) ).status,
			200
		);
		assert.equal( processed( 'evt_matrix_rotation' ), 1 );
	} );

	it( 'refuses a signed body that is not an event, and a body that is not JSON', async () => {
		const body = 'not json';
		const answer = await deliver( h, body, {
			'Stripe-Signature': signature( h, body, WEBHOOK_SECRET ),
		} );
		assert.equal( answer.status, 400 );
	} );
} );

describe( 'Stripe webhook processing', () => {
	let h: Harness;

	before( async () => {
		h = await startHarness();
	} );

	after( () => h.close() );

	const callbacksOf = ( paymentId: string, type: string ) =>
		h.wordpress.callbacks.filter(
			( callback ) =>
				callback.payment.id === paymentId && callback.type === type
		);

	it( 'changes state once for five concurrent duplicate deliveries and a late failure event', async () => {
		const created = await h.api( 'POST', '/v1/payments', paymentBody() );
		const { payment, clientSecret } = created.body;
		await h.withoutWebhooks( async () => {
			const declined = await h.confirm(
				payment.paymentIntentId,
				clientSecret,
				'pm_card_chargeDeclined'
			);
			assert.equal( declined.error?.code, 'card_declined' );
			const paid = await h.confirm(
				payment.paymentIntentId,
				clientSecret,
				'pm_card_visa'
			);
			assert.equal( paid.status, 'succeeded' );
		} );

		const [ succeeded ] = await eventsOf(
			h,
			payment.paymentIntentId,
			'payment_intent.succeeded'
		);
		const [ failed ] = await eventsOf(
			h,
			payment.paymentIntentId,
			'payment_intent.payment_failed'
		);
		assert.ok( succeeded && failed );

		const body = JSON.stringify( succeeded );
		const answers = await Promise.all(
			Array.from( { length: 5 }, () =>
				deliver( h, body, {
					'Stripe-Signature': signature( h, body, WEBHOOK_SECRET ),
				} )
			)
		);
		assert.deepEqual(
			answers.map( ( answer ) => answer.status ),
			[ 200, 200, 200, 200, 200 ]
		);

		const late = JSON.stringify( failed );
		assert.equal(
			(
				await deliver( h, late, {
					'Stripe-Signature': signature( h, late, WEBHOOK_SECRET ),
				} )
			).status,
			200
		);

		const history = await h.api(
			'GET',
			`/v1/payments/${ payment.id }/events`
		);
		const toSucceeded = history.body.events.filter(
			( event: { to: string } ) => event.to === 'succeeded'
		);
		assert.equal( toSucceeded.length, 1 );
		assert.equal( toSucceeded[ 0 ].source, 'webhook' );
		assert.equal( toSucceeded[ 0 ].stripeEventId, succeeded.id );
		assert.equal(
			( await h.api( 'GET', `/v1/payments/${ payment.id }` ) ).body
				.payment.status,
			'succeeded'
		);

		await until(
			'the succeeded callback',
			() => callbacksOf( payment.id, 'payment.succeeded' ).length === 1
		);
		await h.service.state.dispatcher.stop();
		assert.equal(
			callbacksOf( payment.id, 'payment.succeeded' ).length,
			1
		);
		assert.equal(
			callbacksOf( payment.id, 'payment.failed' ).length,
			0,
			'A late failure is not announced after success.'
		);
		assert.deepEqual(
			h.service.state.db
				.prepare( 'SELECT type FROM callbacks WHERE payment_id = ?' )
				.all( payment.id ),
			[ { type: 'payment.succeeded' } ],
			'The outbox holds exactly one callback for this payment.'
		);
	} );
} );

describe( 'Stripe webhook order', () => {
	let h: Harness;

	before( async () => {
		h = await startHarness();
	} );

	after( () => h.close() );

	it( 'ends succeeded when the events arrive in reverse order', async () => {
		const created = await h.api( 'POST', '/v1/payments', paymentBody() );
		const { payment, clientSecret } = created.body;
		await h.control( '/_standin/webhooks/pause' );
		await h.confirm(
			payment.paymentIntentId,
			clientSecret,
			'pm_card_chargeDeclined'
		);
		await h.confirm(
			payment.paymentIntentId,
			clientSecret,
			'pm_card_visa'
		);
		await h.control( '/_standin/webhooks/resume', { order: 'reverse' } );

		await until( 'the succeeded callback', () =>
			h.wordpress.callbacks.some(
				( callback ) => callback.type === 'payment.succeeded'
			)
		);
		const state = await h.api( 'GET', `/v1/payments/${ payment.id }` );
		assert.equal( state.body.payment.status, 'succeeded' );
		const history = await h.api(
			'GET',
			`/v1/payments/${ payment.id }/events`
		);
		assert.deepEqual(
			history.body.events.map( ( event: { to: string } ) => event.to ),
			[ 'requires_payment_method', 'succeeded' ],
			'The stale events moved nothing.'
		);
	} );
} );
