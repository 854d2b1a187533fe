/**
 * External dependencies
 */
import { describe, expect, it, jest } from '@jest/globals';

/**
 * Internal dependencies
 */
import { BATCH, EventQueue, type SendEvents } from '../event-queue';

const visitor = 'V'.repeat( 22 );

/**
 * A queue whose sends are recorded.
 *
 * @param result What each send resolves or rejects with.
 */
function queue( result: Promise< unknown > = Promise.resolve( {} ) ) {
	const send = jest.fn< SendEvents >( () => result );
	return { send, events: new EventQueue( send, visitor ) };
}

describe( 'EventQueue', () => {
	it( 'waits until it is flushed', () => {
		const { send, events } = queue();
		events.push( {
			type: 'impression',
			post: 1,
			feed: 'f_1',
			position: 0,
		} );

		expect( send ).not.toHaveBeenCalled();
		events.flush();

		expect( send ).toHaveBeenCalledWith( {
			visitor,
			events: [
				{ type: 'impression', post: 1, feed: 'f_1', position: 0 },
			],
		} );
		expect( events.size ).toBe( 0 );
	} );

	it( 'sends a full batch at once', () => {
		const { send, events } = queue();
		for ( let post = 1; post <= BATCH + 1; post++ ) {
			events.push( { type: 'view', post } );
		}

		expect( send ).toHaveBeenCalledTimes( 1 );
		expect( send.mock.calls[ 0 ][ 0 ].events ).toHaveLength( BATCH );
		expect( events.size ).toBe( 1 );
	} );

	it( 'sends nothing when empty, and nothing after a drop', () => {
		const { send, events } = queue();
		events.flush();
		events.push( { type: 'view', post: 1 } );
		events.drop();
		events.flush();

		expect( send ).not.toHaveBeenCalled();
	} );

	it( 'drops a batch that fails, silently', async () => {
		const { send, events } = queue(
			Promise.reject( new Error( 'offline' ) )
		);
		events.push( { type: 'view', post: 1 } );
		events.flush();
		await Promise.resolve();

		expect( send ).toHaveBeenCalledTimes( 1 );
		expect( events.size ).toBe( 0 );
	} );
} );
