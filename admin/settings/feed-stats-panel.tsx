/**
 * Feed personalization: what the feed service knows (catalogue, reader profiles, stored events) and how
 * readers respond to each kind of feed answer: personalized, the holdout that gets the non-personal ranking
 * so the difference can be measured, and cold starts; with the lift of personalized over holdout.
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Spinner,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import {
	FEED_MODES,
	feedModeLabel,
	formatCount,
	formatLift,
} from './feed-stats';
import { formatPercent, formatTime } from './format';
import { useFeedStats } from './use-feed-stats';

type Props = {
	/** Whether the feed service has a URL; undefined while the health report loads. */
	configured?: boolean;
};

export function FeedStatsPanel( { configured }: Props ) {
	const { report, error, loading, refresh } = useFeedStats(
		configured === true
	);
	const stats = report?.stats ?? null;

	return (
		<Card as="section" aria-labelledby="switchboard-feed-stats-title">
			<CardHeader>
				<h2 id="switchboard-feed-stats-title">
					{ __( 'Feed personalization', 'switchboard' ) }
				</h2>
				<Button
					variant="tertiary"
					onClick={ refresh }
					disabled={ loading || configured !== true }
					accessibleWhenDisabled
				>
					{ __( 'Refresh', 'switchboard' ) }
				</Button>
			</CardHeader>
			<CardBody>
				<div aria-busy={ loading }>
					{ configured === false && (
						<p>
							{ __(
								'Set the feed service’s address above to see what it has learned and how personalized feeds compare with the holdout.',
								'switchboard'
							) }
						</p>
					) }
					{ loading && stats === null && error === null && (
						<p className="switchboard-settings__loading">
							<Spinner />{ ' ' }
							{ __(
								'Loading the feed statistics…',
								'switchboard'
							) }
						</p>
					) }
					{ error !== null && (
						<p className="switchboard-settings__error" role="alert">
							{ sprintf(
								/* translators: %s: error message. */
								__(
									'The feed statistics could not be loaded: %s',
									'switchboard'
								),
								error
							) }
						</p>
					) }
					{ stats !== null && report !== null && (
						<>
							<dl className="switchboard-outbox__counts">
								<div>
									<dt>
										{ __(
											'Posts in the catalogue',
											'switchboard'
										) }
									</dt>
									<dd>{ formatCount( stats.catalogue ) }</dd>
								</div>
								<div>
									<dt>
										{ __(
											'Reader profiles',
											'switchboard'
										) }
									</dt>
									<dd>{ formatCount( stats.profiles ) }</dd>
								</div>
								<div>
									<dt>
										{ __(
											'Reader events stored',
											'switchboard'
										) }
									</dt>
									<dd>{ formatCount( stats.events ) }</dd>
								</div>
								<div>
									<dt>
										{ __( 'Holdout share', 'switchboard' ) }
									</dt>
									<dd>
										{ formatPercent( stats.holdout_share ) }
									</dd>
								</div>
								<div>
									<dt>
										{ __(
											'Lift of personalized over holdout',
											'switchboard'
										) }
									</dt>
									<dd>{ formatLift( stats.lift ) }</dd>
								</div>
							</dl>
							<table className="widefat striped switchboard-feed-stats__table">
								<caption>
									{ __(
										'Impressions and clicks by kind of feed',
										'switchboard'
									) }
								</caption>
								<thead>
									<tr>
										<th scope="col">
											{ __( 'Feed', 'switchboard' ) }
										</th>
										<th scope="col">
											{ __(
												'Impressions',
												'switchboard'
											) }
										</th>
										<th scope="col">
											{ __( 'Clicks', 'switchboard' ) }
										</th>
										<th scope="col">
											{ __(
												'Click-through rate',
												'switchboard'
											) }
										</th>
									</tr>
								</thead>
								<tbody>
									{ FEED_MODES.map( ( mode ) => (
										<tr key={ mode }>
											<th scope="row">
												{ feedModeLabel( mode ) }
											</th>
											<td>
												{ formatCount(
													stats.modes[ mode ]
														.impressions
												) }
											</td>
											<td>
												{ formatCount(
													stats.modes[ mode ].clicks
												) }
											</td>
											<td>
												{ formatPercent(
													stats.modes[ mode ].ctr
												) }
											</td>
										</tr>
									) ) }
								</tbody>
							</table>
							<p className="switchboard-settings__updated">
								{ sprintf(
									/* translators: %s: date and time. */
									__( 'Read %s.', 'switchboard' ),
									formatTime( report.generated_at )
								) }
							</p>
						</>
					) }
				</div>
			</CardBody>
		</Card>
	);
}
