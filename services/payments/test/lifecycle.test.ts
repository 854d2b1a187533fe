/**
 * Payments from the visitor's first try to WordPress's last callback, against the Stripe stand-in:
 * 3-D Secure, declines and retries, a lost webhook with a closed tab, abandonment, refunds, callbacks
 * retried until acknowledged, and a restart that keeps the ledger and resumes undelivered callbacks.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import {
	assertNoSecret,
	newKey,
	paymentBody,
	startHarness,
	STRIPE_SECRET_KEY,
	until,
	type Harness,
} from './helpers';

describe( 'payment lifecycle', () => {
	let h: Harness;

	before( async () => {
		h = await startHarness();
	} );

	after( () => h.close() );

	const callbacksOf = ( paymentId: string, type?: string ) =>
		h.wordpress.callbacks.filter(
			( callback ) =>
				callback.payment.id === paymentId &&
				( type === undefined || callback.type === type )
		);

	const create = async () => {
		const body = paymentBody();
		const created = await h.api( 'POST', '/v1/payments', body );
		assert.equal( created.status, 201, created.text );
		return {
			...( created.body as {
				payment: { id: string; paymentIntentId: string };
				clientSecret: string;
			} ),
			body,
		};
	};

	const statusOf = async ( id: string ) =>
		( await h.api( 'GET', `/v1/payments/${ id }` ) ).body.payment
			.status as string;

	const history = async ( id: string ) =>
		( await h.api( 'GET', `/v1/payments/${ id }/events` ) ).body.events as {
			from: string | null;
			to: string;
			source: string;
			stripeEventId: string | null;
		}[];

	it( 'follows 3-D Secure: requires_action, a failed challenge back to requires_payment_method, then succeeded', async () => {
		const { payment, clientSecret } = await create();
		// The visitor pays with a card that asks for 3-D Secure; the webhook tells the ledger.
		const authenticate = async () => {
			const confirmed = await h.confirm(
				payment.paymentIntentId,
				clientSecret,
				'pm_card_authenticationRequired'
			);
			assert.equal( confirmed.status, 'requires_action' );
			await until(
				'requires_action',
				async () =>
					( await statusOf( payment.id ) ) === 'requires_action'
			);
		};
		await authenticate();

		const challenge = async ( outcome: string ) => {
			const response = await fetch(
				`${ h.standin?.url }/_standin/3ds/${ payment.paymentIntentId }`,
				{
					method: 'POST',
					headers: {
						'Content-Type': 'application/json',
						Accept: 'application/json',
					},
					body: JSON.stringify( {
						client_secret: clientSecret,
						outcome,
					} ),
				}
			);
			assert.equal( response.status, 200, await response.clone().text() );
		};
		await challenge( 'fail' );
		await until(
			'back to requires_payment_method',
			async () =>
				( await statusOf( payment.id ) ) === 'requires_payment_method'
		);

		await authenticate();
		await challenge( 'complete' );
		await until(
			'the succeeded callback',
			() => callbacksOf( payment.id, 'payment.succeeded' ).length === 1
		);

		assert.deepEqual(
			( await history( payment.id ) ).map( ( event ) => [
				event.from,
				event.to,
				event.source,
			] ),
			[
				[ null, 'requires_payment_method', 'api' ],
				[ 'requires_payment_method', 'requires_action', 'webhook' ],
				[ 'requires_action', 'requires_payment_method', 'webhook' ],
				[ 'requires_payment_method', 'requires_action', 'webhook' ],
				[ 'requires_action', 'succeeded', 'webhook' ],
			]
		);
	} );

	it( 'announces each declined try with its decline code, then exactly one success', async () => {
		const { payment, clientSecret, body } = await create();
		const declined = await h.confirm(
			payment.paymentIntentId,
			clientSecret,
			'pm_card_chargeDeclinedInsufficientFunds'
		);
		assert.equal( declined.error?.decline_code, 'insufficient_funds' );
		await until(
			'the failed callback',
			() => callbacksOf( payment.id, 'payment.failed' ).length === 1
		);
		const [ failed ] = callbacksOf( payment.id, 'payment.failed' );
		assert.equal( failed.payment.status, 'requires_payment_method' );
		assert.equal( failed.payment.lastError?.code, 'card_declined' );
		assert.equal(
			failed.payment.lastError?.declineCode,
			'insufficient_funds'
		);

		await h.confirm(
			payment.paymentIntentId,
			clientSecret,
			'pm_card_chargeDeclined'
		);
		await until(
			'the second failed callback',
			() => callbacksOf( payment.id, 'payment.failed' ).length === 2
		);
		assert.equal(
			callbacksOf( payment.id, 'payment.failed' )[ 1 ].payment.lastError
				?.declineCode,
			'generic_decline'
		);

		// The visitor reloads and tries again: the same attempt gives the same payment and intent.
		const reloaded = await h.api( 'POST', '/v1/payments', body );
		assert.equal( reloaded.status, 200 );
		assert.equal(
			reloaded.body.payment.paymentIntentId,
			payment.paymentIntentId
		);
		assert.equal( reloaded.body.clientSecret, clientSecret );

		const paid = await h.confirm(
			payment.paymentIntentId,
			clientSecret,
			'pm_card_visa'
		);
		assert.equal( paid.status, 'succeeded' );
		await until(
			'the succeeded callback',
			() => callbacksOf( payment.id, 'payment.succeeded' ).length === 1
		);
		const final = ( await h.api( 'GET', `/v1/payments/${ payment.id }` ) )
			.body.payment;
		assert.equal( final.status, 'succeeded' );
		assert.equal( final.lastError, null );
		await h.api( 'POST', '/v1/reconcile' );
		assert.equal(
			callbacksOf( payment.id, 'payment.succeeded' ).length,
			1
		);
	} );

	it( 'records a payment exactly once when its webhook is lost and the tab is closed', async () => {
		const { payment, clientSecret } = await create();
		await h.withoutWebhooks( async () => {
			const paid = await h.confirm(
				payment.paymentIntentId,
				clientSecret,
				'pm_card_visa'
			);
			assert.equal( paid.status, 'succeeded' );
		} );
		assert.equal(
			await statusOf( payment.id ),
			'requires_payment_method',
			'Nobody told the ledger yet.'
		);

		const pass = await h.api( 'POST', '/v1/reconcile' );
		assert.equal( pass.status, 200 );
		assert.ok( pass.body.checked >= 1 );
		assert.ok( pass.body.settled >= 1 );
		assert.equal( await statusOf( payment.id ), 'succeeded' );

		// The lost webhook turns up after all, twice; another pass runs: nothing changes.
		const { data } = await h.stripe.events.list( {
			type: 'payment_intent.succeeded',
			limit: 100,
		} );
		const lost = data.find(
			( event ) =>
				( event.data.object as { id: string } ).id ===
				payment.paymentIntentId
		);
		assert.ok( lost );
		await h.control( `/_standin/events/${ lost.id }/resend` );
		await h.control( `/_standin/events/${ lost.id }/resend` );
		await h.api( 'POST', '/v1/reconcile' );
		await until(
			'the succeeded callback',
			() => callbacksOf( payment.id, 'payment.succeeded' ).length >= 1
		);
		await until( 'the resent deliveries', async () => {
			const deliveries = await fetch(
				`${ h.standin?.url }/_standin/deliveries?event=${ lost.id }`,
				{
					headers: { Authorization: `Bearer ${ STRIPE_SECRET_KEY }` },
				}
			);
			const body = ( await deliveries.json() ) as {
				data: { state: string }[];
			};
			return (
				body.data.filter(
					( delivery ) => delivery.state === 'succeeded'
				).length >= 2
			);
		} );

		const succeeded = ( await history( payment.id ) ).filter(
			( event ) => event.to === 'succeeded'
		);
		assert.equal( succeeded.length, 1 );
		assert.equal( succeeded[ 0 ].source, 'reconciler' );
		assert.equal(
			callbacksOf( payment.id, 'payment.succeeded' ).length,
			1
		);
	} );

	it( 're-reads the intent on GET ?refresh=1', async () => {
		const { payment, clientSecret, body } = await create();
		await h.withoutWebhooks( async () => {
			await h.confirm(
				payment.paymentIntentId,
				clientSecret,
				'pm_card_visa'
			);
		} );
		assert.equal( await statusOf( payment.id ), 'requires_payment_method' );
		const refreshed = await h.api(
			'GET',
			`/v1/payments/${ payment.id }?refresh=1`
		);
		assert.equal( refreshed.body.payment.status, 'succeeded' );
		assert.equal( ( await history( payment.id ) ).at( -1 )?.source, 'api' );
		const same = await h.api( 'POST', '/v1/payments', body );
		assert.equal( same.status, 200 );
		assert.equal( same.body.payment.status, 'succeeded' );
		assert.equal(
			same.body.clientSecret,
			null,
			'No client secret once the payment is final.'
		);
	} );

	it( 'refunds part, then the rest, once per refund key, with a callback each', async () => {
		const { payment, clientSecret } = await create();
		await h.confirm(
			payment.paymentIntentId,
			clientSecret,
			'pm_card_visa'
		);
		await until(
			'succeeded',
			async () => ( await statusOf( payment.id ) ) === 'succeeded'
		);
		// An administrator (the token names a WordPress user) asks for refunds.
		const askRefund = ( body: Record< string, unknown > ) =>
			h.api(
				'POST',
				`/v1/payments/${ payment.id }/refunds`,
				body,
				h.wordpress.token( { sub: '7' } )
			);

		const partKey = newKey();
		const part = await askRefund( {
			refundKey: partKey,
			amount: 1000,
			reason: 'requested_by_customer',
		} );
		assert.equal( part.status, 200, part.text );
		assert.equal( part.body.payment.status, 'partially_refunded' );
		assert.equal( part.body.payment.amountRefunded, 1000 );
		assert.match( part.body.refund.id, /^re_/ );
		assert.equal( part.body.refund.amount, 1000 );

		const repeat = await askRefund( {
			refundKey: partKey,
			amount: 1000,
			reason: 'requested_by_customer',
		} );
		assert.equal( repeat.status, 200 );
		assert.equal( repeat.body.refund.id, part.body.refund.id );
		assert.equal(
			repeat.body.payment.amountRefunded,
			1000,
			'The same key refunds once.'
		);
		const changed = await askRefund( { refundKey: partKey, amount: 900 } );
		assert.equal( changed.status, 409 );
		assert.equal( changed.body.code, 'idempotency_conflict' );

		const tooMuch = await askRefund( {
			refundKey: newKey(),
			amount: 1501,
		} );
		assert.equal( tooMuch.status, 400 );
		assert.equal( tooMuch.body.code, 'refund_exceeds_remaining' );

		const rest = await askRefund( { refundKey: newKey() } );
		assert.equal( rest.status, 200, rest.text );
		assert.equal( rest.body.refund.amount, 1500 );
		assert.equal( rest.body.payment.status, 'refunded' );
		assert.equal( rest.body.payment.amountRefunded, 2500 );

		const more = await askRefund( { refundKey: newKey() } );
		assert.equal( more.status, 409 );
		assert.equal( more.body.code, 'not_refundable' );

		const refunds = await h.stripe.refunds.list( {
			payment_intent: payment.paymentIntentId,
		} );
		assert.deepEqual(
			refunds.data.map( ( refund ) => refund.amount ).sort(),
			[ 1000, 1500 ]
		);

		await until(
			'two refund callbacks',
			() => callbacksOf( payment.id, 'payment.refunded' ).length === 2
		);
		assert.deepEqual(
			callbacksOf( payment.id ).map( ( callback ) => [
				callback.type,
				callback.payment.status,
				callback.payment.amountRefunded,
			] ),
			[
				[ 'payment.succeeded', 'succeeded', 0 ],
				[ 'payment.refunded', 'partially_refunded', 1000 ],
				[ 'payment.refunded', 'refunded', 2500 ],
			]
		);
		assert.deepEqual(
			( await history( payment.id ) )
				.slice( -2 )
				.map( ( event ) => [ event.to, event.source ] ),
			[
				[ 'partially_refunded', 'refund' ],
				[ 'refunded', 'refund' ],
			]
		);
	} );

	it( 'retries a callback until WordPress acknowledges it, with a valid signature each time', async () => {
		h.wordpress.script.push( 500, 503 );
		const { payment, clientSecret } = await create();
		await h.confirm(
			payment.paymentIntentId,
			clientSecret,
			'pm_card_visa'
		);
		await until(
			'the succeeded callback',
			() => callbacksOf( payment.id, 'payment.succeeded' ).length === 1
		);
		const id = callbacksOf( payment.id, 'payment.succeeded' )[ 0 ].id;
		const attempts = h.wordpress.attempts.filter(
			( attempt ) => attempt.id === id
		);
		assert.deepEqual(
			attempts.map( ( attempt ) => attempt.status ),
			[ 500, 503, 200 ]
		);
		assert.ok( attempts.every( ( attempt ) => attempt.verified ) );
		const pending = await h.api( 'GET', '/v1/callbacks/pending' );
		assert.deepEqual( pending.body, { pending: 0, oldestAt: null } );
	} );

	it( 'keeps the ledger across a restart and resumes undelivered callbacks', async () => {
		h.wordpress.script.push( ...Array.from( { length: 1000 }, () => 500 ) );
		const earlier = h.wordpress.attempts.length;
		const { payment, clientSecret } = await create();
		await h.confirm(
			payment.paymentIntentId,
			clientSecret,
			'pm_card_visa'
		);
		await until( 'a refused delivery', () =>
			h.wordpress.attempts
				.slice( earlier )
				.some( ( attempt ) => attempt.status === 500 )
		);
		const pending = await h.api( 'GET', '/v1/callbacks/pending' );
		assert.equal( pending.body.pending, 1 );
		assert.match( pending.body.oldestAt, /^\d{4}-\d{2}-\d{2}T/ );

		await h.restart();
		h.wordpress.script.length = 0;
		assert.equal( await statusOf( payment.id ), 'succeeded' );
		await until(
			'the callback after the restart',
			() => callbacksOf( payment.id, 'payment.succeeded' ).length === 1
		);
		assert.deepEqual(
			( await h.api( 'GET', '/v1/callbacks/pending' ) ).body,
			{ pending: 0, oldestAt: null }
		);
		const listed = await h.api( 'GET', '/v1/payments?limit=100' );
		assert.ok(
			listed.body.payments.length >= 7,
			'Every earlier payment is still in the ledger.'
		);
	} );

	it( 'wrote no key, webhook secret or client secret to any log line', () => {
		const text = h.logs.join( '' );
		assert.match(
			text,
			/Callback delivered/,
			'The logger output was captured.'
		);
		assert.match( text, /Stripe webhook handled/ );
		for ( const line of h.logs ) {
			assertNoSecret( 'A log line', line );
		}
	} );
} );

describe( 'abandoned payments', () => {
	let h: Harness;

	before( async () => {
		h = await startHarness( { env: { ABANDON_AFTER_MS: '300' } } );
	} );

	after( () => h.close() );

	it( 'cancels the intent of a payment left unpaid, once, and leaves a recent one alone', async () => {
		const old = await h.api( 'POST', '/v1/payments', paymentBody() );
		await new Promise( ( resolve ) => setTimeout( resolve, 350 ) );
		const recent = await h.api( 'POST', '/v1/payments', paymentBody() );

		const pass = await h.api( 'POST', '/v1/reconcile' );
		assert.deepEqual( pass.body, { checked: 2, settled: 1 } );
		const payment = (
			await h.api( 'GET', `/v1/payments/${ old.body.payment.id }` )
		).body.payment;
		assert.equal( payment.status, 'canceled' );
		assert.equal(
			( await h.api( 'GET', `/v1/payments/${ recent.body.payment.id }` ) )
				.body.payment.status,
			'requires_payment_method'
		);
		const intent = await h.stripe.paymentIntents.retrieve(
			payment.paymentIntentId
		);
		assert.equal( intent.status, 'canceled' );
		assert.equal( intent.cancellation_reason, 'abandoned' );
		await until( 'the canceled callback', () =>
			h.wordpress.callbacks.some(
				( callback ) => callback.type === 'payment.canceled'
			)
		);

		await h.api( 'POST', '/v1/reconcile' );
		const canceled = h.wordpress.callbacks.filter(
			( callback ) =>
				callback.type === 'payment.canceled' &&
				callback.payment.id === old.body.payment.id
		);
		assert.equal( canceled.length, 1 );
		assert.equal( canceled[ 0 ].payment.id, old.body.payment.id );
		const history = (
			await h.api( 'GET', `/v1/payments/${ old.body.payment.id }/events` )
		).body.events;
		assert.deepEqual( history.at( -1 ), {
			...history.at( -1 ),
			to: 'canceled',
			source: 'reconciler',
		} );
	} );

	it( 'cancels in the ledger an attempt whose intent Stripe never created, and keeps it canceled', async () => {
		const body = paymentBody();
		await h.control( '/_standin/failures', { count: 1 } );
		const failed = await h.api( 'POST', '/v1/payments', body );
		assert.equal( failed.status, 502 );
		const [ orphan ] = ( await h.api( 'GET', '/v1/payments?limit=1' ) ).body
			.payments;
		assert.equal( orphan.attemptKey, body.attemptKey );
		assert.equal( orphan.paymentIntentId, null );

		await new Promise( ( resolve ) => setTimeout( resolve, 350 ) );
		await h.api( 'POST', '/v1/reconcile' );
		const canceled = ( await h.api( 'GET', `/v1/payments/${ orphan.id }` ) )
			.body.payment;
		assert.equal( canceled.status, 'canceled' );
		assert.equal( canceled.paymentIntentId, null );
		await until( 'its canceled callback', () =>
			h.wordpress.callbacks.some(
				( callback ) => callback.payment.id === orphan.id
			)
		);

		const again = await h.api( 'POST', '/v1/payments', body );
		assert.equal( again.status, 200 );
		assert.equal( again.body.payment.status, 'canceled' );
		assert.equal(
			again.body.payment.paymentIntentId,
			null,
			'No intent is made for a canceled attempt.'
		);
		assert.equal( again.body.clientSecret, null );
	} );
} );
