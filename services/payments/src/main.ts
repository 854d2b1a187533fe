/**
 * Entry point: `npm start -w services/payments` (bin/start passes PORT and the WordPress URL).
 */
import { runService } from '@switchboard/service-kit';

import { loadConfig } from './config';
import { startService } from './service';

await runService( () => startService( loadConfig( process.env ) ), {
	failureMessage: 'The payment service could not start.',
} );
