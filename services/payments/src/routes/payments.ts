/**
 * The payment routes the gateway calls: create (idempotent per attempt key), read, list, history, refund.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '@switchboard/service-kit';

import { toPayment } from '../payment';
import {
	CreateBody,
	CreateResponse,
	ErrorResponse,
	EventsResponse,
	GetQuerystring,
	ListQuerystring,
	ListResponse,
	PaymentParams,
	PaymentResponse,
	RefundBody,
	RefundResponse,
} from '../schemas';
import type { ServiceState } from '../state';

const errors = { '4xx': ErrorResponse, '5xx': ErrorResponse };

export const paymentRoutes: FastifyPluginAsyncTypebox< {
	state: ServiceState;
} > = async ( app, { state } ) => {
	app.post(
		'/v1/payments',
		{
			schema: {
				body: CreateBody,
				response: {
					200: CreateResponse,
					201: CreateResponse,
					...errors,
				},
			},
		},
		async ( request, reply ) => {
			const body = request.body;
			// The schema checks the shape; only a parser knows whether it is really a URL.
			if ( ! URL.canParse( body.returnUrl ) ) {
				throw new HttpError(
					400,
					'invalid_request',
					'body/returnUrl must be an http(s) URL'
				);
			}
			const result = await state.payments.create( body );
			return reply.code( result.created ? 201 : 200 ).send( {
				payment: result.payment,
				clientSecret: result.clientSecret,
			} );
		}
	);

	app.get(
		'/v1/payments/:id',
		{
			schema: {
				params: PaymentParams,
				querystring: GetQuerystring,
				response: { 200: PaymentResponse, ...errors },
			},
		},
		async ( request ) => ( {
			payment: await state.payments.get(
				request.params.id,
				request.query.refresh === '1'
			),
		} )
	);

	app.get(
		'/v1/payments',
		{
			schema: {
				querystring: ListQuerystring,
				response: { 200: ListResponse, ...errors },
			},
		},
		async ( request ) => {
			const { status, limit, cursor } = request.query;
			// One more than asked tells whether a next page exists.
			const rows = state.ledger.list(
				status ?? null,
				limit + 1,
				cursor === undefined ? null : Number( cursor )
			);
			const page = rows.slice( 0, limit );
			return {
				payments: page.map( toPayment ),
				nextCursor:
					rows.length > limit
						? String( page[ page.length - 1 ].seq )
						: null,
			};
		}
	);

	app.get(
		'/v1/payments/:id/events',
		{
			schema: {
				params: PaymentParams,
				response: { 200: EventsResponse, ...errors },
			},
		},
		async ( request ) => {
			if ( state.ledger.byId( request.params.id ) === undefined ) {
				throw new HttpError(
					404,
					'payment_not_found',
					'No such payment.'
				);
			}
			return {
				events: state.ledger
					.transitions( request.params.id )
					.map( ( row ) => ( {
						at: new Date( row.at ).toISOString(),
						from: row.from_status,
						to: row.to_status,
						source: row.source,
						stripeEventId: row.stripe_event_id,
					} ) ),
			};
		}
	);

	app.post(
		'/v1/payments/:id/refunds',
		{
			schema: {
				params: PaymentParams,
				body: RefundBody,
				response: { 200: RefundResponse, ...errors },
			},
		},
		async ( request ) => {
			const user = request.claims?.sub;
			if ( user === undefined || user === '' ) {
				throw new HttpError(
					403,
					'user_required',
					'Refunds need a token issued for a WordPress user.'
				);
			}
			return state.payments.refund(
				request.params.id,
				request.body,
				user
			);
		}
	);
};
