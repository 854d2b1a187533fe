/**
 * The search index's panel: the shared index panel over the search service's sync routes.
 */
import { IndexPanel } from './index-panel';
import { SEARCH_INDEX } from './index-targets';
import type { Announce } from './use-notices';

/**
 * @param props          Props.
 * @param props.announce Shows a notice.
 */
export function SearchIndexPanel( { announce }: { announce: Announce } ) {
	return <IndexPanel target={ SEARCH_INDEX } announce={ announce } />;
}
