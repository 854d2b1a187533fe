/**
 * Waiting for a payment to settle after `confirmPayment()`: its status is read again with growing pauses,
 * a bounded number of times, because a webhook or a bank may take a few seconds.
 */

/**
 * Internal dependencies
 */
import type { PaymentStatus, PaymentStatusAnswer } from './types';

/** Pauses before each read after the first, in milliseconds: about 30 seconds in all. */
export const POLL_DELAYS = [ 500, 1000, 1500, 2500, 4000, 6000, 8000, 8000 ];

/** Statuses that will not change by waiting. */
const FINAL: ReadonlySet< PaymentStatus > = new Set( [
	'succeeded',
	'canceled',
	'requires_payment_method',
	'partially_refunded',
	'refunded',
] );

/** Options, for tests. */
export interface PollOptions {
	delays?: readonly number[];
	sleep?: ( ms: number ) => Promise< void >;
}

/**
 * Reads a status until it is final or the pauses run out.
 *
 * @param read           Reads the status once.
 * @param options        Pauses and how to wait.
 * @param options.delays
 * @param options.sleep
 * @return The last answer: final, or still pending when time ran out.
 */
export async function pollStatus(
	read: () => Promise< PaymentStatusAnswer >,
	{
		delays = POLL_DELAYS,
		sleep = ( ms ) =>
			new Promise( ( resolve ) => setTimeout( resolve, ms ) ),
	}: PollOptions = {}
): Promise< PaymentStatusAnswer > {
	let answer = await read();
	for ( const delay of delays ) {
		if ( FINAL.has( answer.payment.status ) ) {
			break;
		}
		await sleep( delay );
		answer = await read();
	}
	return answer;
}
