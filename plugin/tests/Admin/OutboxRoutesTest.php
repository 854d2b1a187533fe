<?php
/**
 * Tests of the outbox routes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Admin;

use Switchboard\Events\Outbox;

/**
 * Dead letters and events being retried are listed newest first, a page at a time, without payloads; a dead
 * event can be replayed once.
 */
final class OutboxRoutesTest extends AdminTestCase {

	/**
	 * Logs in an administrator.
	 */
	protected function set_up(): void {
		parent::set_up();
		$this->log_in_as( 'administrator' );
	}

	/**
	 * Lists failures with allow-listed fields, filtered by kind and paginated.
	 */
	public function test_lists_failures(): void {
		$ids = $this->seed();

		$response = $this->dispatch( 'GET', '/switchboard/v1/admin/outbox' );
		$this->assertSame( 200, $response->get_status() );
		$data = $this->data( $response );
		$this->assertSame( 3, self::value_at( $data, 'total' ) );
		$this->assertSame( array( $ids['dead2'], $ids['retrying'], $ids['dead1'] ), array_column( self::arr_at( $data, 'items' ), 'id' ) );
		$this->assertSame( array( 'id', 'service', 'type', 'status', 'attempts', 'last_error', 'created_at', 'next_attempt_at' ), array_keys( self::arr_at( $data, 'items.0' ) ) );
		$this->assertSame( 'dead', self::value_at( $data, 'items.0.status' ) );
		$this->assertSame( 'switchboard_upstream_timeout', self::value_at( $data, 'items.0.last_error' ) );
		$this->assertSame( 12, self::value_at( $data, 'items.0.attempts' ) );
		$this->assertNull( self::value_at( $data, 'items.0.next_attempt_at' ) );
		$this->assertSame( 'pending', self::value_at( $data, 'items.1.status' ) );
		$this->assertIsInt( self::value_at( $data, 'items.1.next_attempt_at' ) );
		$this->assertStringNotContainsString( 'payload-marker', (string) wp_json_encode( $data ) );
		$this->assertSame(
			array(
				'pending'   => 2,
				'delivered' => 0,
				'dead'      => 2,
			),
			self::value_at( $data, 'counts' )
		);
		$this->assertSame( '3', $response->get_headers()['X-WP-Total'] ?? '' );

		$dead = $this->data( $this->dispatch( 'GET', '/switchboard/v1/admin/outbox', array( 'kind' => 'dead' ) ) );
		$this->assertSame( array( $ids['dead2'], $ids['dead1'] ), array_column( self::arr_at( $dead, 'items' ), 'id' ) );

		$page = $this->data(
			$this->dispatch(
				'GET',
				'/switchboard/v1/admin/outbox',
				array(
					'per_page' => 2,
					'page'     => 2,
				)
			)
		);
		$this->assertSame( array( $ids['dead1'] ), array_column( self::arr_at( $page, 'items' ), 'id' ) );
		$this->assertSame( 2, self::value_at( $page, 'total_pages' ) );
		$this->assert_no_secret( $response );
	}

	/**
	 * Out-of-range arguments are 400s.
	 */
	public function test_refuses_bad_arguments(): void {
		foreach ( array( array( 'per_page' => 0 ), array( 'per_page' => 101 ), array( 'page' => 0 ), array( 'kind' => 'delivered' ), array( 'page' => 'x' ) ) as $args ) {
			$this->assertSame( 400, $this->dispatch( 'GET', '/switchboard/v1/admin/outbox', $args )->get_status(), (string) wp_json_encode( $args ) );
		}
	}

	/**
	 * A dead event becomes pending and due; replaying it again, or a row that is not dead or not there, fails.
	 */
	public function test_replays_a_dead_event(): void {
		$ids    = $this->seed();
		$outbox = new Outbox();

		$response = $this->dispatch( 'POST', '/switchboard/v1/admin/outbox/' . $ids['dead1'] . '/replay' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame(
			array(
				'id'       => $ids['dead1'],
				'replayed' => true,
			),
			$this->data( $response )
		);
		$row = $outbox->get( $ids['dead1'] );
		$this->assertNotNull( $row );
		$this->assertSame( 'pending', $row['status'] );
		$this->assertEquals( 0, $row['attempts'] );

		$again = $this->dispatch( 'POST', '/switchboard/v1/admin/outbox/' . $ids['dead1'] . '/replay' );
		$this->assertSame( 409, $again->get_status() );
		$this->assertSame( 'switchboard_outbox_not_dead', self::value_at( $this->data( $again ), 'code' ) );
		$this->assertSame( 409, $this->dispatch( 'POST', '/switchboard/v1/admin/outbox/' . $ids['retrying'] . '/replay' )->get_status() );
		$this->assertSame( 404, $this->dispatch( 'POST', '/switchboard/v1/admin/outbox/999999/replay' )->get_status() );
		$this->assertSame( 400, $this->dispatch( 'POST', '/switchboard/v1/admin/outbox/0/replay' )->get_status() );
	}

	/**
	 * Four rows: an untouched pending one, a dead one, one being retried, another dead one (in that order).
	 *
	 * @return array{dead1: int, retrying: int, dead2: int}
	 */
	private function seed(): array {
		$outbox = new Outbox();
		$now    = time();
		$this->add( $outbox, 'search', $now );
		$dead1 = $this->record_failed_attempt( $outbox, $this->add( $outbox, 'search', $now ), 12, true );
		$retry = $this->record_failed_attempt( $outbox, $this->add( $outbox, 'feed', $now ), 2, false );
		$dead2 = $this->record_failed_attempt( $outbox, $this->add( $outbox, 'feed', $now ), 12, true );

		return array(
			'dead1'    => $dead1,
			'retrying' => $retry,
			'dead2'    => $dead2,
		);
	}

	/**
	 * Adds a pending event.
	 *
	 * @param Outbox $outbox  Outbox.
	 * @param string $service Service id.
	 * @param int    $now     Unix time.
	 * @return int Row id.
	 */
	private function add( Outbox $outbox, string $service, int $now ): int {
		$event_id = $outbox->add( $service, 'post.published', array( 'title' => 'payload-marker' ), $now );
		$id       = $outbox->row_id( $event_id, $service );
		$this->assertGreaterThan( 0, $id );

		return $id;
	}

	/**
	 * Claims a row and records a failed attempt.
	 *
	 * @param Outbox $outbox   Outbox.
	 * @param int    $id       Row id.
	 * @param int    $attempts Attempts so far.
	 * @param bool   $dead     Whether to give up.
	 * @return int Row id.
	 */
	private function record_failed_attempt( Outbox $outbox, int $id, int $attempts, bool $dead ): int {
		$this->assertNotNull( $outbox->claim( $id, 'lease', time(), 60 ) );
		$this->assertTrue( $outbox->failed( $id, 'lease', $attempts, time() + 60, 'switchboard_upstream_timeout', $dead ) );

		return $id;
	}
}
