/**
 * Test support: a content service under test, as its tests drive it: WordPress's stand-in, the service on an
 * ephemeral port over its own temporary data folder, signed event deliveries, a restart on the same folder
 * (what survives is what was written), and a close that leaves nothing behind. Each service adds its calls.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
	signedEventRequest,
	type SendOptions,
	type TestEvent,
} from './testing-events';
import { startTestWordpress, type TestWordpress } from './testing';

/** What the harness needs of a started service. */
export interface HarnessedService {
	/** Base URL it listens on. */
	url: string;
	close: () => Promise< void >;
}

export interface ServiceHarness< S extends HarnessedService > {
	wordpress: TestWordpress;
	/** The running service; replaced by `restart`. */
	service: S;
	dataDir: string;
	/** POST /events, signed now with the harness's secret. */
	send: ( event: TestEvent, options?: SendOptions ) => Promise< Response >;
	/** Restarts the service on the same data folder. */
	restart: () => Promise< void >;
	close: () => Promise< void >;
}

export interface ServiceHarnessOptions< S extends HarnessedService > {
	/** The tokens' audience: the service's id. */
	audience: string;
	/** What deliveries are signed with (normally the secret the service was configured with). */
	secret: string;
	/** Starts the service (and waits until it is ready) against this WordPress and data folder. */
	start: ( wordpress: TestWordpress, dataDir: string ) => Promise< S >;
}

/**
 * @param options The service's id, its secret and how to start it.
 */
export async function startServiceHarness< S extends HarnessedService >(
	options: ServiceHarnessOptions< S >
): Promise< ServiceHarness< S > > {
	const { audience, secret, start } = options;
	const wordpress = await startTestWordpress( { audience } );
	const dataDir = await mkdtemp(
		join( tmpdir(), `switchboard-${ audience }-` )
	);
	const harness: ServiceHarness< S > = {
		wordpress,
		service: await start( wordpress, dataDir ),
		dataDir,
		send: ( event, sendOptions ) =>
			fetch(
				`${ harness.service.url }/events`,
				signedEventRequest(
					event,
					secret,
					wordpress.token(),
					sendOptions
				)
			),
		async restart() {
			await harness.service.close();
			harness.service = await start( wordpress, dataDir );
		},
		async close() {
			await harness.service.close();
			await wordpress.close();
			await rm( dataDir, { recursive: true, force: true } );
		},
	};
	return harness;
}
