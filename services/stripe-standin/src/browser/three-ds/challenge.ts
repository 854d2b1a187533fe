/**
 * The script of the 3-D Secure page. Its buttons record the outcome with the stand-in server, then either
 * tell the Stripe.js modal that embeds the page (postMessage to the origin named in the fragment) or, when
 * the page is the top-level document (the redirect flow), go to the intent's return_url with Stripe's query.
 */
import {
	envelope,
	isOnChannel,
	type ChallengeCancel,
	type ChallengeOutcome,
} from '../client/protocol';

type Outcome = 'complete' | 'fail';

const form = document.getElementById( 'challenge' ) as HTMLFormElement | null;
const status = document.getElementById( 'status' );
const query = new URLSearchParams( window.location.search );
const fragment = new URLSearchParams( window.location.hash.slice( 1 ) );
const channel = fragment.get( 'channel' );
const parentOrigin = fragment.get( 'origin' );
const embedded =
	query.get( 'embedded' ) === '1' &&
	window.parent !== window &&
	channel !== null &&
	parentOrigin !== null;

let busy = false;

/**
 * Records the outcome, then reports it or redirects.
 *
 * @param outcome What the visitor chose.
 */
async function finish( outcome: Outcome ): Promise< void > {
	if ( ! form || busy ) {
		return;
	}
	busy = true;
	const intentId = form.dataset.intent ?? '';
	const clientSecret = query.get( 'client_secret' ) ?? '';
	for ( const button of Array.from( form.querySelectorAll( 'button' ) ) ) {
		button.disabled = true;
	}
	if ( status ) {
		status.textContent = 'Processing…';
	}
	// The server answers with where the visitor goes next: the return_url with Stripe's query, or null.
	let redirectUrl: string | null = null;
	try {
		const response = await fetch(
			`${ __STANDIN_API_BASE__ }/_standin/3ds/${ encodeURIComponent(
				intentId
			) }`,
			{
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					Accept: 'application/json',
				},
				body: JSON.stringify( {
					outcome,
					client_secret: clientSecret,
				} ),
			}
		);
		const body = ( await response.json().catch( () => null ) ) as {
			redirect_url?: unknown;
		} | null;
		redirectUrl =
			typeof body?.redirect_url === 'string' ? body.redirect_url : null;
		if ( ! response.ok && status ) {
			status.textContent =
				'The authentication could not be recorded. Close this window and try again.';
		}
	} catch {
		if ( status ) {
			status.textContent =
				'The authentication could not be recorded. Close this window and try again.';
		}
	}
	if ( embedded ) {
		const message: ChallengeOutcome = { kind: 'outcome', outcome };
		window.parent.postMessage( envelope( channel, message ), parentOrigin );
		return;
	}
	if ( redirectUrl !== null ) {
		window.location.assign( redirectUrl );
	} else if ( status ) {
		status.textContent =
			outcome === 'complete'
				? 'Authentication complete. You can close this window.'
				: 'Authentication failed. You can close this window.';
	}
}

form?.addEventListener( 'submit', ( event ) => {
	event.preventDefault();
	const submitter = ( event as SubmitEvent )
		.submitter as HTMLButtonElement | null;
	void finish( submitter?.value === 'fail' ? 'fail' : 'complete' );
} );

if ( embedded ) {
	// Escape inside the frame cancels like Escape on the merchant's page: the modal asks, the page fails.
	document.addEventListener( 'keydown', ( event ) => {
		if ( event.key === 'Escape' ) {
			event.preventDefault();
			const message: ChallengeCancel = { kind: 'cancel' };
			window.parent.postMessage(
				envelope( channel, message ),
				parentOrigin
			);
		}
	} );
	window.addEventListener( 'message', ( event: MessageEvent ) => {
		if (
			event.origin === parentOrigin &&
			event.source === window.parent &&
			isOnChannel( event.data, channel ) &&
			( event.data as ChallengeCancel ).kind === 'cancel'
		) {
			void finish( 'fail' );
		}
	} );
	form?.querySelector< HTMLButtonElement >( 'button' )?.focus();
}
