/**
 * Delivers the callbacks outbox to WordPress: each row POSTed as written, signed with
 * `Switchboard-Signature` (a fresh timestamp per try, so WordPress's five-minute window always holds),
 * until WordPress answers 2xx, or 409 (it has that id already). Failures back off exponentially up to a
 * cap and are retried forever; the rows live in the ledger, so a restart resumes where it stopped.
 */
import { computeSignature } from '@switchboard/service-kit';
import type { FastifyBaseLogger } from 'fastify';

import type { Db } from './db';
import {
	dueCallbacks,
	markDelivered,
	markFailed,
	nextDueAt,
	type CallbackRow,
} from './outbox';

/** Longest sleep between two looks at the outbox (another process may write to it). */
const IDLE_POLL_MS = 1000;

export interface DispatcherOptions {
	db: Db;
	url: string;
	secret: string;
	log: FastifyBaseLogger;
	now: () => number;
	retryBaseMs: number;
	retryCapMs: number;
	timeoutMs: number;
	/**
	 * A `Cookie` header for WordPress (`SWITCHBOARD_WP_COOKIE`, development with Playground only: its first
	 * request from a new client is a redirect that logs it in, which a callback must not get instead of WordPress).
	 */
	cookie?: string | null;
}

export class CallbackDispatcher {
	private timer: ReturnType< typeof setTimeout > | undefined;
	private running: Promise< void > | null = null;
	private again = false;
	private stopped = false;

	constructor( private readonly options: DispatcherOptions ) {}

	/** Starts delivering, beginning with whatever a previous run left undelivered. */
	start(): void {
		this.kick();
	}

	/** Delivers what is due now (called after every change that may have queued a callback). */
	kick(): void {
		if ( this.stopped ) {
			return;
		}
		if ( this.running !== null ) {
			this.again = true;
			return;
		}
		clearTimeout( this.timer );
		this.running = this.drain().finally( () => {
			this.running = null;
			if ( this.again ) {
				this.again = false;
				this.kick();
			} else {
				this.schedule();
			}
		} );
	}

	/** Stops, letting a delivery in flight finish. */
	async stop(): Promise< void > {
		this.stopped = true;
		clearTimeout( this.timer );
		await this.running;
	}

	private schedule(): void {
		if ( this.stopped ) {
			return;
		}
		const due = nextDueAt( this.options.db );
		const wait =
			due === null
				? IDLE_POLL_MS
				: Math.min(
						IDLE_POLL_MS,
						Math.max( 0, due - this.options.now() )
					);
		this.timer = setTimeout( () => this.kick(), wait );
		this.timer.unref();
	}

	private async drain(): Promise< void > {
		// Only what was due when the drain began: a failed row is due again later, not in this loop.
		const startedAt = this.options.now();
		for (;;) {
			const rows = dueCallbacks( this.options.db, startedAt, 20 );
			if ( rows.length === 0 || this.stopped ) {
				return;
			}
			// Different payments in parallel; one payment's callbacks stay in order (one per payment per batch).
			await Promise.all( rows.map( ( row ) => this.deliver( row ) ) );
		}
	}

	private async deliver( row: CallbackRow ): Promise< void > {
		const {
			db,
			url,
			secret,
			log,
			now,
			retryBaseMs,
			retryCapMs,
			timeoutMs,
		} = this.options;
		const timestamp = Math.floor( now() / 1000 );
		let status: number | null = null;
		try {
			const response = await fetch( url, {
				method: 'POST',
				redirect: 'manual',
				signal: AbortSignal.timeout( timeoutMs ),
				headers: {
					'Content-Type': 'application/json',
					Accept: 'application/json',
					'User-Agent': 'switchboard-payments',
					...( this.options.cookie
						? { Cookie: this.options.cookie }
						: {} ),
					'Switchboard-Event-Id': row.id,
					'Switchboard-Signature': `t=${ timestamp },v1=${ computeSignature(
						secret,
						row.id,
						timestamp,
						row.body
					) }`,
				},
				body: row.body,
			} );
			status = response.status;
			await response.body?.cancel();
		} catch {
			status = null;
		}
		if (
			status !== null &&
			( ( status >= 200 && status < 300 ) || status === 409 )
		) {
			markDelivered( db, row.seq, status, now() );
			log.info(
				{
					callback: row.id,
					type: row.type,
					paymentId: row.payment_id,
					status,
				},
				'Callback delivered.'
			);
			return;
		}
		const delay = Math.min(
			retryCapMs,
			retryBaseMs * 2 ** Math.min( row.attempts, 30 )
		);
		markFailed( db, row.seq, status, now() + delay );
		log.warn(
			{
				callback: row.id,
				type: row.type,
				paymentId: row.payment_id,
				status,
				attempts: row.attempts + 1,
				retryInMs: delay,
			},
			'Callback not acknowledged; will retry.'
		);
	}
}
