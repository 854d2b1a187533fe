/**
 * Card PaymentMethods: created from card details (Stripe.js with the publishable key, or a server), or
 * from Stripe's test ids (`pm_card_visa`...), which become a real PaymentMethod when used, as in Stripe.
 */
import { normalizeNumber, TEST_PAYMENT_METHODS, validateCard } from './cards';
import {
	billingDetails,
	buildPaymentMethod,
	type BillingInput,
} from './objects';
import {
	choice,
	hash,
	integer,
	metadata,
	refuseUnknown,
	text,
	type Params,
} from './params';
import type { Standin } from './standin';
import type { PaymentMethod } from './store';
import { invalidRequest, noSuch } from './stripe-error';

const ADDRESS_FIELDS = [
	'city',
	'country',
	'line1',
	'line2',
	'postal_code',
	'state',
];

function readBilling( params: Params ): BillingInput {
	const given = hash( params, 'billing_details' ) ?? {};
	refuseUnknown(
		given,
		[ 'name', 'email', 'phone', 'address' ],
		'billing_details'
	);
	const address = hash( given, 'address' );
	if ( address !== undefined ) {
		refuseUnknown( address, ADDRESS_FIELDS, 'billing_details[address]' );
	}
	return {
		name: text( given, 'name' ),
		email: text( given, 'email' ),
		phone: text( given, 'phone' ),
		address:
			address === undefined
				? undefined
				: Object.fromEntries(
						ADDRESS_FIELDS.map( ( field ) => [
							field,
							text( address, field ),
						] )
					),
	};
}

/**
 * Stores a new card PaymentMethod from `type=card&card[number]=...` (as POST /v1/payment_methods and
 * `payment_method_data` take them).
 *
 * @param standin The shared state.
 * @param params  The parameters.
 * @param extra   Other parameters the caller's endpoint takes.
 */
export function createPaymentMethod(
	standin: Standin,
	params: Params,
	extra: readonly string[] = []
): PaymentMethod {
	refuseUnknown( params, [
		'type',
		'card',
		'billing_details',
		'metadata',
		'allow_redisplay',
		...extra,
	] );
	const type = text( params, 'type', true );
	if ( type !== 'card' ) {
		throw invalidRequest(
			`Invalid type: the stand-in only supports card PaymentMethods, not "${ type }".`,
			'type'
		);
	}
	choice( params, 'allow_redisplay', [ 'always', 'limited', 'unspecified' ] );
	const card = hash( params, 'card' );
	if ( card === undefined ) {
		throw invalidRequest(
			'Missing required param: card.',
			'card',
			'parameter_missing'
		);
	}
	refuseUnknown( card, [ 'number', 'exp_month', 'exp_year', 'cvc' ], 'card' );
	const input = {
		number: normalizeNumber(
			text( card, 'number', true, 'card[number]' ) ?? ''
		),
		expMonth: integer( card, 'exp_month', true, 'card[exp_month]' ) ?? 0,
		expYear: integer( card, 'exp_year', true, 'card[exp_year]' ) ?? 0,
		cvc: text( card, 'cvc', false, 'card[cvc]' ),
	};
	validateCard( input, standin.now() );
	const method = buildPaymentMethod(
		input,
		billingDetails( readBilling( params ) ),
		metadata( params ) ?? {},
		standin.now()
	);
	standin.data.paymentMethods[ method.id ] = method;
	standin.data.cardNumbers[ method.id ] = input.number;
	standin.changed();
	return method;
}

/**
 * A stored PaymentMethod, or a fresh one for a Stripe test id.
 *
 * @param standin The shared state.
 * @param id      pm_... or pm_card_visa...
 * @param param   The parameter that named it (for the error).
 */
export function resolvePaymentMethod(
	standin: Standin,
	id: string,
	param = 'payment_method'
): PaymentMethod {
	const stored = standin.data.paymentMethods[ id ];
	if ( stored !== undefined ) {
		return stored;
	}
	const number = TEST_PAYMENT_METHODS[ id ];
	if ( number === undefined ) {
		throw noSuch( 'PaymentMethod', id, param );
	}
	const nextYear = new Date( standin.now() ).getUTCFullYear() + 1;
	const method = buildPaymentMethod(
		{ number, expMonth: 12, expYear: nextYear, cvc: '123' },
		billingDetails(),
		{},
		standin.now()
	);
	standin.data.paymentMethods[ method.id ] = method;
	standin.data.cardNumbers[ method.id ] = number;
	standin.changed();
	return method;
}
