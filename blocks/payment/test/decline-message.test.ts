/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { declineMessage, type DeclineMessages } from '../decline-message';

const messages: DeclineMessages = {
	insufficientFunds: 'funds',
	cardDeclined: 'declined',
	expiredCard: 'expired',
	incorrectCvc: 'cvc',
	incorrectNumber: 'number',
	processingError: 'processing',
	authenticationFailed: 'authentication',
	generic: 'generic',
};

describe( 'declineMessage', () => {
	it.each( [
		[
			{ code: 'card_declined', decline_code: 'insufficient_funds' },
			'funds',
		],
		[
			{ code: 'card_declined', decline_code: 'generic_decline' },
			'declined',
		],
		[ { code: 'card_declined', decline_code: 'stolen_card' }, 'declined' ],
		[ { code: 'card_declined', decline_code: 'fraudulent' }, 'declined' ],
		[ { code: 'card_declined' }, 'declined' ],
		[ { code: 'expired_card' }, 'expired' ],
		[ { code: 'incorrect_cvc' }, 'cvc' ],
		[ { code: 'incorrect_number' }, 'number' ],
		[ { code: 'processing_error' }, 'processing' ],
		[ { code: 'payment_intent_authentication_failure' }, 'authentication' ],
		[
			{ code: 'card_declined', decline_code: 'authentication_required' },
			'authentication',
		],
	] )( 'maps %j to a sentence', ( error, expected ) => {
		expect(
			declineMessage(
				{ type: 'card_error', message: 'Stripe says', ...error },
				messages
			)
		).toBe( expected );
	} );

	it( 'keeps Stripe’s own words for form validation and unknown codes', () => {
		expect(
			declineMessage(
				{
					type: 'validation_error',
					code: 'incomplete_number',
					message: 'Your card number is incomplete.',
				},
				messages
			)
		).toBe( 'Your card number is incomplete.' );
		expect(
			declineMessage(
				{ type: 'card_error', code: 'something_new', message: 'New.' },
				messages
			)
		).toBe( 'New.' );
	} );

	it( 'falls back to a generic sentence', () => {
		expect( declineMessage( {}, messages ) ).toBe( 'generic' );
		expect( declineMessage( { message: '  ' }, messages ) ).toBe(
			'generic'
		);
	} );
} );
