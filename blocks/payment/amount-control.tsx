/**
 * WordPress dependencies
 */
import { TextControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { amountText, formatAmount, parseAmount } from './amount';
import type { CurrencyInfo } from './use-currencies';

export interface AmountControlProps {
	label: string;
	/** Amount in minor units. */
	value: number;
	currency: CurrencyInfo;
	/** The editor's locale. */
	locale: string;
	/** Receives the amount in minor units, only when the text is a valid amount. */
	onChange: ( minor: number ) => void;
}

/**
 * A text field for an amount: the editor types decimal text in the currency's format ("12.50", "12,50",
 * "500" for yen), the block stores whole minor units. Text that is not an amount yet stays in the field,
 * with help saying what is expected, and is not stored.
 *
 * @param props          Component props.
 * @param props.label    The field's label.
 * @param props.value    Stored amount.
 * @param props.currency The block's currency.
 * @param props.locale   Locale to read and show amounts in.
 * @param props.onChange Receives valid amounts.
 */
export function AmountControl( {
	label,
	value,
	currency,
	locale,
	onChange,
}: AmountControlProps ) {
	const shown = amountText( value, currency.decimals, locale );
	const [ text, setText ] = useState( shown );
	// A new stored value or currency (not this field's own typing) replaces the text.
	useEffect( () => {
		setText( ( current ) =>
			parseAmount( current, currency.decimals, locale ) === value
				? current
				: shown
		);
	}, [ shown, value, currency.decimals, locale ] );
	const parsed = parseAmount( text, currency.decimals, locale );
	const example = formatAmount(
		currency.minimum * 10,
		currency.code,
		currency.decimals,
		locale
	);
	return (
		<TextControl
			__next40pxDefaultSize
			__nextHasNoMarginBottom
			label={ label }
			inputMode="decimal"
			value={ text }
			help={
				parsed === null
					? sprintf(
							/* translators: %s: an example amount with its currency. */
							__(
								'Not an amount yet. Type one like %s.',
								'switchboard'
							),
							example
						)
					: formatAmount(
							parsed,
							currency.code,
							currency.decimals,
							locale
						)
			}
			onChange={ ( next: string ) => {
				setText( next );
				const minor = parseAmount( next, currency.decimals, locale );
				if ( minor !== null ) {
					onChange( minor );
				}
			} }
		/>
	);
}
