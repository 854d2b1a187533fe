/**
 * The verifier every service builds from its configuration: the WordPress site's keys, the site as the
 * issuer and the service's id as the audience.
 */
import type { WordPressSite } from './config';
import { createVerifier, type Verifier } from './verifier';

export interface GatewaySite extends WordPressSite {
	/** This service's id: the tokens' audience. */
	audience: string;
}

/** What every service's configuration holds: where it listens, where WordPress is, and its own id. */
export interface ServiceBaseConfig extends GatewaySite {
	port: number;
	host: string;
}

/**
 * @param site Where WordPress is, and this service's id.
 */
export function gatewayVerifier( site: GatewaySite ): Verifier {
	return createVerifier( {
		jwksUrl: site.jwksUrl,
		issuer: site.wordpressUrl,
		audience: site.audience,
		// The keys are fetched in the background (keepKeysFresh), so a slow WordPress (Playground takes
		// seconds per request on a busy machine) delays no request; a generous timeout costs nothing.
		jwksTimeoutMs: 10000,
		jwksHeaders:
			site.wordpressCookie === null
				? undefined
				: { Cookie: site.wordpressCookie },
	} );
}
