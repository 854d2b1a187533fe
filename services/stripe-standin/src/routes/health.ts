/**
 * GET /health: for `bin/start` and load balancers; no key needed.
 */
import type { FastifyInstance } from 'fastify';

/** @param app The server. */
export async function healthRoutes( app: FastifyInstance ): Promise< void > {
	app.get( '/health', async () => ( { status: 'ok' } ) );
}
