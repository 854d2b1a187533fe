/**
 * The Payment Element in the merchant's page: a cross-origin iframe holding the card fields, driven over
 * postMessage. The card data never leaves the frame; the page only ever receives a PaymentMethod id.
 */
import { Emitter, type Handler } from './emitter';
import { IntegrationError } from './integration-error';
import {
	envelope,
	isOnChannel,
	newChannelId,
	type Appearance,
	type FrameCommand,
	type FrameConfig,
	type FrameEvent,
	type FrameFont,
	type FrameReply,
} from './protocol';
import type {
	PaymentElementEvent,
	StripeError,
	StripePaymentElement,
	StripePaymentElementChangeEvent,
} from './stripe-types';

/** How long the frame has to say it is ready before `loaderror` fires. */
const LOAD_TIMEOUT_MS = 15_000;

export interface PaymentElementContext {
	apiBase: string;
	publishableKey: string;
	clientSecret: string | null;
	appearance: Appearance;
	locale: string;
	fonts: FrameFont[];
}

type Pending = ( reply: FrameReply ) => void;

/** The element's methods that have the real Payment Element's exact signatures. */
type CheckedMethods = Pick<
	StripePaymentElement,
	'mount' | 'unmount' | 'destroy' | 'focus' | 'blur' | 'clear'
>;

export class PaymentElement implements CheckedMethods {
	private readonly events = new Emitter();
	private readonly channel = newChannelId();
	private readonly apiOrigin: string;
	private readonly pending = new Map< string, Pending >();
	private iframe: HTMLIFrameElement | null = null;
	private ready = false;
	private destroyed = false;
	private loadTimer: ReturnType< typeof setTimeout > | null = null;
	private state = { empty: true, complete: false };

	/**
	 * @param context What the frame needs to know.
	 * @param onGone  Called on destroy(), so the group forgets the element.
	 */
	constructor(
		private readonly context: PaymentElementContext,
		private readonly onGone: () => void
	) {
		this.apiOrigin = new URL( context.apiBase ).origin;
		window.addEventListener( 'message', this.onMessage );
	}

	/**
	 * Puts the frame into a container (an element or a CSS selector), as element.mount() does.
	 *
	 * @param target The container.
	 */
	mount( target: HTMLElement | string ): void {
		this.assertAlive();
		const container =
			typeof target === 'string'
				? document.querySelector< HTMLElement >( target )
				: target;
		if ( ! container ) {
			throw new IntegrationError(
				`The selector you specified (${ String(
					target
				) }) applies to no DOM elements that are currently on the page.\nMake sure the element exists on the page before calling mount().`
			);
		}
		if ( this.iframe ) {
			throw new IntegrationError(
				'This Element is already mounted. Use `unmount()` to unmount the Element before re-mounting.'
			);
		}
		const iframe = document.createElement( 'iframe' );
		iframe.title = 'Secure payment input frame';
		iframe.name = `__privateStripeFrame${ this.channel.slice( 0, 8 ) }`;
		iframe.setAttribute( 'allow', 'payment *' );
		iframe.setAttribute( 'frameborder', '0' );
		iframe.setAttribute( 'scrolling', 'no' );
		iframe.style.cssText =
			'border:0 !important;margin:0 !important;padding:0 !important;width:100% !important;min-width:100% !important;display:block !important;overflow:hidden !important;height:1px;';
		iframe.src = this.frameUrl();
		container.appendChild( iframe );
		this.iframe = iframe;
		this.ready = false;
		this.events.emit( 'loaderstart', { elementType: 'payment' } );
		this.loadTimer = setTimeout( () => {
			if ( ! this.ready ) {
				this.events.emit( 'loaderror', {
					elementType: 'payment',
					error: {
						type: 'api_connection_error',
						message:
							'The payment form could not be loaded. Check your connection and try again.',
					},
				} );
			}
		}, LOAD_TIMEOUT_MS );
	}

	/** Removes the frame; the element can be mounted again. */
	unmount(): void {
		this.clearLoadTimer();
		this.iframe?.remove();
		this.iframe = null;
		this.ready = false;
		this.failPending( 'The Element was unmounted.' );
	}

	/** Removes the frame for good. */
	destroy(): void {
		this.unmount();
		this.destroyed = true;
		window.removeEventListener( 'message', this.onMessage );
		this.onGone();
	}

	focus(): void {
		this.iframe?.focus();
		this.send( { kind: 'focus' } );
	}

	blur(): void {
		this.send( { kind: 'blur' } );
	}

	clear(): void {
		this.send( { kind: 'clear' } );
	}

	/** The accordion layout collapses; a card-only element has nothing to collapse. */
	collapse(): this {
		return this;
	}

	/**
	 * @param options            Appearance or locale changes (other Payment Element options have no card effect).
	 * @param options.appearance
	 * @param options.locale
	 */
	update( options: { appearance?: Appearance; locale?: string } ): this {
		this.applyUpdate( options );
		return this;
	}

	/**
	 * @param event   Event name.
	 * @param handler Handler.
	 */
	on( event: PaymentElementEvent, handler: Handler ): this {
		this.events.on( event, handler );
		return this;
	}

	/**
	 * @param event   Event name.
	 * @param handler Handler.
	 */
	off( event: PaymentElementEvent, handler?: Handler ): this {
		this.events.off( event, handler );
		return this;
	}

	/**
	 * @param event   Event name.
	 * @param handler Handler.
	 */
	once( event: PaymentElementEvent, handler: Handler ): this {
		this.events.once( event, handler );
		return this;
	}

	/**
	 * Internal: the group's appearance/locale changes reach the frame through here.
	 *
	 * @param options            Changes.
	 * @param options.appearance
	 * @param options.locale
	 */
	applyUpdate( options: { appearance?: Appearance; locale?: string } ): void {
		if ( options.appearance ) {
			this.context.appearance = options.appearance;
		}
		if ( options.locale ) {
			this.context.locale = options.locale;
		}
		// Mounted but not ready yet: the frame read the old options from its URL, so it gets them once ready.
		if ( this.iframe ) {
			this.whenReady( () => this.send( { kind: 'update', ...options } ) );
		}
	}

	/** Internal: asks the frame to check the fields (showing the errors there). */
	async validate(): Promise< { error?: StripeError } > {
		const reply = await this.request( { kind: 'validate' } );
		return 'error' in reply ? { error: reply.error } : {};
	}

	/**
	 * Internal: asks the frame to create a PaymentMethod from the card; only its id comes back.
	 *
	 * @param billingDetails From confirmParams.payment_method_data.
	 */
	async createPaymentMethod(
		billingDetails?: object
	): Promise< { error: StripeError } | { paymentMethod: { id: string } } > {
		const reply = await this.request( {
			kind: 'createPaymentMethod',
			billingDetails,
		} );
		if ( 'error' in reply ) {
			return { error: reply.error };
		}
		if ( ! reply.paymentMethod ) {
			return {
				error: {
					type: 'api_error',
					message: 'The payment form returned no payment method.',
				},
			};
		}
		return { paymentMethod: reply.paymentMethod };
	}

	/** Internal: whether the element is mounted. */
	isMounted(): boolean {
		return this.iframe !== null;
	}

	private frameUrl(): string {
		const config: FrameConfig = {
			channel: this.channel,
			parentOrigin: window.location.origin,
			publishableKey: this.context.publishableKey,
			clientSecret: this.context.clientSecret,
			appearance: this.context.appearance,
			locale: this.context.locale,
			fonts: this.context.fonts,
		};
		const query = new URLSearchParams( {
			channel: this.channel,
			locale: this.context.locale,
		} );
		// The key, client secret and appearance travel in the fragment: never sent to a server or logged.
		return `${ this.context.apiBase }/_standin/elements/payment?${ query }#${ encodeURIComponent(
			JSON.stringify( config )
		) }`;
	}

	private request(
		command:
			| { kind: 'validate' }
			| {
					kind: 'createPaymentMethod';
					billingDetails?: object;
			  }
	): Promise< FrameReply > {
		if ( ! this.iframe ) {
			return Promise.reject(
				new IntegrationError(
					'The Payment Element is not mounted. Mount it before calling elements.submit() or stripe.confirmPayment().'
				)
			);
		}
		const requestId = newChannelId();
		return new Promise< FrameReply >( ( resolve ) => {
			this.pending.set( requestId, resolve );
			this.whenReady( () =>
				this.send( { ...command, requestId } as FrameCommand )
			);
		} );
	}

	private readyQueue: Array< () => void > = [];

	private whenReady( action: () => void ): void {
		if ( this.ready ) {
			action();
		} else {
			this.readyQueue.push( action );
		}
	}

	private send( command: FrameCommand ): void {
		const target = this.iframe?.contentWindow;
		if ( ! target || ! this.ready ) {
			return;
		}
		target.postMessage( envelope( this.channel, command ), this.apiOrigin );
	}

	private readonly onMessage = ( event: MessageEvent ): void => {
		if (
			event.origin !== this.apiOrigin ||
			! this.iframe ||
			event.source !== this.iframe.contentWindow ||
			! isOnChannel( event.data, this.channel )
		) {
			return;
		}
		const message = event.data as FrameEvent | FrameReply;
		switch ( message.kind ) {
			case 'ready':
				this.ready = true;
				this.clearLoadTimer();
				this.resize( message.height );
				this.events.emit( 'ready', { elementType: 'payment' } );
				for ( const action of this.readyQueue.splice( 0 ) ) {
					action();
				}
				return;
			case 'resize':
				this.resize( message.height );
				return;
			case 'change':
				this.state = message.state;
				this.events.emit( 'change', this.changeEvent() );
				return;
			case 'focus':
			case 'blur':
			case 'escape':
				this.events.emit( message.kind, { elementType: 'payment' } );
				return;
			case 'loaderror':
				this.clearLoadTimer();
				this.events.emit( 'loaderror', {
					elementType: 'payment',
					error: message.error,
				} );
				return;
			case 'reply': {
				const resolve = this.pending.get( message.requestId );
				this.pending.delete( message.requestId );
				resolve?.( message );
			}
		}
	};

	private changeEvent(): StripePaymentElementChangeEvent {
		return {
			elementType: 'payment',
			empty: this.state.empty,
			complete: this.state.complete,
			collapsed: false,
			value: { type: 'card' },
		};
	}

	private resize( height: number ): void {
		if ( this.iframe && Number.isFinite( height ) && height > 0 ) {
			this.iframe.style.height = `${ Math.ceil( height ) }px`;
		}
	}

	private clearLoadTimer(): void {
		if ( this.loadTimer !== null ) {
			clearTimeout( this.loadTimer );
			this.loadTimer = null;
		}
	}

	private failPending( message: string ): void {
		for ( const [ requestId, resolve ] of this.pending ) {
			resolve( {
				kind: 'reply',
				requestId,
				error: { type: 'invalid_request_error', message },
			} );
		}
		this.pending.clear();
		this.readyQueue = [];
	}

	private assertAlive(): void {
		if ( this.destroyed ) {
			throw new IntegrationError(
				'This Element has already been destroyed. Please create a new one.'
			);
		}
	}
}
