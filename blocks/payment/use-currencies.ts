/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { useEffect, useState } from '@wordpress/element';

/** One currency Stripe charges in, from the gateway's table (Currency::supported() in PHP). */
export interface CurrencyInfo {
	/** Lowercase ISO code. */
	code: string;
	/** Decimals Stripe counts in (0, 2 or 3). */
	decimals: number;
	/** Smallest charge, in minor units. */
	minimum: number;
}

export const CURRENCIES_PATH = '/switchboard/v1/payments/currencies';

// Fetched once per editor session: the table changes only with the plugin.
let shared: Promise< CurrencyInfo[] > | undefined;

export interface UseCurrencies {
	/** The currencies; empty while loading or when the gateway could not be reached. */
	currencies: CurrencyInfo[];
	/** True when the table could not be read. */
	failed: boolean;
}

/**
 * The currencies the payment service supports, from the gateway.
 *
 * @return The table, and whether it failed to load.
 */
export function useCurrencies(): UseCurrencies {
	const [ answer, setAnswer ] = useState< UseCurrencies >( {
		currencies: [],
		failed: false,
	} );
	useEffect( () => {
		let live = true;
		shared ??= apiFetch< { currencies: CurrencyInfo[] } >( {
			path: CURRENCIES_PATH,
		} ).then( ( body ) => body.currencies );
		shared.then(
			( currencies ) =>
				live && setAnswer( { currencies, failed: false } ),
			() => {
				shared = undefined;
				if ( live ) {
					setAnswer( { currencies: [], failed: true } );
				}
			}
		);
		return () => {
			live = false;
		};
	}, [] );
	return answer;
}
