/**
 * Refunds: synchronous and successful (as with Stripe's test cards), never more than what is left.
 */
import { formatAmount } from './currencies';
import { buildRefund } from './objects';
import {
	choice,
	integer,
	metadata,
	refuseUnknown,
	text,
	type Params,
} from './params';
import type { RequestInfo, Standin } from './standin';
import { copy, type Charge, type Refund } from './store';
import { invalidRequest, noSuch } from './stripe-error';

function chargeToRefund( standin: Standin, params: Params ): Charge {
	const chargeId = text( params, 'charge' );
	const intentId = text( params, 'payment_intent' );
	if ( chargeId === undefined && intentId === undefined ) {
		throw invalidRequest(
			'One of the following params should be provided for this request: payment_intent or charge.',
			undefined,
			'parameter_missing'
		);
	}
	if ( chargeId !== undefined ) {
		const charge = standin.data.charges[ chargeId ];
		if ( charge === undefined ) {
			throw noSuch( 'charge', chargeId, 'charge' );
		}
		if ( charge.status !== 'succeeded' ) {
			throw invalidRequest(
				`Charge ${ charge.id } has no successful payment to refund.`,
				'charge',
				'charge_not_refundable'
			);
		}
		return charge;
	}
	const intent = standin.data.paymentIntents[ intentId ?? '' ];
	if ( intent === undefined ) {
		throw noSuch( 'payment_intent', intentId ?? '', 'payment_intent' );
	}
	const charge =
		intent.latest_charge === null
			? undefined
			: standin.data.charges[ intent.latest_charge ];
	if (
		intent.status !== 'succeeded' ||
		charge === undefined ||
		charge.status !== 'succeeded'
	) {
		throw invalidRequest(
			`This PaymentIntent (${ intent.id }) does not have a successful charge to refund.`,
			'payment_intent',
			'charge_not_refundable'
		);
	}
	return charge;
}

/**
 * POST /v1/refunds.
 *
 * @param standin The shared state.
 * @param params  The parameters.
 * @param request Who asked.
 */
export function createRefund(
	standin: Standin,
	params: Params,
	request: RequestInfo
): Refund {
	refuseUnknown( params, [
		'payment_intent',
		'charge',
		'amount',
		'reason',
		'metadata',
		'expand',
	] );
	const charge = chargeToRefund( standin, params );
	const remaining = charge.amount - charge.amount_refunded;
	if ( remaining === 0 ) {
		throw invalidRequest(
			`Charge ${ charge.id } has already been refunded.`,
			undefined,
			'charge_already_refunded'
		);
	}
	const amount = integer( params, 'amount' ) ?? remaining;
	if ( amount < 1 ) {
		throw invalidRequest(
			'Invalid positive integer',
			'amount',
			'parameter_invalid_integer'
		);
	}
	if ( amount > remaining ) {
		throw invalidRequest(
			`Refund amount (${ formatAmount(
				amount,
				charge.currency
			) }) is greater than unrefunded amount on charge (${ formatAmount(
				remaining,
				charge.currency
			) })`,
			'amount',
			'amount_too_large'
		);
	}
	const reason =
		choice( params, 'reason', [
			'duplicate',
			'fraudulent',
			'requested_by_customer',
		] ) ?? null;
	const refund = buildRefund(
		charge,
		{ amount, reason, metadata: metadata( params ) ?? {} },
		standin.now()
	);
	standin.data.refunds[ refund.id ] = refund;

	const previous = {
		amount_refunded: charge.amount_refunded,
		refunded: charge.refunded,
	};
	charge.amount_refunded += amount;
	charge.refunded = charge.amount_refunded === charge.amount;
	charge.refunds.data.unshift( copy( refund ) );
	standin.emit( 'refund.created', refund, request );
	standin.emit( 'charge.refunded', charge, request, previous );
	return refund;
}

/**
 * A stored refund or Stripe's 404.
 *
 * @param standin The shared state.
 * @param id      Its id.
 */
export function findRefund( standin: Standin, id: string ): Refund {
	const refund = standin.data.refunds[ id ];
	if ( refund === undefined ) {
		throw noSuch( 'refund', id, 'id' );
	}
	return refund;
}
