/**
 * Settings → Switchboard: the services' health (refreshed every 15 seconds), their addresses, the
 * content events that could not be delivered, the search index's and the feed catalogue's re-index and
 * drift check, and the feed's personalization statistics.
 */
import { Button, Spinner } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import { FeedCataloguePanel } from './feed-catalogue-panel';
import { FeedStatsPanel } from './feed-stats-panel';
import { formatTime } from './format';
import { Notices } from './notices';
import { OutboxPanel } from './outbox-panel';
import { SearchIndexPanel } from './search-index-panel';
import { ServiceCard } from './service-card';
import { UrlSettings } from './url-settings';
import { useHealth } from './use-health';
import { useNotices } from './use-notices';

export function SettingsScreen() {
	const { health, error, loading, refresh } = useHealth();
	const { notices, announce, dismiss } = useNotices();

	return (
		<div className="switchboard-settings__screen">
			<Notices notices={ notices } onDismiss={ dismiss } />

			<section
				className="switchboard-settings__health"
				aria-labelledby="switchboard-health-title"
				aria-busy={ loading }
			>
				<div className="switchboard-settings__heading">
					<h2 id="switchboard-health-title">
						{ __( 'Services', 'switchboard' ) }
					</h2>
					<Button
						variant="tertiary"
						onClick={ refresh }
						disabled={ loading }
						accessibleWhenDisabled
					>
						{ __( 'Refresh', 'switchboard' ) }
					</Button>
					{ health && (
						<span className="switchboard-settings__updated">
							{ sprintf(
								/* translators: %s: date and time. */
								__(
									'Updated %s. Refreshes every 15 seconds.',
									'switchboard'
								),
								formatTime( health.generated_at )
							) }
						</span>
					) }
				</div>
				{ error !== null && (
					<p className="switchboard-settings__error" role="alert">
						{ sprintf(
							/* translators: %s: error message. */
							__(
								'The health report could not be loaded: %s',
								'switchboard'
							),
							error
						) }
					</p>
				) }
				{ health === null && error === null && (
					<p className="switchboard-settings__loading">
						<Spinner /> { __( 'Loading health…', 'switchboard' ) }
					</p>
				) }
				{ health && (
					<div className="switchboard-settings__services">
						{ health.services.map( ( service ) => (
							<ServiceCard
								key={ service.id }
								service={ service }
								announce={ announce }
								onTested={ refresh }
							/>
						) ) }
					</div>
				) }
			</section>

			<UrlSettings announce={ announce } onSaved={ refresh } />

			<OutboxPanel
				counts={ health?.outbox ?? null }
				refreshKey={ health?.generated_at ?? 0 }
				announce={ announce }
				onReplayed={ refresh }
			/>

			<SearchIndexPanel announce={ announce } />

			<FeedCataloguePanel announce={ announce } />

			<FeedStatsPanel
				configured={
					health?.services.find(
						( service ) => service.id === 'feed'
					)?.configured
				}
			/>
		</div>
	);
}
