/**
 * A per-profile token bucket on signals: `perMinute` events a minute, with bursts up to that many. In memory:
 * a restart forgets the buckets, which at worst lets one extra minute of events in.
 */

export type RateDecision = { ok: true } | { ok: false; retryAfterSec: number };

interface Bucket {
	tokens: number;
	at: number;
}

/** Buckets are forgotten once full again, checked every this many decisions. */
const SWEEP_EVERY = 10_000;

export class RateLimiter {
	private readonly buckets = new Map< string, Bucket >();

	private decisions = 0;

	/**
	 * @param perMinute Events a profile may send per minute.
	 */
	constructor( private readonly perMinute: number ) {}

	/**
	 * Takes `cost` events from a profile's bucket, or says how long to wait.
	 *
	 * @param key  Profile key.
	 * @param cost Events in the request.
	 * @param now  Time (ms).
	 */
	take( key: string, cost: number, now: number ): RateDecision {
		const refill = this.perMinute / 60_000;
		const bucket = this.buckets.get( key ) ?? {
			tokens: this.perMinute,
			at: now,
		};
		bucket.tokens = Math.min(
			this.perMinute,
			bucket.tokens + Math.max( 0, now - bucket.at ) * refill
		);
		bucket.at = now;
		this.buckets.set( key, bucket );
		if ( ++this.decisions % SWEEP_EVERY === 0 ) {
			this.sweep( now );
		}
		if ( bucket.tokens >= cost ) {
			bucket.tokens -= cost;
			return { ok: true };
		}
		const missing = Math.min( cost, this.perMinute ) - bucket.tokens;
		return {
			ok: false,
			retryAfterSec: Math.max( 1, Math.ceil( missing / refill / 1000 ) ),
		};
	}

	/**
	 * Drops the buckets that have refilled: they hold nothing a fresh bucket would not.
	 *
	 * @param now Time (ms).
	 */
	private sweep( now: number ): void {
		const refill = this.perMinute / 60_000;
		for ( const [ key, bucket ] of this.buckets ) {
			if (
				bucket.tokens + ( now - bucket.at ) * refill >=
				this.perMinute
			) {
				this.buckets.delete( key );
			}
		}
	}
}
