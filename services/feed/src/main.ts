/**
 * Entry point: `npm start -w services/feed` (bin/start passes PORT and the WordPress URL).
 */
import { runService } from '@switchboard/service-kit';

import { loadConfig } from './config';
import { startService } from './service';

const service = await runService( () =>
	startService( loadConfig( process.env ) )
);
// A catalogue that cannot load leaves nothing to serve: stop with a failure status.
service.ready.catch( () => {
	process.exitCode = 1;
	void service.close();
} );
