/**
 * Test controls under /_standin/ (secret key only; not part of Stripe's API). Bodies may be JSON or
 * form-encoded. See the README's "Test controls" table.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { list, text, type Params } from '../params';
import type { Standin } from '../standin';
import { emptyData } from '../store';
import { invalidRequest, noSuch } from '../stripe-error';
import { publicEndpoint, rollSecret } from '../webhooks/endpoints';

const DAY_SECONDS = 24 * 60 * 60;

/**
 * A non-negative whole number from a JSON or form body.
 *
 * @param params   The body.
 * @param name     Its name.
 * @param fallback When absent.
 */
function count( params: Params, name: string, fallback: number ): number {
	const value = params[ name ];
	if ( value === undefined ) {
		return fallback;
	}
	const number = typeof value === 'number' ? value : Number( value );
	if ( ! Number.isInteger( number ) || number < 0 ) {
		throw invalidRequest(
			`${ name } must be a non-negative integer.`,
			name
		);
	}
	return number;
}

const body = ( request: FastifyRequest ) => ( request.body ?? {} ) as Params;

/**
 * Puts the configured webhook endpoints back (after a reset).
 *
 * @param standin The shared state.
 */
export function addConfiguredEndpoints( standin: Standin ): void {
	const { webhookUrls, webhookSecret } = standin.config;
	for ( const url of webhookUrls ) {
		standin.dispatcher.addEndpoint( url, webhookSecret ?? undefined );
	}
}

/**
 * @param app             The server.
 * @param options         Route options.
 * @param options.standin The shared state.
 */
export async function controlRoutes(
	app: FastifyInstance,
	{ standin }: { standin: Standin }
): Promise< void > {
	const { dispatcher } = standin;
	const findEndpoint = ( id: string ) => {
		const endpoint = dispatcher.endpoints.find(
			( candidate ) => candidate.id === id
		);
		if ( endpoint === undefined ) {
			throw noSuch( 'webhook_endpoint', id );
		}
		return endpoint;
	};

	app.get( '/_standin/webhook_endpoints', async () => ( {
		object: 'list',
		data: dispatcher.endpoints.map( ( endpoint ) =>
			publicEndpoint( endpoint, standin.now() )
		),
		has_more: false,
		url: '/_standin/webhook_endpoints',
	} ) );

	app.post( '/_standin/webhook_endpoints', async ( request ) => {
		const params = body( request );
		const url = text( params, 'url', true ) ?? '';
		if ( ! /^https?:\/\/\S+$/.test( url ) ) {
			throw invalidRequest( 'Invalid URL: must be http(s).', 'url' );
		}
		const secret = text( params, 'secret' );
		if ( secret !== undefined && ! secret.startsWith( 'whsec_' ) ) {
			throw invalidRequest( 'secret must start with whsec_.', 'secret' );
		}
		const endpoint = dispatcher.addEndpoint( url, secret );
		// The secret is shown here only, as Stripe shows it only when the endpoint is created.
		return {
			...publicEndpoint( endpoint, standin.now() ),
			secret: endpoint.secret,
		};
	} );

	app.delete(
		'/_standin/webhook_endpoints/:endpoint',
		async (
			request: FastifyRequest< { Params: { endpoint: string } } >
		) => {
			const endpoint = findEndpoint( request.params.endpoint );
			dispatcher.endpoints.splice(
				dispatcher.endpoints.indexOf( endpoint ),
				1
			);
			return {
				id: endpoint.id,
				object: 'webhook_endpoint',
				deleted: true,
			};
		}
	);

	app.post(
		'/_standin/webhook_endpoints/:endpoint/roll_secret',
		async (
			request: FastifyRequest< { Params: { endpoint: string } } >
		) => {
			const endpoint = findEndpoint( request.params.endpoint );
			const overlap = count( body( request ), 'expires_in', DAY_SECONDS );
			rollSecret( endpoint, overlap * 1000, standin.now() );
			return {
				...publicEndpoint( endpoint, standin.now() ),
				secret: endpoint.secret,
			};
		}
	);

	app.post( '/_standin/webhooks/pause', async () => {
		dispatcher.pause();
		return { paused: true };
	} );

	app.post( '/_standin/webhooks/resume', async ( request ) => {
		const order = text( body( request ), 'order' ) ?? 'created';
		if ( order !== 'created' && order !== 'reverse' ) {
			throw invalidRequest(
				'order must be created or reverse.',
				'order'
			);
		}
		const waiting = dispatcher.deliveries.filter(
			( delivery ) => delivery.state === 'pending'
		).length;
		await dispatcher.resume( order );
		return { paused: false, sent: waiting };
	} );

	app.post( '/_standin/webhooks/drop', async ( request ) => {
		dispatcher.dropNext = count( body( request ), 'count', 1 );
		return { drop_next: dispatcher.dropNext };
	} );

	app.post( '/_standin/webhooks/duplicate', async ( request ) => {
		const copies = count( body( request ), 'copies', 2 );
		if ( copies < 1 ) {
			throw invalidRequest( 'copies must be at least 1.', 'copies' );
		}
		dispatcher.copies = copies;
		return { copies };
	} );

	app.get( '/_standin/deliveries', async ( request ) => {
		const params = request.query as Params;
		const event = text( params, 'event' );
		const types = list( params, 'type' );
		return {
			object: 'list',
			data: dispatcher.deliveries.filter(
				( delivery ) =>
					( event === undefined || delivery.event === event ) &&
					( types === undefined || types.includes( delivery.type ) )
			),
			has_more: false,
			url: '/_standin/deliveries',
		};
	} );

	app.post(
		'/_standin/events/:event/resend',
		async ( request: FastifyRequest< { Params: { event: string } } > ) => {
			const event = standin.data.events.find(
				( candidate ) => candidate.id === request.params.event
			);
			if ( event === undefined ) {
				throw noSuch( 'event', request.params.event );
			}
			const endpoint = text( body( request ), 'endpoint' );
			if ( endpoint !== undefined ) {
				findEndpoint( endpoint );
			}
			return {
				object: 'list',
				data: dispatcher.enqueue( event, endpoint, true ),
				has_more: false,
				url: `/_standin/events/${ event.id }/resend`,
			};
		}
	);

	app.post( '/_standin/failures', async ( request ) => {
		const params = body( request );
		const status = count( params, 'status', 500 );
		if ( status !== 500 && status !== 429 ) {
			throw invalidRequest( 'status must be 500 or 429.', 'status' );
		}
		standin.failNext = count( params, 'count', 1 );
		standin.failStatus = status;
		return { fail_next: standin.failNext, status };
	} );

	app.post( '/_standin/reset', async () => {
		Object.assign( standin.data, emptyData() );
		standin.failNext = 0;
		standin.failStatus = 500;
		dispatcher.reset();
		dispatcher.endpoints.splice( 0 );
		addConfiguredEndpoints( standin );
		standin.changed();
		return { reset: true };
	} );
}
