/**
 * /v1/events: retrieve and list (type or types[] filter, created range, cursors).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { requireSecret } from '../auth';
import { LIST_PARAMS, paginate } from '../lists';
import { list, refuseUnknown, text, type Params } from '../params';
import type { Standin } from '../standin';
import { noSuch } from '../stripe-error';

/**
 * Whether an event type matches a filter (`charge.*` matches every charge event, as in Stripe).
 *
 * @param type   The event's type.
 * @param filter The filter.
 */
const matches = ( type: string, filter: string ) =>
	filter.endsWith( '.*' )
		? type.startsWith( filter.slice( 0, -1 ) )
		: type === filter;

/**
 * @param app             The server.
 * @param options         Route options.
 * @param options.standin The shared state.
 */
export async function eventRoutes(
	app: FastifyInstance,
	{ standin }: { standin: Standin }
): Promise< void > {
	app.get(
		'/v1/events/:event',
		async ( request: FastifyRequest< { Params: { event: string } } > ) => {
			requireSecret( request );
			const event = standin.data.events.find(
				( candidate ) => candidate.id === request.params.event
			);
			if ( event === undefined ) {
				throw noSuch( 'event', request.params.event );
			}
			return event;
		}
	);

	app.get( '/v1/events', async ( request ) => {
		requireSecret( request );
		const params = request.query as Params;
		refuseUnknown( params, [
			'type',
			'types',
			...LIST_PARAMS,
			'delivery_success',
		] );
		const filters = [
			...( text( params, 'type' ) === undefined
				? []
				: [ text( params, 'type' ) ?? '' ] ),
			...( list( params, 'types' ) ?? [] ),
		];
		return paginate(
			standin.data.events.filter(
				( event ) =>
					filters.length === 0 ||
					filters.some( ( filter ) => matches( event.type, filter ) )
			),
			params,
			'/v1/events',
			'event'
		);
	} );
}
