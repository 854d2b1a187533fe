/**
 * Settles payments whose webhook never came: open payments older than RECONCILE_AFTER_MS are re-read from
 * Stripe and applied like a webhook; those still unpaid after ABANDON_AFTER_MS have their intent canceled
 * (`abandoned`), so a closed tab does not leave an intent open forever.
 */
import type { FastifyBaseLogger } from 'fastify';

import type { Ledger } from './ledger';
import type { PaymentService } from './payments';
import { isFinal } from './transitions';

/** Payments looked at in one pass; the rest wait for the next. */
const BATCH = 200;

export interface ReconcilerOptions {
	ledger: Ledger;
	payments: PaymentService;
	log: FastifyBaseLogger;
	now: () => number;
	intervalMs: number;
	afterMs: number;
	abandonAfterMs: number;
}

export interface PassResult {
	checked: number;
	settled: number;
}

export class Reconciler {
	private timer: ReturnType< typeof setTimeout > | undefined;
	private stopped = false;
	/** Passes never overlap: a pass asked for while one runs starts after it. */
	private chain: Promise< unknown > = Promise.resolve();

	constructor( private readonly options: ReconcilerOptions ) {}

	/** Runs a pass every interval until stop(). */
	start(): void {
		this.schedule();
	}

	/** Runs one pass now (after the one in progress, if any). */
	pass(): Promise< PassResult > {
		const next = this.chain.then( () => this.run() );
		this.chain = next.catch( () => undefined );
		return next;
	}

	/** Stops the timer and waits for the pass in progress. */
	async stop(): Promise< void > {
		this.stopped = true;
		clearTimeout( this.timer );
		await this.chain;
	}

	private schedule(): void {
		if ( this.stopped ) {
			return;
		}
		this.timer = setTimeout( () => {
			this.pass()
				.then(
					( result ) => {
						if ( result.checked > 0 ) {
							this.options.log.info(
								result,
								'Reconciler pass done.'
							);
						}
					},
					( error: unknown ) =>
						this.options.log.error(
							{ err: error },
							'Reconciler pass failed.'
						)
				)
				.finally( () => this.schedule() );
		}, this.options.intervalMs );
		this.timer.unref();
	}

	private async run(): Promise< PassResult > {
		const { ledger, payments, log, now, afterMs, abandonAfterMs } =
			this.options;
		const rows = ledger.unsettled( now() - afterMs, BATCH );
		let settled = 0;
		for ( const row of rows ) {
			try {
				let payment =
					row.payment_intent_id === null
						? null
						: ( await payments.refresh( row, 'reconciler' ) ).result
								.payment;
				if (
					( payment === null || ! isFinal( payment.status ) ) &&
					now() - row.created_at >= abandonAfterMs
				) {
					payment = await payments.abandon( row );
				}
				if ( payment !== null && isFinal( payment.status ) ) {
					settled++;
				}
			} catch {
				// Logged where it happened (Stripe unavailable); the next pass tries again.
				log.warn(
					{ paymentId: row.id },
					'Payment not reconciled in this pass.'
				);
			}
		}
		return { checked: rows.length, settled };
	}
}
