<?php
/**
 * Tests of the search index's re-index and reconciliation job.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Search;

use Switchboard\Events\ContentEvents;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Search\IndexSync;
use Switchboard\Search\StepLock;
use Switchboard\Search\SyncCron;
use Switchboard\Search\SyncState;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\TestCase;
use WP_Error;

/**
 * The job against an in-memory index that follows the C2 contract: both modes walk WordPress and the
 * manifest side by side in batches, reindex sends everything without ever emptying the index, reconcile
 * fixes exactly the drift (missing, stale, extra), service errors fail a step without losing progress,
 * the lock keeps two drivers out of one step, cancel and cron behave.
 *
 * @phpstan-import-type State from SyncState
 */
final class IndexSyncTest extends TestCase {

	/**
	 * The fake service.
	 *
	 * @var FakeSearchIndex
	 */
	private FakeSearchIndex $index;

	/**
	 * The job.
	 *
	 * @var IndexSync
	 */
	private IndexSync $sync;

	/**
	 * Published post ids, ascending.
	 *
	 * @var list<int>
	 */
	private array $published = array();

	/**
	 * Ids of posts that must never be indexed.
	 *
	 * @var list<int>
	 */
	private array $hidden = array();

	/**
	 * An empty site with 23 published posts and pages, and drafts, private, protected and non-public posts.
	 */
	protected function set_up(): void {
		parent::set_up();
		$wpdb = $this->wpdb();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a clean slate inside the test's transaction.
		$wpdb->query( "DELETE FROM {$wpdb->posts}" );
		wp_cache_flush();
		register_post_type( 'sb_internal', array( 'public' => false ) );
		update_option( ServiceRegistry::OPTION, array( 'search' => FakeSearchIndex::URL ) );
		add_filter( 'switchboard_search_sync_batch', static fn(): int => 5 );

		for ( $i = 1; $i <= 23; $i++ ) {
			$this->published[] = $this->post( array( 'post_type' => 0 === $i % 4 ? 'page' : 'post' ) );
			if ( 0 === $i % 6 ) {
				$this->hidden[] = $this->post( array( 'post_status' => 'draft' ) );
				$this->hidden[] = $this->post( array( 'post_status' => 'private' ) );
				$this->hidden[] = $this->post( array( 'post_password' => 'secret' ) );
				$this->hidden[] = $this->post( array( 'post_type' => 'sb_internal' ) );
			}
		}

		$this->index = new FakeSearchIndex();
		$this->index->attach();
		$this->sync = IndexSync::create( GatewayFixture::client(), new ServiceRegistry() );
	}

	/**
	 * Forgets the post type.
	 */
	protected function tear_down(): void {
		unregister_post_type( 'sb_internal' );
		parent::tear_down();
	}

	/**
	 * A re-index of an empty index sends every published post once, in batches, and nothing else.
	 */
	public function test_reindex_fills_an_empty_index(): void {
		$state = $this->sync->start( 'reindex' );
		$this->assertIsArray( $state );
		$this->assertSame( 'running', $state['status'] );
		$this->assertSame( 23, $state['total'] );
		$this->assertSame( 23, $this->sync->published_count() );

		$state = $this->run_to_end();
		$this->assertSame( 'done', $state['status'] );
		$this->assertSame( $this->published, $this->index->ids() );
		$this->assertSame( $this->published, $this->index->sent_ids(), 'Each post sent once, by ascending id.' );
		$this->assertSame( 23, $state['processed'] );
		$this->assertSame( 23, $state['counts']['indexed'] );
		$this->assertSame( 23, $state['counts']['missing'] );
		$this->assertSame( 0, $state['counts']['extra'] );
		$this->assertSame( 5, $state['steps'], 'Batches of 5, the last short.' );
		$this->assertNotNull( $state['finished_at'] );
		foreach ( $this->index->calls as $call ) {
			if ( '/v1/index/documents' === $call['path'] ) {
				$this->assertLessThanOrEqual( 5, count( (array) ( is_array( $call['body'] ) ? $call['body']['documents'] : array() ) ) );
			}
		}
		$this->assertSame( 23, $this->sync->index_count() );
	}

	/**
	 * A re-index resends every document, never removes a published one (visitors keep results), and removes
	 * documents WordPress no longer publishes.
	 */
	public function test_reindex_never_empties_the_index_and_prunes_extras(): void {
		$this->fill_index();
		$gone = $this->published[3];
		wp_update_post(
			array(
				'ID'          => $gone,
				'post_status' => 'draft',
			)
		);
		$this->index->documents[ $this->hidden[0] ] = array(
			'modified'    => '2020-01-01T00:00:00+00:00',
			'fingerprint' => 'abc',
		);
		$this->index->documents[999999]             = array(
			'modified'    => '2020-01-01T00:00:00+00:00',
			'fingerprint' => 'abc',
		);
		$this->index->calls                         = array();

		$this->sync->start( 'reindex' );
		$smallest = PHP_INT_MAX;
		do {
			$result = $this->sync->step();
			$this->assertIsArray( $result );
			$smallest = min( $smallest, count( array_intersect( $this->index->ids(), $this->published ) ) );
		} while ( 'running' === $result['state']['status'] );

		$this->assertSame( 22, $smallest, 'Only the unpublished post ever left the index.' );
		$expected = array_values( array_diff( $this->published, array( $gone ) ) );
		$this->assertSame( $expected, $this->index->ids() );
		$this->assertSame( $expected, $this->index->sent_ids(), 'Every published post was sent again.' );
		$this->assertSame( 3, $result['state']['counts']['removed'] );
		$this->assertSame( self::sorted( array( $this->hidden[0], $gone, 999999 ) ), self::sorted( $result['state']['fixed']['extra'] ) );
		$this->assertFalse( $this->was_called( 'POST', '/v1/index/reset' ) );
	}

	/**
	 * Reconciliation finds and fixes exactly the drift: missing, stale and extra documents; in-sync ones are
	 * not sent.
	 */
	public function test_reconcile_fixes_exactly_the_drift(): void {
		$this->fill_index();
		$missing = array( $this->published[0], $this->published[12], $this->published[22] );
		foreach ( $missing as $id ) {
			unset( $this->index->documents[ $id ] );
		}
		$stale = array( $this->published[5], $this->published[6] );
		$this->index->documents[ $stale[0] ]['fingerprint'] = '';
		$this->change_without_events( $stale[1], 'Changed behind the index' );
		$extra = array( $this->hidden[1], 999998 );
		foreach ( $extra as $id ) {
			$this->index->documents[ $id ] = array(
				'modified'    => '2020-01-01T00:00:00+00:00',
				'fingerprint' => 'abc',
			);
		}
		$this->index->calls = array();

		$this->sync->start( 'reconcile' );
		$state = $this->run_to_end();

		$this->assertSame( 'done', $state['status'] );
		$this->assertSame( 3, $state['counts']['missing'] );
		$this->assertSame( 2, $state['counts']['stale'] );
		$this->assertSame( 2, $state['counts']['extra'] );
		$this->assertSame( 5, $state['counts']['indexed'] );
		$this->assertSame( 2, $state['counts']['removed'] );
		$this->assertSame( $missing, $state['fixed']['missing'] );
		$this->assertSame( $stale, $state['fixed']['stale'] );
		$this->assertSame( $extra, self::sorted( $state['fixed']['extra'] ) );
		$this->assertSame( self::sorted( array_merge( $missing, $stale ) ), self::sorted( $this->index->sent_ids() ), 'Only drift is sent.' );
		$this->assertSame( $this->published, $this->index->ids() );
		$this->assertSame( 23, $state['processed'] );

		$this->sync->start( 'reconcile' );
		$again = $this->run_to_end();
		$this->assertSame( array( 0, 0, 0 ), array( $again['counts']['missing'], $again['counts']['stale'], $again['counts']['extra'] ), 'A second pass finds nothing.' );
	}

	/**
	 * With more documents in the index than posts, or the other way round, the side-by-side walk still
	 * covers every id once.
	 */
	public function test_the_walk_handles_lopsided_sides(): void {
		for ( $id = 500000; $id < 500012; $id++ ) {
			$this->index->documents[ $id ] = array(
				'modified'    => '2020-01-01T00:00:00+00:00',
				'fingerprint' => '',
			);
		}
		$this->sync->start( 'reconcile' );
		$state = $this->run_to_end();

		$this->assertSame( $this->published, $this->index->ids() );
		$this->assertSame( 23, $state['counts']['missing'] );
		$this->assertSame( 12, $state['counts']['extra'] );
		$this->assertSame( 23, $state['processed'] );
	}

	/**
	 * A service error fails the step with a clear message and keeps cursor and counts; resume continues
	 * from there and nothing is counted twice.
	 */
	public function test_a_service_error_fails_the_step_and_resume_continues(): void {
		$this->sync->start( 'reindex' );
		$first = $this->sync->step();
		$this->assertIsArray( $first );
		$cursor = $first['state']['cursor'];
		$this->assertSame( $this->published[4], $cursor );

		$this->index->fail_next['/v1/index/documents'] = 503;
		$failed                                        = $this->sync->step();
		$this->assertIsArray( $failed );
		$state = $failed['state'];
		$this->assertSame( 'failed', $state['status'] );
		$this->assertSame( $cursor, $state['cursor'], 'The cursor did not move.' );
		$this->assertSame( 5, $state['processed'] );
		$this->assertSame( 5, $state['counts']['indexed'] );
		$this->assertSame( 'switchboard_upstream_error', $state['error']['code'] ?? null );
		$this->assertNotNull( $state['error'] );
		$this->assertStringContainsString( 'sending documents', $state['error']['message'] );
		$this->assertEquals( $state, $this->sync->state(), 'Stored as returned.' );

		$refused = $this->sync->step();
		$this->assertInstanceOf( WP_Error::class, $refused, 'A failed job does not run on by itself.' );
		$this->assertSame( 'switchboard_search_sync_not_running', $refused->get_error_code() );
		$this->assertIsArray( $this->sync->start( 'reindex' ), 'A new job may replace a failed one.' );
	}

	/**
	 * Resuming a failed job picks up at its cursor and ends with every post counted once.
	 */
	public function test_resume_after_a_failure_counts_each_post_once(): void {
		$this->sync->start( 'reindex' );
		$this->sync->step();
		// The manifest is read with retries (GET), so plan enough failures for all of them.
		$failures = 0;
		do {
			$this->index->fail_next['/v1/index/manifest'] = 500;
			$result                                       = $this->sync->step();
			$this->assertIsArray( $result );
			++$failures;
		} while ( 'running' === $result['state']['status'] && $failures < 5 );
		$this->assertSame( 'failed', $result['state']['status'] );
		$this->assertStringContainsString( 'manifest', $result['state']['error']['message'] ?? '' );
		unset( $this->index->fail_next['/v1/index/manifest'] );

		$resumed = $this->sync->resume();
		$this->assertIsArray( $resumed );
		$this->assertSame( 'running', $resumed['status'] );
		$this->assertSame( $result['state']['cursor'], $resumed['cursor'] );
		$this->assertInstanceOf( WP_Error::class, $this->sync->resume(), 'Only a failed job resumes.' );

		$state = $this->run_to_end();
		$this->assertSame( 'done', $state['status'] );
		$this->assertSame( 23, $state['processed'] );
		$this->assertSame( $this->published, $this->index->ids() );
		$this->assertNull( $state['error'] );
	}

	/**
	 * A PHP timeout leaves a running job and a lock nobody releases: the lock expires and the next step
	 * redoes the interrupted batch.
	 */
	public function test_an_abandoned_step_is_taken_over(): void {
		$this->sync->start( 'reindex' );
		$this->sync->step();
		$this->hold_lock( time() + 100 );

		$busy = $this->sync->step();
		$this->assertIsArray( $busy );
		$this->assertTrue( $busy['busy'], 'Another driver holds the lock.' );
		$this->assertSame( 5, $busy['state']['processed'] );
		$calls = count( $this->index->calls );
		$this->assertSame( 0, $this->sync->drive( 5.0 ), 'A cron run steps aside too.' );
		$this->assertCount( $calls, $this->index->calls, 'No call while the lock is held.' );

		$this->hold_lock( time() - 1 );
		$taken = $this->sync->step();
		$this->assertIsArray( $taken );
		$this->assertFalse( $taken['busy'] );
		$this->assertSame( 10, $taken['state']['processed'] );
		$this->assertFalse( ( new StepLock() )->is_held(), 'Released after the step.' );
	}

	/**
	 * Two locks: only one holder at a time; only the holder releases it.
	 */
	public function test_the_lock_has_one_holder(): void {
		$first  = new StepLock();
		$second = new StepLock();
		$this->assertTrue( $first->acquire( 60 ) );
		$this->assertFalse( $second->acquire( 60 ) );
		$second->release();
		$this->assertTrue( $first->is_held(), 'A non-holder cannot release it.' );
		$first->release();
		$this->assertTrue( $second->acquire( 60 ) );
		$second->release();
	}

	/**
	 * A second job cannot start while one runs; cancel stops it, at once or when the step under way ends.
	 */
	public function test_start_conflicts_and_cancel(): void {
		$this->sync->start( 'reconcile' );
		$conflict = $this->sync->start( 'reindex' );
		$this->assertInstanceOf( WP_Error::class, $conflict );
		$this->assertSame( 'switchboard_search_sync_running', $conflict->get_error_code() );

		$cancelled = $this->sync->cancel();
		$this->assertIsArray( $cancelled );
		$this->assertSame( 'cancelled', $cancelled['status'] );
		$this->assertFalse( self::next_run() );
		$this->assertInstanceOf( WP_Error::class, $this->sync->step() );
		$this->assertInstanceOf( WP_Error::class, $this->sync->cancel(), 'Nothing left to cancel.' );

		// A cancel while a step runs is applied by that step.
		$this->sync->start( 'reindex' );
		$this->hold_lock( time() + 100 );
		$asked = $this->sync->cancel();
		$this->assertIsArray( $asked );
		$this->assertSame( 'running', $asked['status'] );
		$this->hold_lock( time() - 1 );
		$result = $this->sync->step();
		$this->assertIsArray( $result );
		$this->assertSame( 'cancelled', $result['state']['status'] );
		$this->assertSame( 5, $result['state']['processed'], 'The step under way finished first.' );
	}

	/**
	 * Starting schedules the cron event; a cron run drives the job to the end and leaves nothing scheduled.
	 */
	public function test_cron_keeps_the_job_going(): void {
		$this->assertFalse( self::next_run() );
		$this->sync->start( 'reindex' );
		$this->assertIsInt( self::next_run() );

		$cron = new SyncCron( $this->sync );
		$cron->register_hooks();
		do_action( SyncCron::HOOK );

		$state = $this->sync->state();
		$this->assertNotNull( $state );
		$this->assertSame( 'done', $state['status'] );
		$this->assertSame( $this->published, $this->index->ids() );
		$this->assertFalse( self::next_run() );
	}

	/**
	 * Refusals and skips the service reports are counted and listed; a document the index holds fresher is
	 * skipped, not overwritten.
	 */
	public function test_rejections_and_skips_are_reported(): void {
		$this->index->reject_ids                       = array( $this->published[2] );
		$this->index->documents[ $this->published[7] ] = array(
			'modified'    => '2999-01-01T00:00:00+00:00',
			'fingerprint' => 'newer',
		);
		$this->sync->start( 'reindex' );
		$state = $this->run_to_end();

		$this->assertSame( 1, $state['counts']['rejected'] );
		$this->assertSame( 1, $state['counts']['skipped'] );
		$this->assertSame( 21, $state['counts']['indexed'] );
		$this->assertSame( $this->published[2], $state['rejected'][0]['id'] ?? null );
		$this->assertSame( 'invalid_document', $state['rejected'][0]['code'] );
		$this->assertSame( 'newer', $this->index->documents[ $this->published[7] ]['fingerprint'] );
	}

	/**
	 * Without a search URL nothing starts; an unknown mode is refused.
	 */
	public function test_refusals(): void {
		update_option( ServiceRegistry::OPTION, array() );
		$error = $this->sync->start( 'reindex' );
		$this->assertInstanceOf( WP_Error::class, $error );
		$this->assertSame( 'switchboard_search_not_configured', $error->get_error_code() );
		$this->assertNull( $this->sync->state() );

		update_option( ServiceRegistry::OPTION, array( 'search' => FakeSearchIndex::URL ) );
		$mode = $this->sync->start( 'everything' );
		$this->assertInstanceOf( WP_Error::class, $mode );
		$this->assertSame( array( 'status' => 400 ), $mode->get_error_data() );
	}

	/**
	 * A damaged state option never breaks the job: it reads as a failed job that can be replaced.
	 */
	public function test_a_damaged_state_reads_safely(): void {
		update_option( SyncState::OPTION, '{"status":"weird","cursor":"x","counts":7}', false );
		$state = $this->sync->state();
		$this->assertNotNull( $state );
		$this->assertSame( 'failed', $state['status'] );
		$this->assertSame( 0, $state['cursor'] );
		$this->assertSame( 0, $state['counts']['indexed'] );
		$this->assertIsArray( $this->sync->start( 'reconcile' ) );
	}

	/**
	 * Runs the running job's steps until it stops.
	 *
	 * @phpstan-return State
	 * @return array<string, mixed>
	 */
	private function run_to_end(): array {
		for ( $i = 0; $i < 100; $i++ ) {
			$result = $this->sync->step();
			$this->assertIsArray( $result );
			$this->assertFalse( $result['busy'] );
			if ( 'running' !== $result['state']['status'] ) {
				return $result['state'];
			}
		}
		$this->fail( 'The job did not end.' );
	}

	/**
	 * Puts every published post in the index, as events would have.
	 */
	private function fill_index(): void {
		foreach ( $this->published as $id ) {
			$post = get_post( $id );
			$this->assertInstanceOf( \WP_Post::class, $post );
			$payload                       = ContentEvents::payload( $post );
			$this->index->documents[ $id ] = array(
				'modified'    => is_string( $payload['modified'] ) ? $payload['modified'] : '',
				'fingerprint' => is_string( $payload['fingerprint'] ) ? $payload['fingerprint'] : '',
			);
		}
	}

	/**
	 * Changes a post's title in the database, as a migration or a failed delivery would leave it.
	 *
	 * @param int    $id    Post id.
	 * @param string $title New title.
	 */
	private function change_without_events( int $id, string $title ): void {
		$wpdb = $this->wpdb();
		$wpdb->update( $wpdb->posts, array( 'post_title' => $title ), array( 'ID' => $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- no hooks on purpose.
		clean_post_cache( $id );
	}

	/**
	 * Writes the lock row as another process would, expiring at a time.
	 *
	 * @param int $expires Unix time.
	 */
	private function hold_lock( int $expires ): void {
		$wpdb = $this->wpdb();
		$wpdb->delete( $wpdb->options, array( 'option_name' => StepLock::OPTION ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the lock row itself.
		$wpdb->insert( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- the lock row itself.
			$wpdb->options,
			array(
				'option_name'  => StepLock::OPTION,
				'option_value' => $expires . ':otherprocess',
				'autoload'     => 'off',
			)
		);
	}

	/**
	 * Whether the fake received a call.
	 *
	 * @param string $method Method.
	 * @param string $path   Path.
	 * @return bool
	 */
	private function was_called( string $method, string $path ): bool {
		foreach ( $this->index->calls as $call ) {
			if ( $call['method'] === $method && $call['path'] === $path ) {
				return true;
			}
		}

		return false;
	}

	/**
	 * Inserts a post.
	 *
	 * @param array{post_type?: string, post_status?: string, post_password?: string} $args wp_insert_post() arguments.
	 * @return int
	 */
	private function post( array $args ): int {
		$id = wp_insert_post(
			$args + array(
				'post_title'   => 'Post ' . wp_rand(),
				'post_content' => '<!-- wp:paragraph --><p>Words to find.</p><!-- /wp:paragraph -->',
				'post_status'  => 'publish',
			),
			true
		);
		$this->assertIsInt( $id );

		return $id;
	}

	/**
	 * When the cron event is next due, or false.
	 *
	 * @phpstan-impure
	 * @return int|false
	 */
	private static function next_run(): int|false {
		return wp_next_scheduled( SyncCron::HOOK );
	}

	/**
	 * Integers, ascending.
	 *
	 * @param array<int> $ids Ids.
	 * @return list<int>
	 */
	private static function sorted( array $ids ): array {
		$ids = array_values( $ids );
		sort( $ids );

		return $ids;
	}
}
