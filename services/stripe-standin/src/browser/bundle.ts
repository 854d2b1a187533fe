/**
 * Builds the three browser scripts from the TypeScript beside this file with esbuild, in memory, once per
 * server: the stand-in Stripe.js, the Payment Element frame's script and the 3-D Secure page's script.
 * The stand-in's public base URL is compiled in, so the scripts reach this server from any origin.
 */
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

export interface BrowserBundles {
	stripeJs: string;
	paymentFrameJs: string;
	challengeJs: string;
}

const ENTRIES = {
	stripeJs: 'client/entry.ts',
	paymentFrameJs: 'frame/payment-frame.ts',
	challengeJs: 'three-ds/challenge.ts',
} as const;

/**
 * @param apiBase The stand-in's public base URL (no trailing slash).
 */
export async function buildBrowserBundles(
	apiBase: string
): Promise< BrowserBundles > {
	const built = await Promise.all(
		Object.entries( ENTRIES ).map( async ( [ name, entry ] ) => {
			const result = await build( {
				entryPoints: [
					fileURLToPath( new URL( entry, import.meta.url ) ),
				],
				bundle: true,
				write: false,
				format: 'iife',
				platform: 'browser',
				target: [ 'es2020' ],
				minify: true,
				legalComments: 'none',
				logLevel: 'silent',
				define: {
					__STANDIN_API_BASE__: JSON.stringify( apiBase ),
				},
			} );
			return [ name, result.outputFiles[ 0 ].text ] as const;
		} )
	);
	return Object.fromEntries( built ) as unknown as BrowserBundles;
}
