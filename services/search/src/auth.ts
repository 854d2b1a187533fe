/**
 * Every route but /health and /ready needs the gateway's token (see @switchboard/service-kit).
 */
import type { Verifier } from '@switchboard/service-kit';
import type { FastifyInstance } from 'fastify';

/** Routes a load balancer or `bin/start` may call without a token. */
export const PUBLIC_ROUTES = new Set( [ '/health', '/ready' ] );

/**
 * @param app      The server.
 * @param verifier The gateway token verifier.
 */
export function installAuth( app: FastifyInstance, verifier: Verifier ): void {
	app.addHook( 'onRequest', async ( request, reply ) => {
		if (
			request.routeOptions.url !== undefined &&
			PUBLIC_ROUTES.has( request.routeOptions.url )
		) {
			return;
		}
		const result = await verifier.verify( request.headers.authorization );
		if ( result.ok ) {
			request.claims = result.claims;
			return;
		}
		// The reason goes to the log only; the caller learns nothing about why.
		request.log.warn( { reason: result.error.code }, 'Token refused.' );
		return reply.code( result.error.status ).send(
			result.error.status === 503
				? {
						code: 'keys_unavailable',
						message: 'The signing keys cannot be fetched.',
					}
				: {
						code: 'unauthorized',
						message: 'A valid gateway token is required.',
					}
		);
	} );
}
