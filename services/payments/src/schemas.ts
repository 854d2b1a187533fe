/**
 * The HTTP contract with the gateway, as JSON schemas: validated on the way in (unknown properties refused),
 * serialized on the way out (nothing but these fields can leave, whatever an object carries).
 */
import { Type, type Static } from '@sinclair/typebox';

import { CURRENCY_CODES, MAX_AMOUNT } from './currencies';
import { PAYMENT_STATUSES } from './payment';

const KEY = '^[A-Za-z0-9_-]{16,64}$';

const Status = Type.Unsafe< ( typeof PAYMENT_STATUSES )[ number ] >( {
	type: 'string',
	enum: [ ...PAYMENT_STATUSES ],
} );

const Nullable = < T extends ReturnType< typeof Type.String > >( schema: T ) =>
	Type.Union( [ schema, Type.Null() ] );

export const ErrorResponse = Type.Object( {
	code: Type.String(),
	message: Type.String(),
	details: Type.Optional(
		Type.Array(
			Type.Object( {
				path: Type.String(),
				rule: Type.String(),
				message: Type.String(),
			} )
		)
	),
} );

export const PaymentSchema = Type.Object( {
	id: Type.String(),
	attemptKey: Type.String(),
	status: Status,
	amount: Type.Integer(),
	amountRefunded: Type.Integer(),
	currency: Type.String(),
	description: Type.String(),
	reference: Type.Object( {
		postId: Type.Integer(),
		blockId: Type.String(),
	} ),
	email: Nullable( Type.String() ),
	paymentIntentId: Nullable( Type.String() ),
	lastError: Type.Union( [
		Type.Object( {
			code: Nullable( Type.String() ),
			declineCode: Nullable( Type.String() ),
			message: Nullable( Type.String() ),
		} ),
		Type.Null(),
	] ),
	livemode: Type.Boolean(),
	createdAt: Type.String(),
	updatedAt: Type.String(),
} );

export const CreateBody = Type.Object(
	{
		attemptKey: Type.String( { pattern: KEY } ),
		amount: Type.Integer( { minimum: 1, maximum: MAX_AMOUNT } ),
		currency: Type.Unsafe< string >( {
			type: 'string',
			enum: CURRENCY_CODES,
		} ),
		description: Type.String( { maxLength: 500 } ),
		reference: Type.Object(
			{
				postId: Type.Integer( { minimum: 1 } ),
				blockId: Type.String( { pattern: '^[A-Za-z0-9_-]{1,64}$' } ),
			},
			{ additionalProperties: false }
		),
		returnUrl: Type.String( {
			pattern: '^https?://[^\\s]+$',
			maxLength: 2048,
		} ),
		email: Type.Optional(
			Type.String( {
				maxLength: 254,
				pattern: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
			} )
		),
	},
	{ additionalProperties: false }
);
export type CreateBody = Static< typeof CreateBody >;

export const CreateResponse = Type.Object( {
	payment: PaymentSchema,
	clientSecret: Nullable( Type.String() ),
} );

export const PaymentParams = Type.Object(
	{ id: Type.String( { pattern: '^pay_[a-f0-9]{24}$' } ) },
	{ additionalProperties: false }
);

export const GetQuerystring = Type.Object(
	{
		refresh: Type.Optional(
			Type.Union( [ Type.Literal( '0' ), Type.Literal( '1' ) ] )
		),
	},
	{ additionalProperties: false }
);

export const PaymentResponse = Type.Object( { payment: PaymentSchema } );

export const ListQuerystring = Type.Object(
	{
		status: Type.Optional( Status ),
		limit: Type.Integer( { minimum: 1, maximum: 100, default: 20 } ),
		cursor: Type.Optional( Type.String( { pattern: '^[0-9]{1,18}$' } ) ),
	},
	{ additionalProperties: false }
);

export const ListResponse = Type.Object( {
	payments: Type.Array( PaymentSchema ),
	nextCursor: Nullable( Type.String() ),
} );

export const EventsResponse = Type.Object( {
	events: Type.Array(
		Type.Object( {
			at: Type.String(),
			from: Type.Union( [ Status, Type.Null() ] ),
			to: Status,
			source: Type.Unsafe< 'api' | 'webhook' | 'reconciler' | 'refund' >(
				{
					type: 'string',
					enum: [ 'api', 'webhook', 'reconciler', 'refund' ],
				}
			),
			stripeEventId: Nullable( Type.String() ),
		} )
	),
} );

export const RefundBody = Type.Object(
	{
		refundKey: Type.String( { pattern: KEY } ),
		amount: Type.Optional(
			Type.Integer( { minimum: 1, maximum: MAX_AMOUNT } )
		),
		reason: Type.Optional(
			Type.Unsafe< 'requested_by_customer' | 'duplicate' | 'fraudulent' >(
				{
					type: 'string',
					enum: [
						'requested_by_customer',
						'duplicate',
						'fraudulent',
					],
				}
			)
		),
	},
	{ additionalProperties: false }
);

export const RefundResponse = Type.Object( {
	payment: PaymentSchema,
	refund: Type.Object( {
		id: Type.String(),
		amount: Type.Integer(),
		status: Type.String(),
	} ),
} );

export const ConfigResponse = Type.Object( {
	mode: Type.Unsafe< 'test' | 'live' >( {
		type: 'string',
		enum: [ 'test', 'live' ],
	} ),
	publishableKey: Type.String(),
	stripeJsUrl: Nullable( Type.String() ),
	apiVersion: Type.String(),
} );

export const ReconcileResponse = Type.Object( {
	checked: Type.Integer(),
	settled: Type.Integer(),
} );

export const PendingResponse = Type.Object( {
	pending: Type.Integer(),
	oldestAt: Nullable( Type.String() ),
} );

export const WebhookResponse = Type.Object( {
	received: Type.Literal( true ),
} );
