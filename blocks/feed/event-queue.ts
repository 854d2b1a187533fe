/**
 * Internal dependencies
 */
import type { EventsRequest, FeedEvent } from '../shared/types/feed';

/** Sends one batch; `keepalive` lets it outlive the page. */
export type SendEvents = ( body: EventsRequest ) => Promise< unknown >;

/** Events per request: the queue sends as soon as it holds this many (the route accepts up to 50). */
export const BATCH = 20;

/**
 * Visitor events waiting to be sent, in batches: when BATCH are waiting, and when the page is hidden or
 * left (the caller wires `visibilitychange` and `pagehide` to flush()).
 */
export class EventQueue {
	private events: FeedEvent[] = [];

	/**
	 * @param send    Sends a batch.
	 * @param visitor The anonymous visitor id.
	 */
	constructor(
		private readonly send: SendEvents,
		private readonly visitor: string
	) {}

	/**
	 * Adds an event; sends the batch once it is full.
	 *
	 * @param event The event.
	 */
	push( event: FeedEvent ): void {
		this.events.push( event );
		if ( this.events.length >= BATCH ) {
			this.flush();
		}
	}

	/** Sends what is waiting, if anything. A failed batch is dropped: events are best effort. */
	flush(): void {
		const events = this.events.splice( 0, BATCH );
		if ( events.length ) {
			this.send( { visitor: this.visitor, events } ).catch( () => {} );
			this.flush();
		}
	}

	/** Forgets what is waiting (consent withdrawn). */
	drop(): void {
		this.events = [];
	}

	/** Events waiting, for tests and for the caller's decisions. */
	get size(): number {
		return this.events.length;
	}
}
