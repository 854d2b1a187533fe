/**
 * WordPress dependencies
 */
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import type { BlockEditProps } from '@wordpress/blocks';
import {
	Button,
	Notice,
	PanelBody,
	SelectControl,
	ToggleControl,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { ServerPreview } from '../shared/editor/server-preview';
import { TextControls, type TextFields } from '../shared/editor/text-controls';
import { ToggleControls, type Toggles } from '../shared/editor/toggle-controls';
import { AmountControl } from './amount-control';
import metadata from './block.json';
import type { PaymentAttributes } from './types';
import { useBlockId } from './use-block-id';
import { useCurrencies, type CurrencyInfo } from './use-currencies';
import { usePostSavingLock } from './use-post-saving-lock';
import { useValidation } from './use-validation';

/** Most preset amounts (BlockPrice::MAX_PRESETS). */
export const MAX_PRESETS = 6;

/**
 * The editor's locale, to read and show amounts in.
 *
 * @return A BCP 47 tag.
 */
function editorLocale(): string {
	return document.documentElement.lang || navigator.language || 'en';
}

/**
 * A currency while the gateway's table is not there: Intl's decimals, so amounts still read correctly.
 *
 * @param code ISO code.
 * @return A stand-in entry.
 */
function guessCurrency( code: string ): CurrencyInfo {
	let decimals = 2;
	try {
		decimals =
			new Intl.NumberFormat( 'en', {
				style: 'currency',
				currency: code.toUpperCase(),
			} ).resolvedOptions().maximumFractionDigits ?? 2;
	} catch {}
	return { code, decimals, minimum: 1 };
}

/**
 * The name of a currency in the editor's language, with its code ("US dollar (USD)").
 *
 * @param code   ISO code.
 * @param locale Locale.
 * @return The label.
 */
function currencyLabel( code: string, locale: string ): string {
	const upper = code.toUpperCase();
	try {
		const name = new Intl.DisplayNames( [ locale ], {
			type: 'currency',
		} ).of( upper );
		return name && name !== upper ? `${ name } (${ upper })` : upper;
	} catch {
		return upper;
	}
}

/**
 * The settings' problems, as the gateway found them.
 *
 * @param props          Component props.
 * @param props.problems The problems.
 * @param props.failed   Whether the check could not run.
 */
function Problems( {
	problems,
	failed,
}: {
	problems: string[];
	failed: boolean;
} ) {
	if ( failed ) {
		return (
			<Notice status="warning" isDismissible={ false }>
				{ __(
					'The payment settings could not be checked. Publishing is allowed; check Settings → Switchboard.',
					'switchboard'
				) }
			</Notice>
		);
	}
	if ( problems.length === 0 ) {
		return null;
	}
	return (
		<Notice status="error" isDismissible={ false }>
			<p>
				{ __(
					'Fix these payment settings before publishing:',
					'switchboard'
				) }
			</p>
			<ul>
				{ problems.map( ( problem ) => (
					<li key={ problem }>{ problem }</li>
				) ) }
			</ul>
		</Notice>
	);
}

/**
 * The payment block in the editor: what it is for, the price (a currency, one price or preset amounts,
 * and an optional amount of the visitor's choosing), what happens after payment, and the server's own
 * rendering as the preview (with the test-mode badge visitors see). The gateway checks the price settings
 * as they change; while it finds problems they are listed and the post cannot be saved.
 *
 * @param props               Block edit props.
 * @param props.attributes    The block's attributes.
 * @param props.setAttributes Updates attributes.
 * @param props.clientId      The block's client id.
 */
export default function Edit( {
	attributes,
	setAttributes,
	clientId,
}: BlockEditProps< PaymentAttributes > ) {
	useBlockId( clientId, attributes.blockId, setAttributes );
	const { currencies, failed: currenciesFailed } = useCurrencies();
	const validation = useValidation( attributes );
	usePostSavingLock(
		validation.problems.length > 0,
		`switchboard-payment-${ clientId }`
	);
	const locale = editorLocale();
	const currency =
		currencies.find( ( c ) => c.code === attributes.currency ) ??
		guessCurrency( attributes.currency );
	const { amounts } = attributes;
	const setAmount = ( index: number, minor: number ) =>
		setAttributes( {
			amounts: amounts.map( ( old, i ) => ( i === index ? minor : old ) ),
		} );

	const textFields: TextFields< PaymentAttributes > = [
		[
			'title',
			__( 'Title', 'switchboard' ),
			__(
				'What the payment is for. Shown above the form.',
				'switchboard'
			),
		],
		[ 'description', __( 'Description', 'switchboard' ) ],
		[
			'buttonText',
			__( 'Button text', 'switchboard' ),
			__(
				'Leave empty to show “Pay” with the chosen amount, such as “Pay $5.00”.',
				'switchboard'
			),
		],
	];
	const emailToggle: Toggles< PaymentAttributes > = [
		[
			'collectEmail',
			__( 'Ask for an email address', 'switchboard' ),
			__(
				'Optional for the visitor; Stripe sends the receipt there.',
				'switchboard'
			),
		],
	];
	const afterFields: TextFields< PaymentAttributes > = [
		[
			'successMessage',
			__( 'Success message', 'switchboard' ),
			__(
				'Leave empty to use “Thank you! Your payment was received.”',
				'switchboard'
			),
		],
		[
			'redirectUrl',
			__( 'Or go to this address', 'switchboard' ),
			__(
				'Optional. A thank-you page visitors are sent to after paying.',
				'switchboard'
			),
		],
	];
	const controlProps = { attributes, setAttributes };
	const currencyOptions = (
		currencies.length ? currencies : [ currency ]
	).map( ( c ) => ( {
		value: c.code,
		label: currencyLabel( c.code, locale ),
	} ) );

	return (
		<>
			<InspectorControls>
				<div className="wp-block-switchboard-payment__problems">
					<Problems
						problems={ validation.problems }
						failed={ validation.failed }
					/>
				</div>
				<PanelBody title={ __( 'Payment', 'switchboard' ) }>
					<TextControls { ...controlProps } fields={ textFields } />
					<ToggleControls
						{ ...controlProps }
						fields={ emailToggle }
					/>
				</PanelBody>
				<PanelBody title={ __( 'Price', 'switchboard' ) }>
					<SelectControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						label={ __( 'Currency', 'switchboard' ) }
						value={ attributes.currency }
						options={ currencyOptions }
						help={
							currenciesFailed
								? __(
										'The list of currencies could not be loaded.',
										'switchboard'
									)
								: undefined
						}
						onChange={ ( code: string ) =>
							setAttributes( { currency: code } )
						}
					/>
					{ amounts.map( ( amount, index ) => (
						<div
							key={ index }
							className="wp-block-switchboard-payment__preset"
						>
							<AmountControl
								label={
									amounts.length === 1
										? __( 'Price', 'switchboard' )
										: sprintf(
												/* translators: %d: position of the amount in the list. */
												__(
													'Amount %d',
													'switchboard'
												),
												index + 1
											)
								}
								value={ amount }
								currency={ currency }
								locale={ locale }
								onChange={ ( minor ) =>
									setAmount( index, minor )
								}
							/>
							<Button
								variant="link"
								isDestructive
								onClick={ () =>
									setAttributes( {
										amounts: amounts.filter(
											( _, i ) => i !== index
										),
									} )
								}
							>
								{ __( 'Remove', 'switchboard' ) }
							</Button>
						</div>
					) ) }
					<Button
						variant="secondary"
						disabled={ amounts.length >= MAX_PRESETS }
						onClick={ () =>
							setAttributes( {
								amounts: [
									...amounts,
									( amounts[ amounts.length - 1 ] ??
										currency.minimum * 10 ) * 2,
								],
							} )
						}
					>
						{ amounts.length === 0
							? __( 'Add a price', 'switchboard' )
							: __( 'Add another amount', 'switchboard' ) }
					</Button>
					<ToggleControl
						__nextHasNoMarginBottom
						label={ __(
							'Let visitors choose their own amount',
							'switchboard'
						) }
						checked={ attributes.allowCustomAmount }
						onChange={ ( allowCustomAmount: boolean ) =>
							setAttributes( { allowCustomAmount } )
						}
					/>
					{ attributes.allowCustomAmount && (
						<>
							<AmountControl
								label={ __( 'Smallest amount', 'switchboard' ) }
								value={ attributes.minAmount }
								currency={ currency }
								locale={ locale }
								onChange={ ( minAmount ) =>
									setAttributes( { minAmount } )
								}
							/>
							<AmountControl
								label={ __( 'Largest amount', 'switchboard' ) }
								value={ attributes.maxAmount }
								currency={ currency }
								locale={ locale }
								onChange={ ( maxAmount ) =>
									setAttributes( { maxAmount } )
								}
							/>
						</>
					) }
				</PanelBody>
				<PanelBody title={ __( 'After payment', 'switchboard' ) }>
					<TextControls { ...controlProps } fields={ afterFields } />
				</PanelBody>
			</InspectorControls>
			<div { ...useBlockProps() }>
				<Problems problems={ validation.problems } failed={ false } />
				<ServerPreview
					block={ metadata.name }
					attributes={ attributes }
				/>
			</div>
		</>
	);
}
