/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { useEffect, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { PaymentAttributes } from './types';

export const VALIDATE_PATH = '/switchboard/v1/payments/validate';

/** Pause after the last change before asking, so typing an amount sends one request. */
export const VALIDATE_DELAY_MS = 400;

/** The attributes the server's checks read (BlockPrice::validate_attributes()). */
const PRICE_FIELDS = [
	'currency',
	'amounts',
	'allowCustomAmount',
	'minAmount',
	'maxAmount',
] as const;

export interface Validation {
	/** The server's problems with the settings, in words for the editor. */
	problems: string[];
	/** True until the current settings have been checked. */
	checking: boolean;
	/** True when the check itself failed (network, permissions). */
	failed: boolean;
}

/**
 * The gateway's verdict on a block's price settings: the same checks that refuse a payment, run while
 * the editor works, so problems show before publishing.
 *
 * @param attributes The block's attributes.
 * @return The verdict.
 */
export function useValidation( attributes: PaymentAttributes ): Validation {
	const price = PRICE_FIELDS.map( ( name ) => attributes[ name ] );
	const key = JSON.stringify( price );
	const [ result, setResult ] = useState< Validation & { key: string } >( {
		problems: [],
		checking: true,
		failed: false,
		key: '',
	} );
	useEffect( () => {
		const controller = new AbortController();
		const timer = setTimeout( () => {
			const sent = Object.fromEntries(
				PRICE_FIELDS.map( ( name, i ) => [ name, price[ i ] ] )
			);
			apiFetch< { problems: string[] } >( {
				path: VALIDATE_PATH,
				method: 'POST',
				data: { attributes: sent },
				signal: controller.signal,
			} ).then(
				( body ) =>
					setResult( {
						problems: body.problems,
						checking: false,
						failed: false,
						key,
					} ),
				() =>
					! controller.signal.aborted &&
					setResult( {
						problems: [],
						checking: false,
						failed: true,
						key,
					} )
			);
		}, VALIDATE_DELAY_MS );
		return () => {
			clearTimeout( timer );
			controller.abort();
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the price fields' values, which the effect reads.
	}, [ key ] );
	return result.key === key
		? result
		: { problems: result.problems, checking: true, failed: false };
}
