<?php
/**
 * Tests of the feed catalogue routes of the settings screen.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Admin;

use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Search\StepLock;
use Switchboard\Search\SyncTarget;
use Switchboard\Tests\Search\FakeSearchIndex;

/**
 * `switchboard/v1/admin/feed/sync[/step|/resume|/cancel]`: the search routes' twins for the feed
 * catalogue: administrators only, a whole job through REST against an in-memory catalogue, errors with the
 * feed's codes, and the search index left alone.
 */
final class FeedSyncRoutesTest extends AdminTestCase {

	/**
	 * The routes, as method and path.
	 */
	private const SYNC_ROUTES = array(
		array( 'GET', '/switchboard/v1/admin/feed/sync' ),
		array( 'POST', '/switchboard/v1/admin/feed/sync' ),
		array( 'POST', '/switchboard/v1/admin/feed/sync/step' ),
		array( 'POST', '/switchboard/v1/admin/feed/sync/resume' ),
		array( 'POST', '/switchboard/v1/admin/feed/sync/cancel' ),
	);

	/**
	 * The fake feed catalogue.
	 *
	 * @var FakeSearchIndex
	 */
	private FakeSearchIndex $catalogue;

	/**
	 * The fake search index.
	 *
	 * @var FakeSearchIndex
	 */
	private FakeSearchIndex $search;

	/**
	 * Points both services at their fakes.
	 */
	protected function set_up(): void {
		parent::set_up();
		update_option(
			ServiceRegistry::OPTION,
			array(
				'search' => FakeSearchIndex::URL,
				'feed'   => FakeSearchIndex::FEED_URL,
			)
		);
		$this->catalogue = new FakeSearchIndex( FakeSearchIndex::FEED_URL );
		$this->catalogue->attach();
		$this->search = new FakeSearchIndex();
		$this->search->attach();
	}

	/**
	 * Visitors get 401 and other users 403 on every route, and nothing runs.
	 */
	public function test_only_administrators(): void {
		foreach ( self::SYNC_ROUTES as list( $method, $path ) ) {
			$this->assertSame( 401, $this->dispatch( $method, $path )->get_status(), "{$method} {$path}" );
		}
		foreach ( array( 'subscriber', 'editor' ) as $role ) {
			$this->log_in_as( $role );
			foreach ( self::SYNC_ROUTES as list( $method, $path ) ) {
				$this->assertSame( 403, $this->dispatch( $method, $path )->get_status(), "{$role}: {$method} {$path}" );
			}
		}
		$this->assertSame( array(), $this->catalogue->calls );
		$this->assertNull( get_option( SyncTarget::feed()->state_option(), null ) );
	}

	/**
	 * Arguments are validated as on the search routes.
	 */
	public function test_arguments_are_validated(): void {
		$this->log_in_as( 'administrator' );
		$this->assertSame( 400, $this->dispatch( 'POST', '/switchboard/v1/admin/feed/sync', array( 'mode' => 'everything' ) )->get_status() );
		$this->assertSame( 400, $this->dispatch( 'POST', '/switchboard/v1/admin/feed/sync/step', array( 'cursor' => 0 ) )->get_status() );
		$this->assertSame( array(), $this->catalogue->calls );
	}

	/**
	 * A whole re-index through REST fills the catalogue; the search index hears nothing.
	 */
	public function test_a_job_through_rest(): void {
		$this->log_in_as( 'administrator' );
		$status = $this->data( $this->dispatch( 'GET', '/switchboard/v1/admin/feed/sync' ) );
		$this->assertNull( self::value_at( $status, 'job' ) );
		$this->assertSame( 0, self::value_at( $status, 'index' ) );
		$published = self::value_at( $status, 'published' );
		$this->assertIsInt( $published );
		$this->assertGreaterThan( 0, $published );

		$started = $this->dispatch( 'POST', '/switchboard/v1/admin/feed/sync' );
		$this->assertSame( 201, $started->get_status() );
		$this->assertSame( 'reindex', self::str_at( $this->data( $started ), 'job.mode' ) );
		$conflict = $this->dispatch( 'POST', '/switchboard/v1/admin/feed/sync', array( 'mode' => 'reconcile' ) );
		$this->assertSame( 409, $conflict->get_status() );
		$this->assertSame( 'switchboard_feed_sync_running', self::str_at( $this->data( $conflict ), 'code' ) );
		$this->assertSame( 201, $this->dispatch( 'POST', '/switchboard/v1/admin/search/sync' )->get_status(), 'The search job is separate.' );
		$this->assertSame( 200, $this->dispatch( 'POST', '/switchboard/v1/admin/search/sync/cancel' )->get_status() );

		$steps = 0;
		do {
			$step = $this->dispatch( 'POST', '/switchboard/v1/admin/feed/sync/step' );
			$this->assertSame( 200, $step->get_status() );
			++$steps;
		} while ( 'running' === self::str_at( $this->data( $step ), 'job.status' ) && $steps < 50 );
		$this->assertSame( 'done', self::str_at( $this->data( $step ), 'job.status' ) );

		$status = $this->data( $this->dispatch( 'GET', '/switchboard/v1/admin/feed/sync' ) );
		$this->assertSame( $published, self::value_at( $status, 'index' ) );
		$this->assertCount( $published, $this->catalogue->ids() );
		$this->assertSame( array(), $this->search->ids(), 'Nothing was sent to the search index.' );
		$this->assertSame( 409, $this->dispatch( 'POST', '/switchboard/v1/admin/feed/sync/resume' )->get_status() );
	}

	/**
	 * Failure, resume, busy and cancel, with the feed's words.
	 */
	public function test_failure_resume_cancel_and_busy(): void {
		$this->log_in_as( 'administrator' );
		$this->dispatch( 'POST', '/switchboard/v1/admin/feed/sync', array( 'mode' => 'reconcile' ) );
		$this->catalogue->fail_next['/v1/index/documents'] = 503;
		$failed = $this->data( $this->dispatch( 'POST', '/switchboard/v1/admin/feed/sync/step' ) );
		$this->assertSame( 'failed', self::str_at( $failed, 'job.status' ) );
		$this->assertStringContainsString( 'The feed service failed while sending documents', self::str_at( $failed, 'job.error.message' ) );

		$this->assertSame( 'running', self::str_at( $this->data( $this->dispatch( 'POST', '/switchboard/v1/admin/feed/sync/resume' ) ), 'job.status' ) );
		$lock = new StepLock( SyncTarget::feed() );
		$this->assertTrue( $lock->acquire( 60 ) );
		$this->assertTrue( self::value_at( $this->data( $this->dispatch( 'POST', '/switchboard/v1/admin/feed/sync/step' ) ), 'busy' ) );
		$lock->release();
		$this->assertSame( 'cancelled', self::str_at( $this->data( $this->dispatch( 'POST', '/switchboard/v1/admin/feed/sync/cancel' ) ), 'job.status' ) );
	}

	/**
	 * Without a feed URL, the status says why and a start is refused with the feed's code.
	 */
	public function test_without_a_feed_url(): void {
		$this->log_in_as( 'administrator' );
		update_option( ServiceRegistry::OPTION, array( 'search' => FakeSearchIndex::URL ) );
		$status = $this->data( $this->dispatch( 'GET', '/switchboard/v1/admin/feed/sync' ) );
		$this->assertNull( self::value_at( $status, 'index' ) );
		$this->assertStringContainsString( 'SWITCHBOARD_FEED_URL', self::str_at( $status, 'index_error' ) );
		$start = $this->dispatch( 'POST', '/switchboard/v1/admin/feed/sync' );
		$this->assertSame( 503, $start->get_status() );
		$this->assertSame( 'switchboard_feed_not_configured', self::str_at( $this->data( $start ), 'code' ) );
	}
}
