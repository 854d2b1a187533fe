<?php
/**
 * Tests of the search index routes of the settings screen.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Admin;

use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Search\StepLock;
use Switchboard\Search\SyncCron;
use Switchboard\Tests\Search\FakeSearchIndex;

/**
 * `switchboard/v1/admin/search/sync[/step|/resume|/cancel]`: administrators only, validated arguments, and
 * a whole job driven through REST against an in-memory index.
 */
final class SearchSyncRoutesTest extends AdminTestCase {

	/**
	 * The routes, as method and path.
	 */
	private const SYNC_ROUTES = array(
		array( 'GET', '/switchboard/v1/admin/search/sync' ),
		array( 'POST', '/switchboard/v1/admin/search/sync' ),
		array( 'POST', '/switchboard/v1/admin/search/sync/step' ),
		array( 'POST', '/switchboard/v1/admin/search/sync/resume' ),
		array( 'POST', '/switchboard/v1/admin/search/sync/cancel' ),
	);

	/**
	 * The fake service.
	 *
	 * @var FakeSearchIndex
	 */
	private FakeSearchIndex $index;

	/**
	 * Points the search service at the fake.
	 */
	protected function set_up(): void {
		parent::set_up();
		update_option( ServiceRegistry::OPTION, array( 'search' => FakeSearchIndex::URL ) );
		$this->index = new FakeSearchIndex();
		$this->index->attach();
	}

	/**
	 * Visitors get 401 and other users 403 on every route, and nothing runs.
	 */
	public function test_only_administrators(): void {
		foreach ( self::SYNC_ROUTES as list( $method, $path ) ) {
			$this->assertSame( 401, $this->dispatch( $method, $path, $this->params( $method, $path ) )->get_status(), "{$method} {$path}" );
		}
		$this->log_in_as( 'editor' );
		foreach ( self::SYNC_ROUTES as list( $method, $path ) ) {
			$this->assertSame( 403, $this->dispatch( $method, $path, $this->params( $method, $path ) )->get_status(), "{$method} {$path}" );
		}
		$this->assertSame( array(), $this->index->calls );
	}

	/**
	 * Arguments are validated: the mode is from the list (a full re-index when left out); unknown arguments
	 * are refused.
	 */
	public function test_arguments_are_validated(): void {
		$this->log_in_as( 'administrator' );
		$cases = array(
			array( 'POST', '/switchboard/v1/admin/search/sync', array( 'mode' => 'everything' ) ),
			array( 'POST', '/switchboard/v1/admin/search/sync', array( 'mode' => '' ) ),
			array( 'POST', '/switchboard/v1/admin/search/sync', array( 'mode' => array( 'reindex' ) ) ),
			array(
				'POST',
				'/switchboard/v1/admin/search/sync',
				array(
					'mode'  => 'reindex',
					'batch' => 5,
				),
			),
			array( 'POST', '/switchboard/v1/admin/search/sync/step', array( 'cursor' => 0 ) ),
			array( 'GET', '/switchboard/v1/admin/search/sync', array( 'fresh' => '1' ) ),
		);
		foreach ( $cases as list( $method, $path, $params ) ) {
			$response = $this->dispatch( $method, $path, $params );
			$this->assertSame( 400, $response->get_status(), $method . ' ' . $path . ' ' . wp_json_encode( $params ) );
		}
		$this->assertSame( array(), $this->index->calls, 'Nothing was started.' );
	}

	/**
	 * A whole re-index through REST: start, steps to the end, status with both counts; then the conflicts.
	 */
	public function test_a_job_through_rest(): void {
		$this->log_in_as( 'administrator' );
		$status = $this->dispatch( 'GET', '/switchboard/v1/admin/search/sync' );
		$this->assertSame( 200, $status->get_status() );
		$this->assertNull( self::value_at( $this->data( $status ), 'job' ) );
		$published = self::value_at( $this->data( $status ), 'published' );
		$this->assertIsInt( $published );
		$this->assertGreaterThan( 0, $published, 'The test site has published posts.' );
		$this->assertSame( 0, self::value_at( $this->data( $status ), 'index' ) );
		$this->assertSame( 'no-store', $status->get_headers()['Cache-Control'] ?? null );

		$started = $this->dispatch( 'POST', '/switchboard/v1/admin/search/sync' );
		$this->assertSame( 201, $started->get_status() );
		$this->assertSame( 'running', self::str_at( $this->data( $started ), 'job.status' ) );
		$this->assertSame( 'reindex', self::str_at( $this->data( $started ), 'job.mode' ), 'Without a mode, the whole index is rebuilt.' );
		$this->assertSame( 409, $this->dispatch( 'POST', '/switchboard/v1/admin/search/sync', array( 'mode' => 'reconcile' ) )->get_status() );

		$steps = 0;
		do {
			$step = $this->dispatch( 'POST', '/switchboard/v1/admin/search/sync/step' );
			$this->assertSame( 200, $step->get_status() );
			$this->assertFalse( self::value_at( $this->data( $step ), 'busy' ) );
			++$steps;
		} while ( 'running' === self::str_at( $this->data( $step ), 'job.status' ) && $steps < 50 );
		$this->assertSame( 'done', self::str_at( $this->data( $step ), 'job.status' ) );
		$this->assertSame( $published, self::value_at( $this->data( $step ), 'job.processed' ) );

		$status = $this->data( $this->dispatch( 'GET', '/switchboard/v1/admin/search/sync' ) );
		$this->assertSame( $published, self::value_at( $status, 'index' ) );
		$this->assertSame( 'done', self::str_at( $status, 'job.status' ) );
		$this->assertNull( self::value_at( $status, 'index_error' ) );

		$this->assertSame( 409, $this->dispatch( 'POST', '/switchboard/v1/admin/search/sync/step' )->get_status(), 'Nothing runs.' );
		$this->assertSame( 409, $this->dispatch( 'POST', '/switchboard/v1/admin/search/sync/resume' )->get_status(), 'Nothing failed.' );
		$this->assertSame( 409, $this->dispatch( 'POST', '/switchboard/v1/admin/search/sync/cancel' )->get_status(), 'Nothing to cancel.' );
	}

	/**
	 * A failed step answers 200 with the failed job and its message; resume and cancel work on it; a step
	 * while another driver holds the lock answers busy.
	 */
	public function test_failure_resume_cancel_and_busy(): void {
		$this->log_in_as( 'administrator' );
		$this->dispatch( 'POST', '/switchboard/v1/admin/search/sync', array( 'mode' => 'reconcile' ) );
		$this->index->fail_next['/v1/index/documents'] = 503;
		$failed                                        = $this->data( $this->dispatch( 'POST', '/switchboard/v1/admin/search/sync/step' ) );
		$this->assertSame( 'failed', self::str_at( $failed, 'job.status' ) );
		$this->assertStringContainsString( 'The search service failed while sending documents', self::str_at( $failed, 'job.error.message' ) );

		$resumed = $this->dispatch( 'POST', '/switchboard/v1/admin/search/sync/resume' );
		$this->assertSame( 200, $resumed->get_status() );
		$this->assertSame( 'running', self::str_at( $this->data( $resumed ), 'job.status' ) );

		$lock = new StepLock();
		$this->assertTrue( $lock->acquire( 60 ) );
		$busy = $this->data( $this->dispatch( 'POST', '/switchboard/v1/admin/search/sync/step' ) );
		$this->assertTrue( self::value_at( $busy, 'busy' ) );
		$lock->release();

		$cancelled = $this->dispatch( 'POST', '/switchboard/v1/admin/search/sync/cancel' );
		$this->assertSame( 200, $cancelled->get_status() );
		$this->assertSame( 'cancelled', self::str_at( $this->data( $cancelled ), 'job.status' ) );
	}

	/**
	 * When the service cannot say how many documents it holds, the status says why instead of failing.
	 */
	public function test_status_when_the_service_is_down(): void {
		$this->log_in_as( 'administrator' );
		add_filter(
			'pre_http_request',
			static fn( $pre, $args, $url ) => is_string( $url ) && str_contains( $url, '/v1/index/manifest' ) ? new \WP_Error( 'http_request_failed', 'cURL error 7: Connection refused' ) : $pre,
			5,
			3
		);
		$status = $this->data( $this->dispatch( 'GET', '/switchboard/v1/admin/search/sync' ) );
		$this->assertNull( self::value_at( $status, 'index' ) );
		$this->assertSame( 'The service could not be reached.', self::value_at( $status, 'index_error' ) );
		$this->assertIsInt( self::value_at( $status, 'published' ) );
	}

	/**
	 * The booted plugin runs the job from WP-Cron: its event has a listener.
	 */
	public function test_the_cron_event_is_handled(): void {
		$this->assertTrue( has_action( SyncCron::HOOK ) );
	}

	/**
	 * Parameters that pass validation for a route.
	 *
	 * @param string $method Method.
	 * @param string $path   Path.
	 * @return array<string, string>
	 */
	private function params( string $method, string $path ): array {
		return 'POST' === $method && str_ends_with( $path, '/sync' ) ? array( 'mode' => 'reindex' ) : array();
	}
}
