/**
 * Refunds through the SDK: partial, full, over-refund, on an unpaid intent, listing, events.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { rejection, startHarness, type Harness } from './helpers';

let harness: Harness;
before( async () => {
	harness = await startHarness();
} );
after( () => harness.close() );

const paid = ( amount = 5000 ) =>
	harness.stripe.paymentIntents.create( {
		amount,
		currency: 'usd',
		confirm: true,
		payment_method: 'pm_card_visa',
		return_url: 'https://shop.example.test/done',
	} );

test( 'partial then full refund: amounts, refunded flag, events, list by payment_intent', async () => {
	const intent = await paid();
	const first = await harness.stripe.refunds.create( {
		payment_intent: intent.id,
		amount: 1500,
		reason: 'requested_by_customer',
		metadata: { ticket: 't-1' },
	} );
	assert.match( first.id, /^re_/ );
	assert.equal( first.status, 'succeeded' );
	assert.equal( first.amount, 1500 );
	assert.equal( first.charge, intent.latest_charge );
	assert.equal( first.payment_intent, intent.id );
	assert.equal( first.reason, 'requested_by_customer' );
	assert.deepEqual( first.metadata, { ticket: 't-1' } );

	let charge = await harness.stripe.charges.retrieve(
		String( intent.latest_charge )
	);
	assert.equal( charge.amount_refunded, 1500 );
	assert.equal( charge.refunded, false );

	const rest = await harness.stripe.refunds.create( { charge: charge.id } );
	assert.equal( rest.amount, 3500 );
	charge = await harness.stripe.charges.retrieve( charge.id );
	assert.equal( charge.amount_refunded, 5000 );
	assert.equal( charge.refunded, true );
	assert.deepEqual(
		charge.refunds?.data.map( ( refund ) => refund.id ),
		[ rest.id, first.id ]
	);

	assert.deepEqual(
		await harness.stripe.refunds.retrieve( first.id ),
		first
	);
	const listed = await harness.stripe.refunds.list( {
		payment_intent: intent.id,
	} );
	assert.deepEqual(
		listed.data.map( ( refund ) => refund.id ),
		[ rest.id, first.id ]
	);

	const events = (
		await harness.stripe.events.list( {
			types: [ 'refund.created', 'charge.refunded' ],
			limit: 4,
		} )
	).data;
	assert.deepEqual(
		events.map( ( event ) => event.type ),
		[
			'charge.refunded',
			'refund.created',
			'charge.refunded',
			'refund.created',
		]
	);
	const fullEvent = events[ 0 ];
	assert.equal(
		( fullEvent?.data.object as { refunded: boolean } ).refunded,
		true
	);
	assert.deepEqual( fullEvent?.data.previous_attributes, {
		amount_refunded: 1500,
		refunded: false,
	} );

	const again = await rejection(
		harness.stripe.refunds.create( { payment_intent: intent.id } )
	);
	assert.equal( again.code, 'charge_already_refunded' );
} );

test( 'more than what is left is refused with amount_too_large', async () => {
	const intent = await paid( 1000 );
	await harness.stripe.refunds.create( {
		payment_intent: intent.id,
		amount: 400,
	} );
	const error = await rejection(
		harness.stripe.refunds.create( {
			payment_intent: intent.id,
			amount: 700,
		} )
	);
	assert.equal( error.type, 'StripeInvalidRequestError' );
	assert.equal( error.code, 'amount_too_large' );
	assert.equal( error.param, 'amount' );
	assert.equal(
		error.message,
		'Refund amount ($7.00) is greater than unrefunded amount on charge ($6.00)'
	);
} );

test( 'an intent without a successful charge cannot be refunded; unknown ids are 404', async () => {
	const intent = await harness.stripe.paymentIntents.create( {
		amount: 1000,
		currency: 'usd',
	} );
	const error = await rejection(
		harness.stripe.refunds.create( { payment_intent: intent.id } )
	);
	assert.equal( error.statusCode, 400 );
	assert.equal( error.code, 'charge_not_refundable' );
	const missing = await rejection(
		harness.stripe.refunds.create( { payment_intent: 'pi_missing' } )
	);
	assert.equal( missing.statusCode, 404 );
	assert.equal( missing.message, "No such payment_intent: 'pi_missing'" );
	const neither = await rejection( harness.stripe.refunds.create( {} ) );
	assert.equal( neither.code, 'parameter_missing' );
	const unknown = await rejection(
		harness.stripe.refunds.retrieve( 're_missing' )
	);
	assert.equal( unknown.code, 'resource_missing' );
} );
