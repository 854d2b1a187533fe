/**
 * Liveness and readiness, the same in every service: `/health` answers as long as the process serves,
 * `/ready` asks the service. Both are meant to be public routes (no gateway token).
 */
import type { FastifyPluginAsync } from 'fastify';

/** What `/ready` says: ready (with extra fields for the answer), or not yet, and why. */
export type Readiness =
	| { ready: true; body?: Record< string, unknown > }
	| { ready: false; message: string };

export interface HealthRoutesOptions {
	/** Asked on every `/ready`. */
	readiness: () => Readiness;
	/**
	 * JSON schemas of the extra fields a ready answer may carry (e.g. search's document count); a field
	 * not listed here is not sent.
	 */
	readyProperties?: Record< string, unknown >;
}

const ERROR_RESPONSE = {
	type: 'object',
	properties: { code: { type: 'string' }, message: { type: 'string' } },
	required: [ 'code', 'message' ],
};

/**
 * @param app                     The server.
 * @param options                 Readiness check and the extra fields of its answer.
 * @param options.readiness
 * @param options.readyProperties
 */
export const healthRoutes: FastifyPluginAsync< HealthRoutesOptions > = async (
	app,
	{ readiness, readyProperties = {} }
) => {
	const status = { status: { type: 'string' } };
	app.get(
		'/health',
		{
			schema: {
				response: {
					200: {
						type: 'object',
						properties: status,
						required: [ 'status' ],
					},
				},
			},
		},
		async () => ( { status: 'ok' } )
	);

	app.get(
		'/ready',
		{
			schema: {
				response: {
					200: {
						type: 'object',
						properties: { ...status, ...readyProperties },
						required: [ 'status' ],
					},
					503: ERROR_RESPONSE,
				},
			},
		},
		async ( _request, reply ) => {
			const state = readiness();
			if ( ! state.ready ) {
				return reply
					.code( 503 )
					.send( { code: 'not_ready', message: state.message } );
			}
			return { ...state.body, status: 'ready' };
		}
	);
};
