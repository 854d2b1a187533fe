/**
 * Asynchronous webhook delivery with Stripe's retry behaviour (exponential backoff until a 2xx), plus the
 * faults tests need: pause/resume, lost deliveries, duplicates and out-of-order arrival.
 *
 * Delivery never happens inside the API request that caused the event: `enqueue` only schedules.
 */
import type { FastifyBaseLogger } from 'fastify';

import type { WebhookRetryPolicy } from '../config';
import { newId } from '../ids';
import type { StripeEvent } from '../store';
import {
	createEndpoint,
	signingSecrets,
	type WebhookEndpoint,
} from './endpoints';
import { signatureHeader } from './signature';

export interface DeliveryAttempt {
	/** Unix ms. */
	at: number;
	/** The endpoint's status, or null when it could not be reached in time. */
	status: number | null;
	error: string | null;
}

export type DeliveryState =
	'pending' | 'sending' | 'retrying' | 'succeeded' | 'failed' | 'dropped';

export interface Delivery {
	id: string;
	event: string;
	type: string;
	endpoint: string;
	url: string;
	state: DeliveryState;
	/** Made by the resend control (it does not count in the event's pending_webhooks). */
	resend: boolean;
	/** Attempts so far (each may have sent several copies). */
	tries: number;
	attempts: DeliveryAttempt[];
}

export interface DispatcherOptions {
	retry: WebhookRetryPolicy;
	now: () => number;
	log: FastifyBaseLogger;
}

const USER_AGENT = 'Stripe/1.0 (+https://stripe.com/docs/webhooks)';

export class WebhookDispatcher {
	readonly endpoints: WebhookEndpoint[] = [];
	deliveries: Delivery[] = [];
	/** While paused, new deliveries and due retries wait for `resume`. */
	paused = false;
	/** This many next deliveries are lost: recorded as dropped and never sent or retried. */
	dropNext = 0;
	/** Each attempt is sent this many times at once (Stripe may deliver an event more than once). */
	copies = 1;

	private readonly events = new Map< string, StripeEvent >();
	private readonly timers = new Set< NodeJS.Timeout >();
	private readonly inFlight = new Set< Promise< void > >();
	private readonly closing = new AbortController();

	constructor( private readonly options: DispatcherOptions ) {}

	/**
	 * Adds an endpoint.
	 *
	 * @param url    Where events go.
	 * @param secret Its signing secret (fresh when omitted).
	 */
	addEndpoint( url: string, secret?: string ): WebhookEndpoint {
		const endpoint = createEndpoint( url, secret );
		this.endpoints.push( endpoint );
		return endpoint;
	}

	/**
	 * Queues the event for every endpoint (or only the one given).
	 *
	 * @param event      The event.
	 * @param endpointId Only this endpoint, or all.
	 * @param resend     Whether this is the resend control (not counted in pending_webhooks).
	 */
	enqueue(
		event: StripeEvent,
		endpointId?: string,
		resend = false
	): Delivery[] {
		this.events.set( event.id, event );
		const created = this.endpoints
			.filter(
				( endpoint ) =>
					endpointId === undefined || endpoint.id === endpointId
			)
			.map( ( endpoint ) => {
				const delivery: Delivery = {
					id: newId( 'whd' ),
					event: event.id,
					type: event.type,
					endpoint: endpoint.id,
					url: endpoint.url,
					state: 'pending',
					resend,
					tries: 0,
					attempts: [],
				};
				this.deliveries.push( delivery );
				return delivery;
			} );
		if ( ! this.paused ) {
			for ( const delivery of created ) {
				// Later, never inside the request that made the event.
				this.later( delivery, 0 );
			}
		}
		return created;
	}

	/** Holds deliveries back. */
	pause(): void {
		this.paused = true;
	}

	/**
	 * Sends what waited, one delivery after another in the order given, then resumes normal delivery.
	 *
	 * @param order `created` (oldest first) or `reverse` (newest first: out-of-order arrival).
	 */
	async resume( order: 'created' | 'reverse' = 'created' ): Promise< void > {
		this.paused = false;
		const waiting = this.deliveries.filter(
			( delivery ) => delivery.state === 'pending'
		);
		if ( order === 'reverse' ) {
			waiting.reverse();
		}
		for ( const delivery of waiting ) {
			await this.track( this.attempt( delivery ) );
		}
	}

	/** Waits until nothing is being sent (retries scheduled later are not waited for). */
	async settle(): Promise< void > {
		while ( this.inFlight.size > 0 ) {
			await Promise.all( [ ...this.inFlight ] );
		}
	}

	/** Forgets deliveries and faults (endpoints stay). */
	reset(): void {
		for ( const timer of this.timers ) {
			clearTimeout( timer );
		}
		this.timers.clear();
		this.deliveries = [];
		this.events.clear();
		this.paused = false;
		this.dropNext = 0;
		this.copies = 1;
	}

	/** Stops: no more attempts, the ones under way are aborted. */
	async close(): Promise< void > {
		this.closing.abort();
		for ( const timer of this.timers ) {
			clearTimeout( timer );
		}
		this.timers.clear();
		await this.settle();
	}

	private later( delivery: Delivery, delayMs: number ): void {
		if ( this.closing.signal.aborted ) {
			return;
		}
		const timer = setTimeout( () => {
			this.timers.delete( timer );
			if ( this.paused ) {
				delivery.state = 'pending';
				return;
			}
			void this.track( this.attempt( delivery ) );
		}, delayMs );
		this.timers.add( timer );
	}

	private track( work: Promise< void > ): Promise< void > {
		this.inFlight.add( work );
		return work.finally( () => this.inFlight.delete( work ) );
	}

	private async attempt( delivery: Delivery ): Promise< void > {
		if ( delivery.state !== 'pending' && delivery.state !== 'retrying' ) {
			return;
		}
		const event = this.events.get( delivery.event );
		const endpoint = this.endpoints.find(
			( candidate ) => candidate.id === delivery.endpoint
		);
		if ( event === undefined || endpoint === undefined ) {
			delivery.state = 'failed';
			return;
		}
		if ( delivery.tries === 0 && this.dropNext > 0 ) {
			this.dropNext--;
			delivery.state = 'dropped';
			return;
		}
		delivery.state = 'sending';
		// Stripe sends pretty-printed JSON; the signature covers these exact bytes.
		const body = JSON.stringify( event, null, 2 );
		const copies = await Promise.all(
			Array.from( { length: this.copies }, () =>
				this.send( endpoint, body )
			)
		);
		delivery.attempts.push( ...copies );
		delivery.tries++;
		if (
			copies.some(
				( copy ) =>
					copy.status !== null &&
					copy.status >= 200 &&
					copy.status < 300
			)
		) {
			delivery.state = 'succeeded';
			// As on Stripe, pending_webhooks counts the endpoints not yet reached.
			if ( ! delivery.resend && event.pending_webhooks > 0 ) {
				event.pending_webhooks--;
			}
			return;
		}
		const tries = delivery.tries;
		if ( tries >= this.options.retry.maxAttempts ) {
			delivery.state = 'failed';
			this.options.log.warn(
				{ event: event.id, url: endpoint.url, tries },
				'Webhook delivery failed for good.'
			);
			return;
		}
		delivery.state = 'retrying';
		this.later(
			delivery,
			this.options.retry.initialDelayMs * 2 ** ( tries - 1 )
		);
	}

	private async send(
		endpoint: WebhookEndpoint,
		body: string
	): Promise< DeliveryAttempt > {
		const at = this.options.now();
		const timestamp = Math.floor( at / 1000 );
		try {
			const response = await fetch( endpoint.url, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json; charset=utf-8',
					'User-Agent': USER_AGENT,
					'Stripe-Signature': signatureHeader(
						body,
						signingSecrets( endpoint, at ),
						timestamp
					),
				},
				body,
				redirect: 'manual',
				signal: AbortSignal.any( [
					this.closing.signal,
					AbortSignal.timeout( this.options.retry.timeoutMs ),
				] ),
			} );
			// The body is not needed, but reading it frees the connection.
			await response.arrayBuffer().catch( () => undefined );
			return { at, status: response.status, error: null };
		} catch ( error ) {
			return {
				at,
				status: null,
				error:
					error instanceof Error && error.name === 'TimeoutError'
						? 'timeout'
						: 'unreachable',
			};
		}
	}
}
