/**
 * Intent: the moment a visitor shows they might pay, which is when Stripe.js starts loading.
 *
 * Focus inside the block (keyboard users), a pointer over it (mouse and touch), or the block coming near
 * the viewport (scrolling towards it): whichever comes first, once. Before that, the page has loaded
 * nothing of Stripe's.
 */

/** How near the viewport the block must come, so Stripe.js is ready by the time it is visible. */
export const INTENT_ROOT_MARGIN = '200px 0px';

/** Options, for tests and for pages that know better. */
export interface IntentOptions {
	rootMargin?: string;
	/** The IntersectionObserver constructor; none means scrolling does not count. */
	Observer?: typeof IntersectionObserver;
}

/**
 * Calls `callback` once, at the first sign of intent in `root`.
 *
 * @param root     The block's element.
 * @param callback What to start.
 * @param options  Options.
 * @return Stops watching without calling back.
 */
export function onIntent(
	root: HTMLElement,
	callback: () => void,
	options: IntentOptions = {}
): () => void {
	const {
		rootMargin = INTENT_ROOT_MARGIN,
		Observer = typeof IntersectionObserver === 'undefined'
			? undefined
			: IntersectionObserver,
	} = options;
	const events = [ 'focusin', 'pointerenter', 'pointerdown' ] as const;
	let observer: IntersectionObserver | undefined;
	const stop = () => {
		events.forEach( ( type ) => root.removeEventListener( type, fire ) );
		observer?.disconnect();
	};
	function fire() {
		stop();
		callback();
	}
	events.forEach( ( type ) => root.addEventListener( type, fire ) );
	if ( Observer ) {
		observer = new Observer(
			( entries ) => {
				if ( entries.some( ( entry ) => entry.isIntersecting ) ) {
					fire();
				}
			},
			{ rootMargin }
		);
		observer.observe( root );
	}
	return stop;
}
