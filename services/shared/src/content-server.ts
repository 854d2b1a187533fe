/**
 * The server of a content service before its own routes: the kit's service server (token, JSON errors and
 * logs) with the routes every content service has: `/health` and `/ready` (public), the C2 sync routes and
 * the signed `/events`. Also how it starts, which is the same everywhere too.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';

import {
	contentEventRoutes,
	type ContentEventHandlers,
} from './content-events-route';
import type { ContentServiceConfig } from './content-config';
import { keepGatewayKeysFresh } from './gateway-keys';
import { gatewayVerifier } from './gateway-verifier';
import { healthRoutes, type HealthRoutesOptions } from './health';
import { indexSyncRoutes, type IndexSyncOptions } from './index-sync-routes';
import { createServiceServer } from './service-server';
import type { Verifier } from './verifier';

/** Routes a load balancer or `bin/start` may call without a token. */
export const CONTENT_PUBLIC_ROUTES: ReadonlySet< string > = new Set( [
	'/health',
	'/ready',
] );

/** What every content service's routes need from its configuration, besides its own state. */
export interface ContentServerSettings {
	verifier: Verifier;
	/** Shared secret of the events; null is allowed but warned about. */
	webhookSecret: string | null;
	logLevel: string;
}

export interface ContentServerOptions< P, T > {
	/** Named in the message of an unexpected failure, e.g. `search`. */
	serviceName: string;
	health: HealthRoutesOptions;
	events: ContentEventHandlers< P >;
	indexSync: IndexSyncOptions< T >;
}

/**
 * @param settings The token check, event secret and log level.
 * @param options  The service's name, readiness, and what its events and sync routes do.
 */
export function createContentServer< P, T >(
	settings: ContentServerSettings,
	options: ContentServerOptions< P, T >
) {
	const app = createServiceServer( {
		serviceName: options.serviceName,
		verifier: settings.verifier,
		publicRoutes: CONTENT_PUBLIC_ROUTES,
		logLevel: settings.logLevel,
		bodyLimit: 1024 * 1024,
		// The gateway's calls take milliseconds; a request still arriving after this is not the gateway.
		requestTimeout: 15_000,
	} ).withTypeProvider< TypeBoxTypeProvider >();

	void app.register( healthRoutes, options.health );
	void app.register( indexSyncRoutes( options.indexSync ) );
	void app.register(
		contentEventRoutes( {
			...options.events,
			webhookSecret: settings.webhookSecret,
		} )
	);
	return app;
}

/** What a started content service hands its entry point and its tests. */
export interface StartedContentService {
	app: FastifyInstance;
	/** Base URL it listens on. */
	url: string;
	/** Resolves when the service's data is loaded; rejects when it cannot be. */
	ready: Promise< void >;
	close: () => Promise< void >;
}

/** Test seams every content service offers. */
export interface ContentServiceOverrides {
	/** Replaces the verifier built from the configuration. */
	verifier?: Verifier;
}

export interface StartContentServerOptions {
	overrides: ContentServiceOverrides;
	/** The variable of the event secret, named in the warning when it is not set. */
	webhookSecretVariable: string;
	/** The service's server (createContentServer and its own routes). */
	build: ( settings: ContentServerSettings ) => FastifyInstance;
}

/**
 * Builds the server, listens at once (so `/health` answers while the service loads its data) and keeps the
 * gateway keys fresh.
 *
 * @param config  The service's configuration.
 * @param options Its test seams, its secret's variable and its server.
 * @return The server, its base URL, and the function that stops refreshing the keys.
 */
export async function startContentServer(
	config: ContentServiceConfig,
	options: StartContentServerOptions
): Promise< { app: FastifyInstance; url: string; stopKeys: () => void } > {
	const verifier = options.overrides.verifier ?? gatewayVerifier( config );
	const app = options.build( {
		verifier,
		webhookSecret: config.webhookSecret,
		logLevel: config.logLevel,
	} );
	if ( config.webhookSecret === null ) {
		app.log.warn(
			`${ options.webhookSecretVariable } is not set: events are accepted on the gateway token alone.`
		);
	}
	const url = await app.listen( { port: config.port, host: config.host } );
	return { app, url, stopKeys: keepGatewayKeysFresh( verifier, app.log ) };
}
