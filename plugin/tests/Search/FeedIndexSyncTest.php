<?php
/**
 * Tests of the sync job generalised over its target: the search index and the feed catalogue.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Search;

use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Search\IndexSync;
use Switchboard\Search\StepLock;
use Switchboard\Search\SyncCron;
use Switchboard\Search\SyncState;
use Switchboard\Search\SyncTarget;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\TestCase;
use WP_Error;

/**
 * The same job, pointed at the feed service: it fills the feed's catalogue and nothing else, under its own
 * names (state, cancel request, lock, cron hook, batch filter, error codes), while the search job keeps the
 * names it always had; the two jobs never block or disturb each other.
 *
 * @phpstan-import-type State from SyncState
 */
final class FeedIndexSyncTest extends TestCase {

	/**
	 * The fake search index.
	 *
	 * @var FakeSearchIndex
	 */
	private FakeSearchIndex $search_index;

	/**
	 * The fake feed catalogue.
	 *
	 * @var FakeSearchIndex
	 */
	private FakeSearchIndex $feed_index;

	/**
	 * The search job.
	 *
	 * @var IndexSync
	 */
	private IndexSync $search;

	/**
	 * The feed job.
	 *
	 * @var IndexSync
	 */
	private IndexSync $feed;

	/**
	 * Published post ids, ascending.
	 *
	 * @var list<int>
	 */
	private array $published = array();

	/**
	 * An empty site with 11 published posts and a draft; both services pointed at their fakes.
	 */
	protected function set_up(): void {
		parent::set_up();
		$wpdb = $this->wpdb();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a clean slate inside the test's transaction.
		$wpdb->query( "DELETE FROM {$wpdb->posts}" );
		wp_cache_flush();
		update_option(
			ServiceRegistry::OPTION,
			array(
				'search' => FakeSearchIndex::URL,
				'feed'   => FakeSearchIndex::FEED_URL,
			)
		);
		add_filter( 'switchboard_feed_sync_batch', static fn(): int => 4 );
		add_filter( 'switchboard_search_sync_batch', static fn(): int => 5 );
		for ( $i = 1; $i <= 11; $i++ ) {
			$this->published[] = self::post( 'publish' );
		}
		self::post( 'draft' );

		$this->search_index = new FakeSearchIndex();
		$this->search_index->attach();
		$this->feed_index = new FakeSearchIndex( FakeSearchIndex::FEED_URL );
		$this->feed_index->attach();
		$this->search = IndexSync::create( GatewayFixture::client(), new ServiceRegistry() );
		$this->feed   = IndexSync::create( GatewayFixture::client(), new ServiceRegistry(), SyncTarget::feed() );
	}

	/**
	 * The search target keeps its historical names; the feed's are its `switchboard_feed_sync*` twins.
	 */
	public function test_each_target_has_its_own_names(): void {
		$search = SyncTarget::search();
		$this->assertSame( SyncState::OPTION, $search->state_option() );
		$this->assertSame( SyncState::CANCEL_OPTION, $search->cancel_option() );
		$this->assertSame( StepLock::OPTION, $search->lock_option() );
		$this->assertSame( SyncCron::HOOK, $search->cron_hook() );
		$this->assertSame( 'switchboard_search_sync_batch', $search->batch_filter() );
		$this->assertSame( 'SWITCHBOARD_SEARCH_URL', $search->url_variable() );

		$feed = SyncTarget::feed();
		$this->assertSame( 'feed', $feed->service );
		$this->assertSame( 'switchboard_feed_sync', $feed->state_option() );
		$this->assertSame( 'switchboard_feed_sync_cancel', $feed->cancel_option() );
		$this->assertSame( 'switchboard_feed_sync_lock', $feed->lock_option() );
		$this->assertSame( 'switchboard_feed_sync', $feed->cron_hook() );
		$this->assertSame( 'switchboard_feed_sync_batch', $feed->batch_filter() );
		$this->assertSame( 'switchboard_feed_sync_running', $feed->code( 'sync_running' ) );
		$this->assertSame( 'SWITCHBOARD_FEED_URL', $feed->url_variable() );
		$this->assertSame( 'feed', $this->feed->target()->service );
	}

	/**
	 * A feed re-index fills the feed's catalogue with every published post, in the feed's batches, under
	 * the feed's options and cron hook; the search index and its state are untouched.
	 */
	public function test_the_feed_job_fills_only_the_feed_catalogue(): void {
		$started = $this->feed->start( 'reindex' );
		$this->assertIsArray( $started );
		$this->assertIsInt( wp_next_scheduled( 'switchboard_feed_sync' ), 'The feed job has its own cron event.' );
		$this->assertFalse( wp_next_scheduled( SyncCron::HOOK ), 'The search job was not scheduled.' );

		$state = $this->run_to_end( $this->feed );
		$this->assertSame( 'done', $state['status'] );
		$this->assertSame( $this->published, $this->feed_index->ids() );
		$this->assertSame( 11, $state['counts']['indexed'] );
		$this->assertSame( 3, $state['steps'], 'The feed batch filter (4 posts per step) applies.' );
		$this->assertSame( array(), $this->search_index->calls, 'The search service heard nothing.' );
		$this->assertNull( $this->search->state() );
		$this->assertNull( get_option( SyncState::OPTION, null ) );
		$this->assertIsString( get_option( 'switchboard_feed_sync' ) );
		$this->assertFalse( wp_next_scheduled( 'switchboard_feed_sync' ), 'Nothing left scheduled once done.' );
		$this->assertSame( 11, $this->feed->index_count() );
		$this->assertSame( 0, $this->search->index_count() );
	}

	/**
	 * Both jobs run at once without blocking each other: each has its own lock, state and cancel request.
	 */
	public function test_the_two_jobs_are_independent(): void {
		$this->assertIsArray( $this->search->start( 'reindex' ) );
		$this->assertIsArray( $this->feed->start( 'reindex' ), 'A running search job does not block the feed job.' );

		$feed_lock = new StepLock( SyncTarget::feed() );
		$this->assertTrue( $feed_lock->acquire( 60 ) );
		$busy = $this->feed->step();
		$this->assertIsArray( $busy );
		$this->assertTrue( $busy['busy'], 'The feed lock blocks the feed step…' );
		$search_step = $this->search->step();
		$this->assertIsArray( $search_step );
		$this->assertFalse( $search_step['busy'], '…and not the search step.' );
		$this->assertFalse( ( new StepLock() )->is_held() );
		$feed_lock->release();

		$cancelled = $this->feed->cancel();
		$this->assertIsArray( $cancelled );
		$this->assertSame( 'cancelled', $cancelled['status'] );
		$search_state = $this->search->state();
		$this->assertNotNull( $search_state );
		$this->assertSame( 'running', $search_state['status'], 'Cancelling the feed job leaves the search job running.' );
		$this->assertSame( 'done', $this->run_to_end( $this->search )['status'] );
		$this->assertSame( $this->published, $this->search_index->ids() );
	}

	/**
	 * The feed job's errors carry the feed's codes and name the feed service.
	 */
	public function test_feed_errors_name_the_feed_service(): void {
		$this->assertIsArray( $this->feed->start( 'reconcile' ) );
		$conflict = $this->feed->start( 'reindex' );
		$this->assertInstanceOf( WP_Error::class, $conflict );
		$this->assertSame( 'switchboard_feed_sync_running', $conflict->get_error_code() );
		$this->assertSame( 'A feed catalogue sync is already running.', $conflict->get_error_message() );

		$this->feed_index->fail_next['/v1/index/documents'] = 503;
		$failed = $this->feed->step();
		$this->assertIsArray( $failed );
		$this->assertSame( 'failed', $failed['state']['status'] );
		$this->assertNotNull( $failed['state']['error'] );
		$this->assertStringStartsWith( 'The feed service failed while sending documents:', $failed['state']['error']['message'] );

		$refused = $this->feed->step();
		$this->assertInstanceOf( WP_Error::class, $refused );
		$this->assertSame( 'switchboard_feed_sync_not_running', $refused->get_error_code() );
		$this->assertSame( 'No feed catalogue sync is running.', $refused->get_error_message() );

		update_option( ServiceRegistry::OPTION, array( 'search' => FakeSearchIndex::URL ) );
		$this->feed->cancel();
		$unconfigured = $this->feed->start( 'reindex' );
		$this->assertInstanceOf( WP_Error::class, $unconfigured );
		$this->assertSame( 'switchboard_feed_not_configured', $unconfigured->get_error_code() );
		$this->assertStringContainsString( 'SWITCHBOARD_FEED_URL', $unconfigured->get_error_message() );
		$this->assertFalse( $this->feed->is_configured() );
		$this->assertTrue( $this->search->is_configured() );
	}

	/**
	 * A feed cron run drives the feed job to the end, through the feed's own hook.
	 */
	public function test_the_feed_cron_hook_drives_the_feed_job(): void {
		( new SyncCron( $this->feed ) )->register_hooks();
		$this->feed->start( 'reindex' );
		do_action( 'switchboard_feed_sync' );

		$state = $this->feed->state();
		$this->assertNotNull( $state );
		$this->assertSame( 'done', $state['status'] );
		$this->assertSame( $this->published, $this->feed_index->ids() );
		$this->assertSame( array(), $this->search_index->calls );
	}

	/**
	 * Runs a job's steps until it stops.
	 *
	 * @param IndexSync $sync The job.
	 * @phpstan-return State
	 * @return array<string, mixed>
	 */
	private function run_to_end( IndexSync $sync ): array {
		for ( $i = 0; $i < 100; $i++ ) {
			$result = $sync->step();
			$this->assertIsArray( $result );
			$this->assertFalse( $result['busy'] );
			if ( 'running' !== $result['state']['status'] ) {
				return $result['state'];
			}
		}
		$this->fail( 'The job did not end.' );
	}

	/**
	 * Inserts a post.
	 *
	 * @param string $status Post status.
	 * @return int
	 */
	private static function post( string $status ): int {
		$id = wp_insert_post(
			array(
				'post_title'   => 'Post ' . wp_rand(),
				'post_content' => 'Words.',
				'post_status'  => $status,
			),
			true
		);
		self::assertIsInt( $id );

		return $id;
	}
}
