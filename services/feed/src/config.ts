/**
 * Configuration from the environment.
 */
import { ConfigError, duration } from '@switchboard/service-kit';
import {
	contentServiceConfigFrom,
	type ContentServiceConfig,
} from '@switchboard/service-kit/content';

import type { Weights } from './ranking';

const DAY_MS = 86_400_000;

export interface FeedSettings {
	/** Share of profiles that get the non-personalized ranking (0 to 1). */
	holdoutShare: number;
	/** Events (and idle profiles) older than this are deleted. */
	retentionMs: number;
	/** Time between two retention passes (one also runs at start). */
	retentionIntervalMs: number;
	/** Newest events (and reads) kept per profile. */
	maxEventsPerProfile: number;
	/** Signals a profile may send per minute. */
	ratePerMinute: number;
	/** Reads and clicks below which a profile still gets the cold-start ranking. */
	minHistory: number;
	recencyHalfLifeMs: number;
	popularityHalfLifeMs: number;
	weights: Weights;
}

/** The kit's content-service configuration (port, host, WordPress, data folder, event secret), and the feed's. */
export interface Config extends ContentServiceConfig {
	feed: FeedSettings;
}

export { ConfigError };

/**
 * An optional number within bounds.
 *
 * @param env      The environment.
 * @param name     Variable name.
 * @param fallback Default.
 * @param min      Smallest value.
 * @param max      Largest value.
 * @param integer  Whether it must be a whole number.
 */
function numberFrom(
	env: NodeJS.ProcessEnv,
	name: string,
	fallback: number,
	min: number,
	max: number,
	integer = false
): number {
	const value = env[ name ];
	if ( value === undefined || value === '' ) {
		return fallback;
	}
	const number = Number( value );
	if (
		! Number.isFinite( number ) ||
		number < min ||
		number > max ||
		( integer && ! Number.isInteger( number ) )
	) {
		throw new ConfigError(
			`${ name } must be ${ integer ? 'a whole number' : 'a number' } from ${ min } to ${ max }.`
		);
	}
	return number;
}

/**
 * `SWITCHBOARD_FEED_WEIGHTS`: `affinity,popularity,recency`, e.g. `0.6,0.25,0.15`.
 *
 * @param env The environment.
 */
function weightsFrom( env: NodeJS.ProcessEnv ): Weights {
	const value = env.SWITCHBOARD_FEED_WEIGHTS;
	if ( value === undefined || value === '' ) {
		return { affinity: 0.6, popularity: 0.25, recency: 0.15 };
	}
	const parts = value.split( ',' ).map( ( part ) => Number( part.trim() ) );
	if (
		parts.length !== 3 ||
		! parts.every( ( part ) => Number.isFinite( part ) && part >= 0 ) ||
		parts.every( ( part ) => part === 0 )
	) {
		throw new ConfigError(
			'SWITCHBOARD_FEED_WEIGHTS must be three non-negative numbers: affinity,popularity,recency.'
		);
	}
	const [ affinity = 0, popularity = 0, recency = 0 ] = parts;
	return { affinity, popularity, recency };
}

/**
 * Reads and checks the configuration.
 *
 * @param env The environment (process.env).
 */
export function loadConfig( env: NodeJS.ProcessEnv ): Config {
	const retentionIntervalMs = duration(
		env,
		'SWITCHBOARD_FEED_RETENTION_INTERVAL_MS',
		3_600_000
	);
	if ( retentionIntervalMs === 0 ) {
		throw new ConfigError(
			'SWITCHBOARD_FEED_RETENTION_INTERVAL_MS must be at least 1 millisecond.'
		);
	}
	return {
		...contentServiceConfigFrom( env, {
			audience: 'feed',
			port: 4104,
			dataDirVariable: 'SWITCHBOARD_FEED_DATA_DIR',
			defaultDataDir: new URL( '../.data', import.meta.url ),
			webhookSecretVariable: 'SWITCHBOARD_FEED_WEBHOOK_SECRET',
		} ),
		feed: {
			holdoutShare: numberFrom(
				env,
				'SWITCHBOARD_FEED_HOLDOUT',
				0.1,
				0,
				1
			),
			retentionMs:
				numberFrom(
					env,
					'SWITCHBOARD_FEED_RETENTION_DAYS',
					90,
					1,
					3650,
					true
				) * DAY_MS,
			retentionIntervalMs,
			maxEventsPerProfile: numberFrom(
				env,
				'SWITCHBOARD_FEED_MAX_EVENTS',
				1000,
				50,
				1_000_000,
				true
			),
			ratePerMinute: numberFrom(
				env,
				'SWITCHBOARD_FEED_RATE_PER_MINUTE',
				120,
				50,
				100_000,
				true
			),
			minHistory: numberFrom(
				env,
				'SWITCHBOARD_FEED_MIN_HISTORY',
				2,
				0,
				1000,
				true
			),
			recencyHalfLifeMs:
				numberFrom(
					env,
					'SWITCHBOARD_FEED_RECENCY_HALF_LIFE_DAYS',
					7,
					0.01,
					3650
				) * DAY_MS,
			popularityHalfLifeMs:
				numberFrom(
					env,
					'SWITCHBOARD_FEED_POPULARITY_HALF_LIFE_DAYS',
					3,
					0.01,
					3650
				) * DAY_MS,
			weights: weightsFrom( env ),
		},
	};
}
