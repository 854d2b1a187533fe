/**
 * Calls back once the page has been visible for a total time (a read of a single post): hidden time
 * does not count.
 *
 * @param ms   Visible time needed, in ms.
 * @param doc  The document, for its visibility.
 * @param done Called once.
 * @return Cancels.
 */
export function afterDwell( ms: number, doc: Document, done: () => void ) {
	let left = ms;
	let since = 0;
	let timer: ReturnType< typeof setTimeout > | undefined;
	const pause = () => {
		clearTimeout( timer );
		if ( timer !== undefined ) {
			left -= Date.now() - since;
		}
		timer = undefined;
	};
	const onChange = () => {
		if ( doc.visibilityState !== 'visible' ) {
			pause();
		} else if ( timer === undefined ) {
			since = Date.now();
			timer = setTimeout( () => {
				cancel();
				done();
			}, left );
		}
	};
	const cancel = () => {
		pause();
		doc.removeEventListener( 'visibilitychange', onChange );
	};
	doc.addEventListener( 'visibilitychange', onChange );
	onChange();
	return cancel;
}
