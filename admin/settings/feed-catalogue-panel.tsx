/**
 * The feed catalogue's panel: the shared index panel over the feed service's sync routes.
 */
import { IndexPanel } from './index-panel';
import { FEED_CATALOGUE } from './index-targets';
import type { Announce } from './use-notices';

/**
 * @param props          Props.
 * @param props.announce Shows a notice.
 */
export function FeedCataloguePanel( { announce }: { announce: Announce } ) {
	return <IndexPanel target={ FEED_CATALOGUE } announce={ announce } />;
}
