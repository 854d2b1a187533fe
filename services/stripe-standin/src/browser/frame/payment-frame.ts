/**
 * The script inside the Payment Element's frame: formats and checks the card fields, reports state to the
 * merchant page, and creates the PaymentMethod itself so the card number never reaches the page.
 */
import { callApi, intentIdOf } from '../client/api-client';
import type { FormValue } from '../client/form-encode';
import {
	envelope,
	isOnChannel,
	type Appearance,
	type ChangeState,
	type FrameCommand,
	type FrameConfig,
	type FrameEvent,
	type FrameReply,
} from '../client/protocol';
import type { StripeError } from '../client/stripe-types';
import {
	appearanceProperties,
	directionOf,
	fontFaceCss,
	themeName,
} from './appearance';
import {
	cvcError,
	detectBrand,
	digitsOf,
	expiryError,
	formatExpiry,
	formatNumber,
	numberError,
	numberLength,
	cvcLength,
	parseExpiry,
	type CardField,
	type FieldError,
} from './card';

const BRAND_LABELS: Record< string, string > = {
	visa: 'Visa',
	mastercard: 'Mastercard',
	amex: 'American Express',
	discover: 'Discover',
	diners: 'Diners Club',
	jcb: 'JCB',
	unionpay: 'UnionPay',
	unknown: '',
};

/**
 * The frame's configuration from the URL fragment, or null when the frame was opened without one.
 */
function readConfig(): FrameConfig | null {
	try {
		const parsed = JSON.parse(
			decodeURIComponent( window.location.hash.slice( 1 ) )
		) as FrameConfig;
		return typeof parsed.channel === 'string' &&
			typeof parsed.parentOrigin === 'string' &&
			typeof parsed.publishableKey === 'string'
			? parsed
			: null;
	} catch {
		return null;
	}
}

/**
 * @param id Element id.
 */
function input( id: string ): HTMLInputElement {
	return document.getElementById( id ) as HTMLInputElement;
}

/**
 * @param config The frame's configuration.
 */
function start( config: FrameConfig ): void {
	const number = input( 'number' );
	const expiry = input( 'expiry' );
	const cvc = input( 'cvc' );
	const country = document.getElementById( 'country' ) as HTMLSelectElement;
	const brandLabel = document.getElementById( 'brand' ) as HTMLElement;
	const fields: Record< CardField, HTMLInputElement > = {
		number,
		expiry,
		cvc,
	};
	let lastState = '';

	const post = ( message: FrameEvent | FrameReply ) =>
		window.parent.postMessage(
			envelope( config.channel, message ),
			config.parentOrigin
		);

	const applyAppearance = ( appearance: Appearance, locale: string ) => {
		const root = document.documentElement;
		for ( const [ name, value ] of Object.entries(
			appearanceProperties( appearance )
		) ) {
			root.style.setProperty( name, value );
		}
		root.dataset.theme = themeName( appearance );
		if ( locale && locale !== 'auto' ) {
			root.lang = locale;
			root.dir = directionOf( locale );
		}
	};

	const currentErrors = (): FieldError[] => {
		const digits = digitsOf( number.value, 19 );
		return [
			numberError( digits ),
			expiryError( expiry.value, new Date() ),
			cvcError( cvc.value, detectBrand( digits ) ),
		].filter( ( error ): error is FieldError => error !== null );
	};

	const showError = ( field: CardField, error: FieldError | null ) => {
		const target = document.getElementById( `${ field }-error` );
		if ( target ) {
			target.textContent = error ? error.message : '';
		}
		fields[ field ].setAttribute(
			'aria-invalid',
			error ? 'true' : 'false'
		);
	};

	const errorOf = ( field: CardField ): FieldError | null =>
		currentErrors().find( ( error ) => error.field === field ) ?? null;

	const reportChange = () => {
		const state: ChangeState = {
			empty:
				number.value === '' && expiry.value === '' && cvc.value === '',
			complete: currentErrors().length === 0,
		};
		const key = JSON.stringify( state );
		if ( key !== lastState ) {
			lastState = key;
			post( { kind: 'change', state } );
		}
	};

	number.addEventListener( 'input', () => {
		const digits = digitsOf( number.value, 19 );
		const brand = detectBrand( digits );
		number.value = formatNumber( digits.slice( 0, numberLength( brand ) ) );
		brandLabel.textContent = BRAND_LABELS[ brand ];
		cvc.maxLength = cvcLength( brand );
		// An error shown earlier goes away as soon as the field is right; a new one waits for blur.
		if ( number.getAttribute( 'aria-invalid' ) === 'true' ) {
			showError( 'number', errorOf( 'number' ) );
		}
		reportChange();
	} );
	expiry.addEventListener( 'input', ( event ) => {
		const deleting = ( event as InputEvent ).inputType?.startsWith(
			'delete'
		);
		expiry.value = deleting
			? expiry.value.replace( /\s*\/\s*$/, '' )
			: formatExpiry( expiry.value );
		if ( expiry.getAttribute( 'aria-invalid' ) === 'true' ) {
			showError( 'expiry', errorOf( 'expiry' ) );
		}
		reportChange();
	} );
	cvc.addEventListener( 'input', () => {
		cvc.value = digitsOf(
			cvc.value,
			cvcLength( detectBrand( digitsOf( number.value, 19 ) ) )
		);
		if ( cvc.getAttribute( 'aria-invalid' ) === 'true' ) {
			showError( 'cvc', errorOf( 'cvc' ) );
		}
		reportChange();
	} );
	for ( const field of Object.keys( fields ) as CardField[] ) {
		fields[ field ].addEventListener( 'blur', () => {
			if ( fields[ field ].value !== '' ) {
				showError( field, errorOf( field ) );
			}
		} );
	}

	const form = document.getElementById( 'payment-form' ) as HTMLFormElement;
	form.addEventListener( 'submit', ( event ) => event.preventDefault() );
	// The merchant may close a modal checkout on Escape; Stripe's element reports it as an event.
	form.addEventListener( 'keydown', ( event ) => {
		if ( event.key === 'Escape' ) {
			post( { kind: 'escape' } );
		}
	} );
	form.addEventListener( 'focusin', ( event ) => {
		if ( ! form.contains( event.relatedTarget as Node | null ) ) {
			post( { kind: 'focus' } );
		}
	} );
	form.addEventListener( 'focusout', ( event ) => {
		if ( ! form.contains( event.relatedTarget as Node | null ) ) {
			post( { kind: 'blur' } );
		}
	} );

	const validate = (): StripeError | null => {
		const errors = currentErrors();
		for ( const field of Object.keys( fields ) as CardField[] ) {
			showError(
				field,
				errors.find( ( error ) => error.field === field ) ?? null
			);
		}
		const first = errors[ 0 ];
		if ( ! first ) {
			return null;
		}
		fields[ first.field ].focus();
		return {
			type: 'validation_error',
			code: first.code,
			message: first.message,
		};
	};

	const createPaymentMethod = async (
		requestId: string,
		billingDetails: object | undefined
	) => {
		const invalid = validate();
		if ( invalid ) {
			post( { kind: 'reply', requestId, error: invalid } );
			return;
		}
		const month = parseExpiry( expiry.value );
		// Structured-cloned plain data from confirmParams.payment_method_data.billing_details.
		const details = ( billingDetails ?? {} ) as Record< string, FormValue >;
		const given = details.address;
		const address = (
			typeof given === 'object' &&
			given !== null &&
			! Array.isArray( given )
				? given
				: {}
		) as Record< string, FormValue >;
		const result = await callApi< { id: string } >(
			__STANDIN_API_BASE__,
			config.publishableKey,
			'POST',
			'/v1/payment_methods',
			{
				type: 'card',
				card: {
					number: digitsOf( number.value, 19 ),
					exp_month: month?.month,
					exp_year: month?.year,
					cvc: cvc.value,
				},
				billing_details: {
					...details,
					address: {
						...address,
						country: address.country ?? country.value,
					},
				},
			}
		);
		post(
			result.ok
				? {
						kind: 'reply',
						requestId,
						paymentMethod: { id: result.body.id },
					}
				: { kind: 'reply', requestId, error: result.error }
		);
	};

	window.addEventListener( 'message', ( event: MessageEvent ) => {
		if (
			event.origin !== config.parentOrigin ||
			event.source !== window.parent ||
			! isOnChannel( event.data, config.channel )
		) {
			return;
		}
		const command = event.data as FrameCommand;
		switch ( command.kind ) {
			case 'update':
				if ( command.appearance ) {
					config.appearance = command.appearance;
				}
				applyAppearance(
					config.appearance,
					command.locale ?? config.locale
				);
				return;
			case 'focus':
				number.focus();
				return;
			case 'blur':
				(
					number.ownerDocument.activeElement as HTMLElement | null
				 )?.blur();
				return;
			case 'clear':
				for ( const field of Object.keys( fields ) as CardField[] ) {
					fields[ field ].value = '';
					showError( field, null );
				}
				brandLabel.textContent = '';
				reportChange();
				return;
			case 'validate': {
				const error = validate();
				post(
					error
						? { kind: 'reply', requestId: command.requestId, error }
						: { kind: 'reply', requestId: command.requestId }
				);
				return;
			}
			case 'createPaymentMethod':
				void createPaymentMethod(
					command.requestId,
					command.billingDetails
				);
		}
	} );

	const fonts = document.createElement( 'style' );
	fonts.textContent = fontFaceCss( config.fonts ?? [] );
	document.head.append( fonts );
	applyAppearance( config.appearance, config.locale );
	const height = () => document.documentElement.scrollHeight;
	new ResizeObserver( () =>
		post( { kind: 'resize', height: height() } )
	).observe( document.body );

	// With a client secret the intent is checked first: a wrong secret is a loaderror, as in Stripe.js.
	void ( async () => {
		if ( config.clientSecret !== null ) {
			const id = intentIdOf( config.clientSecret );
			const result =
				id === null
					? null
					: await callApi(
							__STANDIN_API_BASE__,
							config.publishableKey,
							'GET',
							`/v1/payment_intents/${ id }`,
							{ client_secret: config.clientSecret }
						);
			if ( result === null || ! result.ok ) {
				post( {
					kind: 'loaderror',
					error: result?.error ?? {
						type: 'invalid_request_error',
						message: 'Invalid client secret.',
					},
				} );
				return;
			}
		}
		post( { kind: 'ready', height: height() } );
	} )();
}

const frameConfig = readConfig();
if ( frameConfig !== null && window.parent !== window ) {
	start( frameConfig );
}
