/**
 * What the view module and the checkout chunk share about one block on the page.
 */

/**
 * Internal dependencies
 */
import type { PaymentContext, PaymentStrings } from './types';

/** One block's state outside the Interactivity context (elements, promises). */
export interface Runtime {
	/** The block's reactive context. */
	ctx: PaymentContext;
	/** The block's element. */
	root: HTMLElement;
	/** Translated texts (the store's state). */
	strings: PaymentStrings;
	/** Drops a prepared payment whose amount no longer matches the choice; set by the checkout chunk. */
	reset?: () => void;
}
