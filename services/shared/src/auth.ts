/**
 * The gateway token check: every route needs the token, except the ones a service names as public
 * (health probes, or a third party's webhook that carries its own signature).
 */
import type { FastifyInstance } from 'fastify';

import type { ServiceClaims, Verifier } from './verifier';

declare module 'fastify' {
	interface FastifyRequest {
		/** The verified gateway token's claims (absent on public routes). */
		claims?: ServiceClaims;
	}
}

/**
 * @param app          The server.
 * @param verifier     The gateway token verifier.
 * @param publicRoutes Route patterns (as registered, e.g. `/health`) that need no token.
 */
export function installAuth(
	app: FastifyInstance,
	verifier: Verifier,
	publicRoutes: ReadonlySet< string >
): void {
	app.addHook( 'onRequest', async ( request, reply ) => {
		if (
			request.routeOptions.url !== undefined &&
			publicRoutes.has( request.routeOptions.url )
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
