/**
 * The 3-D Secure challenge as Stripe.js shows it: a modal dialog over the merchant's page holding the
 * bank's page in an iframe. Focus moves into the dialog and stays there (the rest of the page is made
 * inert), Escape cancels (which fails the authentication, as closing Stripe's modal does), and focus
 * returns where it was when the dialog closes.
 */
import {
	envelope,
	isOnChannel,
	newChannelId,
	type ChallengeCancel,
	type ChallengeOutcome,
} from './protocol';

/** How long a cancelled challenge page has to report the failure before the dialog closes anyway. */
const CANCEL_GRACE_MS = 3_000;

/**
 * Shows the challenge and resolves with its outcome once the page reports it.
 *
 * @param challengeUrl The 3-D Secure page (from next_action.redirect_to_url.url).
 */
export function runChallenge(
	challengeUrl: string
): Promise< 'complete' | 'fail' > {
	const channel = newChannelId();
	const url = new URL( challengeUrl );
	url.searchParams.set( 'embedded', '1' );
	url.hash = new URLSearchParams( {
		channel,
		origin: window.location.origin,
	} ).toString();
	const frameOrigin = url.origin;
	const overlay = document.createElement( 'div' );
	const previousFocus = overlay.ownerDocument
		.activeElement as HTMLElement | null;
	overlay.style.cssText =
		'position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center;';
	const dialog = document.createElement( 'div' );
	dialog.setAttribute( 'role', 'dialog' );
	dialog.setAttribute( 'aria-modal', 'true' );
	dialog.setAttribute( 'aria-label', 'Authenticate your payment' );
	dialog.tabIndex = -1;
	dialog.style.cssText =
		'background:#fff;border-radius:8px;width:min(440px,94vw);height:min(560px,90vh);display:flex;flex-direction:column;box-shadow:0 10px 40px rgba(0,0,0,.3);overflow:hidden;';
	const close = document.createElement( 'button' );
	close.type = 'button';
	close.textContent = 'Cancel authentication';
	close.style.cssText =
		'align-self:flex-end;margin:8px;padding:6px 10px;font:inherit;cursor:pointer;';
	const iframe = document.createElement( 'iframe' );
	iframe.title = '3D Secure authentication';
	iframe.src = url.href;
	iframe.style.cssText = 'border:0;flex:1;width:100%;';
	dialog.append( close, iframe );
	overlay.append( dialog );

	// Everything else on the page leaves the tab order and the accessibility tree while the dialog is open.
	const madeInert: HTMLElement[] = [];
	for ( const child of Array.from( document.body.children ) ) {
		if ( child instanceof HTMLElement && ! child.inert ) {
			child.inert = true;
			madeInert.push( child );
		}
	}
	document.body.append( overlay );
	iframe.focus();

	return new Promise( ( resolve ) => {
		let settled = false;
		let cancelTimer: ReturnType< typeof setTimeout > | null = null;
		const finish = ( outcome: 'complete' | 'fail' ) => {
			if ( settled ) {
				return;
			}
			settled = true;
			if ( cancelTimer !== null ) {
				clearTimeout( cancelTimer );
			}
			window.removeEventListener( 'message', onMessage );
			document.removeEventListener( 'keydown', onKeydown, true );
			overlay.remove();
			for ( const element of madeInert ) {
				element.inert = false;
			}
			previousFocus?.focus?.();
			resolve( outcome );
		};
		const cancel = () => {
			const message: ChallengeCancel = { kind: 'cancel' };
			iframe.contentWindow?.postMessage(
				envelope( channel, message ),
				frameOrigin
			);
			// The page records the failure and answers; without an answer the dialog still closes.
			cancelTimer ??= setTimeout(
				() => finish( 'fail' ),
				CANCEL_GRACE_MS
			);
		};
		const onMessage = ( event: MessageEvent ) => {
			if (
				event.origin !== frameOrigin ||
				event.source !== iframe.contentWindow ||
				! isOnChannel( event.data, channel )
			) {
				return;
			}
			const data = event.data as ChallengeOutcome | ChallengeCancel;
			if ( data.kind === 'outcome' ) {
				finish( data.outcome === 'complete' ? 'complete' : 'fail' );
			} else if ( data.kind === 'cancel' ) {
				cancel();
			}
		};
		const onKeydown = ( event: KeyboardEvent ) => {
			if ( event.key === 'Escape' ) {
				event.preventDefault();
				cancel();
			}
		};
		close.addEventListener( 'click', cancel );
		window.addEventListener( 'message', onMessage );
		document.addEventListener( 'keydown', onKeydown, true );
	} );
}
