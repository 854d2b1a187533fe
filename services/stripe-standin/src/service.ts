/**
 * The stand-in's life, and the entry point other workspaces' tests use:
 *
 *     import { loadConfig } from '../../stripe-standin/src/config';
 *     import { startStandin } from '../../stripe-standin/src/service';
 *     const standin = await startStandin( loadConfig( { PORT: '0', LOG_LEVEL: 'silent' } ) );
 *     // standin.url (http://127.0.0.1:<port>), standin.port, standin.app, standin.state
 *     await standin.close();
 *
 * STABLE EXPORT: `startStandin( config, overrides? ): Promise< RunningStandin >` (services/payments
 * imports it by relative path; keep its shape).
 *
 * The socket is bound before the server is built, so that with PORT=0 the public URL (in 3-D Secure
 * redirects and the stand-in Stripe.js) already names the port chosen.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { FastifyInstance } from 'fastify';

import type { Config } from './config';
import { addConfiguredEndpoints } from './routes/controls';
import { buildServer } from './server';
import { SnapshotWriter, loadSnapshot } from './snapshot';
import { createStandin, type Standin } from './standin';
import { emptyData } from './store';
import { WebhookDispatcher } from './webhooks/dispatcher';

export interface RunningStandin {
	/** Base URL it listens on (`http://127.0.0.1:<port>`). */
	url: string;
	port: number;
	app: FastifyInstance;
	/** The state, for tests that look inside (data, dispatcher, failNext). */
	state: Standin;
	/** Stops listening and delivering, and writes the snapshot when STANDIN_DATA_DIR is set. */
	close: () => Promise< void >;
}

export interface StandinOverrides {
	/** The clock (ms); Date.now by default. */
	now?: () => number;
}

function listen( server: Server, config: Config ): Promise< number > {
	return new Promise( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( config.port, config.host, () => {
			server.off( 'error', reject );
			resolve( ( server.address() as AddressInfo ).port );
		} );
	} );
}

/**
 * Starts the stand-in.
 *
 * @param config    Configuration (see loadConfig).
 * @param overrides Test seams.
 */
export async function startStandin(
	config: Config,
	overrides: StandinOverrides = {}
): Promise< RunningStandin > {
	const now = overrides.now ?? Date.now;
	const data =
		config.dataDir === null
			? emptyData()
			: await loadSnapshot( config.dataDir );

	const server = createServer();
	const port = await listen( server, config );
	const host = config.host.includes( ':' )
		? `[${ config.host }]`
		: config.host;
	const url = `http://${ host }:${ port }`;
	const settled: Config = {
		...config,
		publicUrl:
			config.port === 0
				? config.publicUrl.replace( /:0$/, `:${ port }` )
				: config.publicUrl,
	};

	let writer: SnapshotWriter | null = null;
	let app: FastifyInstance | null = null;
	const dispatcher = new WebhookDispatcher( {
		retry: config.webhookRetry,
		now,
		// Read when a delivery is logged, after the server exists.
		get log() {
			if ( app === null ) {
				throw new Error( 'The server is not built yet.' );
			}
			return app.log;
		},
	} );
	const standin: Standin = createStandin(
		settled,
		data,
		dispatcher,
		now,
		() => writer?.schedule()
	);
	addConfiguredEndpoints( standin );
	if ( config.dataDir !== null ) {
		writer = new SnapshotWriter( config.dataDir, () => standin.data );
	}

	const built = buildServer( standin, server );
	app = built;
	try {
		await built.ready();
	} catch ( error ) {
		server.close();
		throw error;
	}

	let closing: Promise< void > | null = null;
	return {
		url,
		port,
		app: built,
		state: standin,
		close() {
			closing ??= ( async () => {
				const stopped = new Promise< void >( ( resolve ) =>
					server.close( () => resolve() )
				);
				// Keep-alive sockets (the SDK's agent) would hold close() open.
				server.closeIdleConnections();
				await built.close();
				server.closeAllConnections();
				await stopped;
				await dispatcher.close();
				await writer?.flush();
			} )();
			return closing;
		},
	};
}
