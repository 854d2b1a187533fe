/**
 * Keeping the gateway's keys fresh, with failures logged the same way in every service.
 */
import type { FastifyBaseLogger } from 'fastify';

import { keepKeysFresh, type Verifier } from './verifier';

/**
 * Fetches the keys now and on a timer; returns the function that stops it. Keys are fetched ahead of
 * requests because a single-threaded WordPress cannot answer the JWKS request while it waits for the
 * service's answer.
 *
 * @param verifier The service's verifier.
 * @param log      Where a failed fetch is reported (as a warning: it is retried).
 */
export function keepGatewayKeysFresh(
	verifier: Pick< Verifier, 'refresh' >,
	log: FastifyBaseLogger
): () => void {
	return keepKeysFresh( verifier, {
		onError: ( error: unknown ) =>
			log.warn(
				{ reason: error instanceof Error ? error.message : 'unknown' },
				'The gateway keys could not be fetched yet; retrying.'
			),
	} );
}
