/**
 * `stripe.elements( options )`: the group that owns the Payment Element, carries the client secret,
 * appearance and locale, and remembers whether `submit()` succeeded (confirmPayment needs that when the
 * intent is created after the element, the "deferred intent" flow).
 */
import { IntegrationError } from './integration-error';
import { PaymentElement } from './payment-element';
import type { FrameFont } from './protocol';
import type {
	StripeElementsOptions,
	StripeElements,
	StripeElementsUpdateOptions,
	SubmitResult,
} from './stripe-types';

export class ElementsGroup implements Pick<
	StripeElements,
	'update' | 'submit'
> {
	private element: PaymentElement | null = null;
	/** Whether the last submit() found the element complete. */
	submitted = false;

	/**
	 * @param apiBase        The stand-in's base URL.
	 * @param publishableKey The pk_ key.
	 * @param options        The options given to stripe.elements().
	 */
	constructor(
		private readonly apiBase: string,
		private readonly publishableKey: string,
		private readonly options: StripeElementsOptions
	) {
		if (
			options.clientSecret !== undefined &&
			! /^pi_[A-Za-z0-9]+_secret_[A-Za-z0-9]+$/.test(
				options.clientSecret
			)
		) {
			throw new IntegrationError(
				`Invalid value for elements(): clientSecret should be a client secret of the form \${id}_secret_\${secret}. You specified: ${ options.clientSecret }.`
			);
		}
	}

	/** The client secret the group was created with, or null (deferred intent). */
	get clientSecret(): string | null {
		return this.options.clientSecret ?? null;
	}

	/**
	 * Creates the Payment Element. Its options (layout, fields, wallets...) change nothing for a
	 * card-only element, so the stand-in accepts and ignores them.
	 *
	 * @param type Only 'payment' is implemented by the stand-in.
	 */
	create( type: string ): PaymentElement {
		if ( type !== 'payment' ) {
			throw new IntegrationError(
				`The Stripe stand-in implements only the Payment Element; elements.create( '${ type }' ) is not available.`
			);
		}
		if ( this.element ) {
			throw new IntegrationError(
				'Can only create one Element of type payment.'
			);
		}
		this.element = new PaymentElement(
			{
				apiBase: this.apiBase,
				publishableKey: this.publishableKey,
				clientSecret: this.clientSecret,
				appearance: this.options.appearance ?? {},
				locale: this.options.locale ?? 'auto',
				fonts: customFonts( this.options.fonts ),
			},
			() => {
				this.element = null;
			}
		);
		return this.element;
	}

	/**
	 * @param type The element type.
	 */
	getElement( type: string ): PaymentElement | null {
		return type === 'payment' ? this.element : null;
	}

	/**
	 * @param options New appearance or locale, passed on to the frame.
	 */
	async update( options: StripeElementsUpdateOptions ): Promise< void > {
		if ( options.appearance ) {
			this.options.appearance = options.appearance;
		}
		if ( options.locale ) {
			this.options.locale = options.locale;
		}
		this.element?.applyUpdate( options );
	}

	/** Validates the element, as elements.submit() does before any network call. */
	async submit(): Promise< SubmitResult > {
		if ( ! this.element || ! this.element.isMounted() ) {
			return {
				error: {
					type: 'invalid_request_error',
					message:
						'elements.submit() was called, but no Payment Element is mounted.',
				},
			};
		}
		const result = await this.element.validate();
		this.submitted = result.error === undefined;
		return result.error
			? { error: result.error }
			: { selectedPaymentMethod: 'card' };
	}

	/** Internal: the mounted element, for confirmPayment. */
	paymentElement(): PaymentElement | null {
		return this.element;
	}
}

/**
 * The custom font sources among `elements( { fonts } )` (a `cssSrc` stylesheet is not supported here).
 *
 * @param fonts The option.
 */
function customFonts( fonts: StripeElementsOptions[ 'fonts' ] ): FrameFont[] {
	const custom: FrameFont[] = [];
	for ( const font of fonts ?? [] ) {
		if ( 'family' in font && 'src' in font ) {
			custom.push( {
				family: font.family,
				src: font.src,
				display: font.display,
				style: font.style,
				weight: font.weight,
				unicodeRange: font.unicodeRange,
			} );
		}
	}
	return custom.slice( 0, 20 );
}
