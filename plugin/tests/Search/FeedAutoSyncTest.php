<?php
/**
 * Tests of the feed catalogue's automatic sync.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Search;

use Switchboard\Events\DispatchTrigger;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Search\AutoSync;
use Switchboard\Search\IndexSync;
use Switchboard\Search\SyncState;
use Switchboard\Search\SyncTarget;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\TestCase;

/**
 * AutoSync over the feed job, with a controlled clock: an empty catalogue while WordPress publishes posts
 * starts a re-index; a day after the last job a reconcile; nothing while a job runs, when the service is
 * down or has no URL; the check runs at most hourly; the booted plugin runs it on the dispatcher's cron.
 */
final class FeedAutoSyncTest extends TestCase {

	/**
	 * The fake feed catalogue.
	 *
	 * @var FakeSearchIndex
	 */
	private FakeSearchIndex $catalogue;

	/**
	 * The feed job.
	 *
	 * @var IndexSync
	 */
	private IndexSync $sync;

	/**
	 * The automatic sync under test.
	 *
	 * @var AutoSync
	 */
	private AutoSync $auto;

	/**
	 * The clock's current time (starts at the real time, which the job's own clock stamps its runs with).
	 *
	 * @var int
	 */
	private int $now = 0;

	/**
	 * An empty site with three published posts, the feed pointed at its fake.
	 */
	protected function set_up(): void {
		parent::set_up();
		$wpdb = $this->wpdb();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a clean slate inside the test's transaction.
		$wpdb->query( "DELETE FROM {$wpdb->posts}" );
		wp_cache_flush();
		update_option( ServiceRegistry::OPTION, array( 'feed' => FakeSearchIndex::FEED_URL ) );
		for ( $i = 0; $i < 3; $i++ ) {
			$this->assertIsInt(
				wp_insert_post(
					array(
						'post_title'  => 'Post ' . $i,
						'post_status' => 'publish',
					),
					true
				)
			);
		}
		$this->catalogue = new FakeSearchIndex( FakeSearchIndex::FEED_URL );
		$this->catalogue->attach();
		$this->sync = IndexSync::create( GatewayFixture::client(), new ServiceRegistry(), SyncTarget::feed() );
		$this->now  = time();
		$this->auto = new AutoSync( $this->sync, fn(): int => $this->now );
	}

	/**
	 * An empty catalogue while WordPress publishes posts starts a re-index, which the cron carries on.
	 */
	public function test_an_empty_catalogue_gets_a_reindex(): void {
		$this->assertSame( 'reindex', $this->auto->check() );
		$state = $this->sync->state();
		$this->assertNotNull( $state );
		$this->assertSame( 'reindex', $state['mode'] );
		$this->assertSame( SyncState::RUNNING, $state['status'] );
		$this->assertIsInt( wp_next_scheduled( 'switchboard_feed_sync' ), 'WP-Cron carries the job on.' );

		$this->now += 2 * HOUR_IN_SECONDS;
		$this->assertNull( $this->auto->check(), 'A running job is left alone.' );
	}

	/**
	 * The check runs at most once an hour: within the hour it does not even ask the service.
	 */
	public function test_the_check_runs_at_most_hourly(): void {
		$this->catalogue->fail_next['/v1/index/manifest'] = 400; // Down at the first check (400: not retried).
		$this->assertNull( $this->auto->check(), 'A service that cannot say starts nothing.' );
		$this->assertNull( $this->sync->state() );
		$calls = count( $this->catalogue->calls );
		$this->assertGreaterThan( 0, $calls );

		$this->now += HOUR_IN_SECONDS - 1;
		$this->auto->run();
		$this->assertCount( $calls, $this->catalogue->calls, 'Within the hour: not asked again.' );
		$this->assertNull( $this->sync->state() );

		$this->now += 1;
		$this->auto->run();
		$state = $this->sync->state();
		$this->assertNotNull( $state, 'An hour later the check runs again, and the service answers.' );
		$this->assertSame( 'reindex', $state['mode'] );
	}

	/**
	 * A filled catalogue gets a reconcile a day after the last job, not before; one that never had a job
	 * gets one at once.
	 */
	public function test_a_daily_reconcile(): void {
		$this->catalogue->documents[1] = array(
			'modified'    => '2020-01-01T00:00:00+00:00',
			'fingerprint' => 'x',
		);
		$this->assertSame( 'reconcile', $this->auto->check(), 'Never checked: a reconcile.' );
		$this->assertSame( 'done', $this->drive()['status'] );

		$this->now += HOUR_IN_SECONDS;
		$this->assertNull( $this->auto->check(), 'Less than a day since the last job.' );

		$this->now += DAY_IN_SECONDS;
		$this->assertSame( 'reconcile', $this->auto->check() );
		$state = $this->sync->state();
		$this->assertNotNull( $state );
		$this->assertSame( 'reconcile', $state['mode'] );
	}

	/**
	 * No URL, or nothing published and nothing held: nothing starts and the service is not asked.
	 */
	public function test_nothing_to_do(): void {
		update_option( ServiceRegistry::OPTION, array() );
		$this->assertNull( $this->auto->check() );
		$this->assertSame( array(), $this->catalogue->calls );

		update_option( ServiceRegistry::OPTION, array( 'feed' => FakeSearchIndex::FEED_URL ) );
		foreach ( get_posts(
			array(
				'numberposts' => -1,
				'fields'      => 'ids',
			)
		) as $id ) {
			wp_delete_post( (int) $id, true );
		}
		$this->assertNull( $this->auto->check( true ), 'Empty on both sides.' );
		$this->assertNull( $this->sync->state() );
	}

	/**
	 * The booted plugin runs the feed's check on the dispatcher's every-minute cron run.
	 */
	public function test_the_booted_plugin_checks_on_the_dispatcher_cron(): void {
		$found   = false;
		$filters = $GLOBALS['wp_filter'] ?? null;
		$this->assertIsArray( $filters );
		$hook = $filters[ DispatchTrigger::CRON_HOOK ] ?? null;
		$this->assertInstanceOf( \WP_Hook::class, $hook );
		foreach ( $hook->callbacks as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				$function = $callback['function'];
				$found    = $found || ( is_array( $function ) && $function[0] instanceof AutoSync );
			}
		}
		$this->assertTrue( $found );
		$this->assertTrue( has_action( 'switchboard_feed_sync' ), 'The feed job has its cron runner.' );
	}

	/**
	 * Runs the feed job to its end.
	 *
	 * @return array<string, mixed> The final state.
	 */
	private function drive(): array {
		$this->sync->drive( 10.0 );
		$state = $this->sync->state();
		$this->assertNotNull( $state );

		return $state;
	}
}
