/**
 * Stripe's idempotency for POSTs: the first answer to an `Idempotency-Key` is stored for 24 hours and
 * replayed (status and body, with `Idempotent-Replayed: true`) to any later request with the same key,
 * endpoint and parameters; other parameters get a 400 idempotency_error. Requests with one key run one
 * at a time, so two concurrent identical requests never both execute (the second waits and replays).
 *
 * 5xx answers are not stored: like Stripe, a request that failed before finishing may be retried (the
 * SDK does so with the same key) and must then really run.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

import { errorAnswer } from './errors';
import type { Params } from './params';
import type { RequestInfo, Standin } from './standin';
import type { Json } from './store';
import { invalidRequest, StripeError } from './stripe-error';

export type ApiHandler = (
	params: Params,
	request: RequestInfo,
	httpRequest: FastifyRequest
) => Json | Promise< Json >;

const DAY_MS = 24 * 60 * 60 * 1000;

interface Answer {
	status: number;
	body: object;
	replayOf?: string;
}

/** One promise chain per key: the lock that serializes requests sharing a key. */
const chains = new WeakMap< Standin, Map< string, Promise< unknown > > >();

function serialize< T >(
	standin: Standin,
	key: string,
	work: () => Promise< T >
): Promise< T > {
	let perKey = chains.get( standin );
	if ( perKey === undefined ) {
		perKey = new Map();
		chains.set( standin, perKey );
	}
	const previous = perKey.get( key ) ?? Promise.resolve();
	const next = previous.catch( () => undefined ).then( work );
	perKey.set( key, next );
	void next
		.catch( () => undefined )
		.then( () => {
			if ( perKey.get( key ) === next ) {
				perKey.delete( key );
			}
		} );
	return next;
}

/**
 * Stripe's answer to a key reused with other parameters.
 *
 * @param key The key.
 */
const keyReused = ( key: string ) =>
	new StripeError( 400, {
		type: 'idempotency_error',
		message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${ key }' if you meant to execute a different request.`,
	} );

function prune( standin: Standin ): void {
	const oldest = standin.now() - DAY_MS;
	for ( const [ key, record ] of Object.entries(
		standin.data.idempotency
	) ) {
		if ( record.storedAt < oldest ) {
			delete standin.data.idempotency[ key ];
		}
	}
}

async function run(
	handler: ApiHandler,
	params: Params,
	info: RequestInfo,
	request: FastifyRequest
): Promise< Answer > {
	try {
		return { status: 200, body: await handler( params, info, request ) };
	} catch ( error ) {
		return errorAnswer( error, request );
	}
}

/**
 * A POST route handler with Stripe's idempotency around `handler`.
 *
 * @param standin The shared state.
 * @param handler Answers the request (throws StripeError to refuse).
 */
export function idempotent( standin: Standin, handler: ApiHandler ) {
	return async ( request: FastifyRequest, reply: FastifyReply ) => {
		const params = ( request.body ?? {} ) as Params;
		const header = request.headers[ 'idempotency-key' ];
		if (
			header !== undefined &&
			( typeof header !== 'string' || header.length > 255 )
		) {
			throw invalidRequest(
				'Idempotency-Key must be a single value of at most 255 characters.'
			);
		}
		const key = header === undefined || header === '' ? null : header;
		const info: RequestInfo = { id: request.id, idempotencyKey: key };
		let answer: Answer;
		if ( key === null ) {
			answer = await run( handler, params, info, request );
		} else {
			const fingerprint = JSON.stringify( [
				request.method,
				request.url.split( '?' )[ 0 ],
				params,
			] );
			answer = await serialize( standin, key, async () => {
				prune( standin );
				const record = standin.data.idempotency[ key ];
				if ( record !== undefined ) {
					if ( record.fingerprint !== fingerprint ) {
						return errorAnswer( keyReused( key ), request );
					}
					return {
						status: record.status,
						body: record.body,
						replayOf: record.requestId,
					};
				}
				const result = await run( handler, params, info, request );
				if ( result.status < 500 ) {
					standin.data.idempotency[ key ] = {
						fingerprint,
						status: result.status,
						body: result.body,
						requestId: request.id,
						storedAt: standin.now(),
					};
					standin.changed();
				}
				return result;
			} );
		}
		if ( answer.replayOf !== undefined ) {
			reply.header( 'Idempotent-Replayed', 'true' );
			reply.header( 'Original-Request', answer.replayOf );
		}
		return reply.code( answer.status ).send( answer.body );
	};
}
