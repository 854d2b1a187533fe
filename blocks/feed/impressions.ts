/** An item counts as seen once at least this share of it is visible… */
export const SEEN_RATIO = 0.5;
/** …for at least this long, in ms. */
export const SEEN_MS = 1000;

/** Builds the observer (IntersectionObserver, or a stand-in in tests). */
export type ObserverFactory = (
	callback: IntersectionObserverCallback,
	options: IntersectionObserverInit
) => Pick< IntersectionObserver, 'observe' | 'unobserve' | 'disconnect' >;

/**
 * Reports each element once, when it has been at least half visible for a second without interruption.
 *
 * @param elements The item boxes, in position order.
 * @param onSeen   Called with the position of an element that was seen.
 * @param observe  Creates the observer.
 * @return Stops watching (pending timers are cancelled).
 */
export function trackImpressions(
	elements: readonly Element[],
	onSeen: ( position: number ) => void,
	observe: ObserverFactory = ( callback, options ) =>
		new IntersectionObserver( callback, options )
): () => void {
	const timers = new Map< Element, ReturnType< typeof setTimeout > >();
	const observer = observe(
		( entries ) => {
			for ( const {
				target,
				isIntersecting,
				intersectionRatio,
			} of entries ) {
				if ( isIntersecting && intersectionRatio >= SEEN_RATIO ) {
					if ( ! timers.has( target ) ) {
						timers.set(
							target,
							setTimeout( () => {
								observer.unobserve( target );
								onSeen( elements.indexOf( target ) );
							}, SEEN_MS )
						);
					}
				} else {
					clearTimeout( timers.get( target ) );
					timers.delete( target );
				}
			}
		},
		{ threshold: SEEN_RATIO }
	);
	elements.forEach( ( element ) => observer.observe( element ) );
	return () => {
		observer.disconnect();
		timers.forEach( clearTimeout );
	};
}
