/**
 * The Pay button's text: "Pay $5.00" for the amount chosen, so the visitor always sees what they will
 * pay; the editor's own button text when there is one; "Pay" while a custom amount cannot be read.
 */

/**
 * Internal dependencies
 */
import { formatAmount, parseAmount } from './amount';
import type { PaymentContext } from './types';

/**
 * The amount the visitor chose, in minor units.
 *
 * @param ctx The block's context.
 * @return The amount, or null when the custom amount cannot be read.
 */
export function chosenAmount( ctx: PaymentContext ): number | null {
	return ctx.custom
		? parseAmount( ctx.customText, ctx.decimals, ctx.locale )
		: ctx.amount || null;
}

/**
 * Replaces `%s` (or `%1$s`) in a translated text.
 *
 * @param text  Translated text.
 * @param value The value.
 * @return The text.
 */
export function fill( text: string, value: string ): string {
	// A function, so a `$` in the value ("$12.34") is not read as a replacement pattern.
	return text.replace( /%(1\$)?s/, () => value );
}

/**
 * The button's text before the card form shows.
 *
 * @param ctx       The block's context.
 * @param payAmount The translated "Pay %s".
 * @return The text.
 */
export function payLabel( ctx: PaymentContext, payAmount: string ): string {
	const amount = ctx.customButton ? null : chosenAmount( ctx );
	return amount === null
		? ctx.buttonText
		: fill(
				payAmount,
				formatAmount( amount, ctx.currency, ctx.decimals, ctx.locale )
			);
}
