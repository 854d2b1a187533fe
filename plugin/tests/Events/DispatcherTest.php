<?php
/**
 * Tests delivering the outbox to a real local upstream.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Events;

use Switchboard\Events\ContentEvents;
use Switchboard\Events\Dispatcher;
use Switchboard\Events\Outbox;
use Switchboard\Events\Signature;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Tests\Support\UsesFaultServer;

/**
 * Signed delivery, backoff, dead letters, replay, and exactly-once delivery across an outage, over HTTP.
 */
final class DispatcherTest extends EventsTestCase {

	use UsesFaultServer;

	/**
	 * The injected time.
	 *
	 * @var int
	 */
	private int $now = 1_800_000_000;

	/**
	 * Resets the server and declares it as the only subscriber.
	 */
	protected function set_up(): void {
		parent::set_up();
		self::upstream()->reset();
		$this->declare_services(
			array(
				'index' => array(
					'url'        => self::upstream()->url(),
					'subscribes' => true,
				),
			)
		);
	}

	/**
	 * 200 changes made while the service answers 503 for many runs are all delivered, each exactly once, once
	 * it is back, and every delivery carries a signature the receiver verifies with the shared secret.
	 */
	public function test_outage_then_recovery_delivers_each_event_exactly_once(): void {
		$module = new ContentEvents( new Outbox(), new ServiceRegistry(), null, fn(): int => $this->now );
		$module->register_hooks();
		for ( $i = 0; $i < 200; $i++ ) {
			$this->create_post(
				array(
					'post_status' => 'publish',
					'post_title'  => "Post {$i}",
				)
			);
		}
		$event_ids = array_column( $this->rows(), 'event_id' );
		$this->assertCount( 200, $event_ids );

		self::upstream()->set( array( 'status' => 503 ) );
		$dispatcher = $this->dispatcher();
		for ( $run = 0; $run < 8; $run++ ) {
			$stats = $dispatcher->run();
			$this->assertSame( 1, $stats['failed'], 'A failing service gets one attempt per run.' );
			$this->now += Dispatcher::MAX_DELAY;
		}
		$this->assertSame( 8, self::upstream()->request_count() );
		$this->assertSame( 200, ( new Outbox() )->counts()['pending'] );

		self::upstream()->reset();
		for ( $run = 0; $run < 4; $run++ ) {
			$dispatcher->run();
			$this->now += 60;
		}

		$this->assertSame(
			array(
				'pending'   => 0,
				'delivered' => 200,
				'dead'      => 0,
			),
			( new Outbox() )->counts()
		);
		$received  = array();
		$signature = new Signature( fn(): int => $this->now );
		foreach ( self::upstream()->requests() as $request ) {
			$this->assertSame( 'POST', $request['method'] );
			$this->assertSame( '/events', $request['uri'] );
			$id   = $request['headers']['switchboard-event-id'] ?? '';
			$body = json_decode( $request['body'], true );
			$this->assertIsArray( $body );
			$this->assertSame( $id, $body['id'] );
			$this->assertSame( 'post.published', $body['type'] );
			$this->assertTrue( $signature->verify( 'index', $id, $request['headers']['switchboard-signature'] ?? '', $request['body'] ) );
			$received[] = $id;
		}
		$this->assertCount( 200, $received );
		sort( $received );
		sort( $event_ids );
		$this->assertSame( $event_ids, $received, 'Each event arrived exactly once.' );
	}

	/**
	 * An empty object in the stored payload (a page has no public taxonomy) is sent as `{}`, not `[]`:
	 * services validate `terms` as an object.
	 */
	public function test_empty_objects_stay_objects_on_the_wire(): void {
		$module = new ContentEvents( new Outbox(), new ServiceRegistry(), null, fn(): int => $this->now );
		$module->register_hooks();
		$this->create_post(
			array(
				'post_type'   => 'page',
				'post_status' => 'publish',
				'post_title'  => 'About',
			)
		);

		$this->assertSame( 1, $this->dispatcher()->run()['delivered'] );
		$body = self::upstream()->requests()[0]['body'];
		$this->assertStringContainsString( '"terms":{}', $body );
		$this->assertStringNotContainsString( '"terms":[]', $body );
	}

	/**
	 * A 400 refuses one event, not the service: the run still offers every other post's event, while a
	 * 503 stops the run after one attempt. Cached gateway answers are dropped once a run delivered something.
	 */
	public function test_a_refused_event_does_not_hold_back_the_others(): void {
		$module = new ContentEvents( new Outbox(), new ServiceRegistry(), null, fn(): int => $this->now );
		$module->register_hooks();
		for ( $i = 0; $i < 5; $i++ ) {
			$this->create_post(
				array(
					'post_status' => 'publish',
					'post_title'  => "Refused {$i}",
				)
			);
		}

		self::upstream()->set( array( 'status' => 400 ) );
		$version = \Switchboard\Gateway\Cache\CacheKey::version();
		$stats   = $this->dispatcher()->run();
		$this->assertSame( 5, $stats['failed'], 'Each refused event was tried on its own.' );
		$this->assertSame( 5, self::upstream()->request_count() );
		$this->assertSame( $version, \Switchboard\Gateway\Cache\CacheKey::version(), 'Nothing was delivered, so the cache stays.' );

		self::upstream()->reset();
		$this->now += Dispatcher::MAX_DELAY;
		$this->assertSame( 5, $this->dispatcher()->run()['delivered'] );
		$this->assertSame( $version + 1, \Switchboard\Gateway\Cache\CacheKey::version(), 'One invalidation per run, not per row.' );
	}

	/**
	 * A failed row waits 30 s, then 60 s, and is not sent before.
	 */
	public function test_backoff_is_respected(): void {
		self::upstream()->set( array( 'status' => 503 ) );
		$outbox     = new Outbox();
		$event_id   = $outbox->add( 'index', 'post.updated', array( 'id' => 1 ), $this->now );
		$dispatcher = $this->dispatcher();
		$start      = $this->now;

		$dispatcher->run();
		$row = $outbox->get( $outbox->row_id( $event_id, 'index' ) );
		$this->assertIsArray( $row );
		$this->assertSame( 1, self::int_field( $row, 'attempts' ) );
		$this->assertSame( $start + 30, self::int_field( $row, 'next_attempt_at' ) );
		$this->assertSame( 'switchboard_upstream_error', $row['last_error'] );

		$this->now = $start + 29;
		$dispatcher->run();
		$this->assertSame( 1, self::upstream()->request_count() );
		$this->now = $start + 30;
		$dispatcher->run();
		$this->assertSame( 2, self::upstream()->request_count() );
		$row = $outbox->get( $outbox->row_id( $event_id, 'index' ) );
		$this->assertIsArray( $row );
		$this->assertSame( $start + 90, self::int_field( $row, 'next_attempt_at' ) );
	}

	/**
	 * Delays double from 30 s to an hour, jitter never exceeds a tenth, and twelve attempts outlast an hour.
	 */
	public function test_backoff_schedule(): void {
		$plain = $this->dispatcher();
		$this->assertSame( array( 30, 60, 120, 240, 480, 960, 1920, 3600, 3600 ), array_map( array( $plain, 'backoff' ), range( 1, 9 ) ) );
		$total = array_sum( array_map( array( $plain, 'backoff' ), range( 1, Dispatcher::DEFAULT_MAX_ATTEMPTS - 1 ) ) );
		$this->assertGreaterThan( HOUR_IN_SECONDS, $total );

		$jittered = new Dispatcher( new Outbox(), $this->client(), new ServiceRegistry(), new Signature(), 12, null, static fn( int $max ): int => $max );
		$this->assertSame( 33, $jittered->backoff( 1 ) );
		$this->assertSame( 3600, $jittered->backoff( 12 ) );
		$random = new Dispatcher( new Outbox(), $this->client(), new ServiceRegistry(), new Signature() );
		for ( $i = 0; $i < 50; $i++ ) {
			$delay = $random->backoff( 3 );
			$this->assertGreaterThanOrEqual( 120, $delay );
			$this->assertLessThanOrEqual( 132, $delay );
		}
	}

	/**
	 * After the last allowed attempt the row is dead and left alone; replay sends it again, once.
	 */
	public function test_dead_letter_and_replay(): void {
		self::upstream()->set(
			array(
				'status' => 500,
				'body'   => '{"error":"stack trace at /srv/internal"}',
			)
		);
		$outbox     = new Outbox();
		$event_id   = $outbox->add( 'index', 'post.deleted', array( 'id' => 9 ), $this->now );
		$row_id     = $outbox->row_id( $event_id, 'index' );
		$dispatcher = new Dispatcher( $outbox, $this->client(), new ServiceRegistry(), $this->signature(), 3, fn(): int => $this->now, static fn(): int => 0 );

		for ( $run = 0; $run < 5; $run++ ) {
			$dispatcher->run();
			$this->now += Dispatcher::MAX_DELAY;
		}
		$this->assertSame( 3, self::upstream()->request_count() );
		$row = $outbox->get( $row_id );
		$this->assertIsArray( $row );
		$this->assertSame( 'dead', $row['status'] );
		$this->assertSame( 3, self::int_field( $row, 'attempts' ) );
		$this->assertSame( 'switchboard_upstream_error', $row['last_error'], 'No upstream internals are stored.' );

		$this->assertFalse( $dispatcher->replay( $row_id + 1000 ) );
		self::upstream()->reset();
		$this->assertTrue( $dispatcher->replay( $row_id ) );
		$this->assertFalse( $dispatcher->replay( $row_id ), 'Only a dead row is replayed.' );
		$dispatcher->run();
		$dispatcher->run();

		$this->assertSame( 1, self::upstream()->request_count() );
		$this->assertSame( $event_id, self::upstream()->requests()[0]['headers']['switchboard-event-id'] ?? '' );
		$row = $outbox->get( $row_id );
		$this->assertIsArray( $row );
		$this->assertSame( 'delivered', $row['status'] );
		$this->assertSame( $this->now, self::int_field( $row, 'delivered_at' ) );
	}

	/**
	 * While the service's circuit is open nothing is sent, and the row is given back without losing an attempt.
	 */
	public function test_open_circuit_gives_rows_back_without_an_attempt(): void {
		self::upstream()->set( array( 'status' => 503 ) );
		$outbox     = new Outbox();
		$event_id   = $outbox->add( 'index', 'post.updated', array( 'id' => 4 ), $this->now );
		$dispatcher = new Dispatcher( $outbox, new ServiceClient( new CircuitBreaker( 1 ), new ServiceRegistry() ), new ServiceRegistry(), $this->signature(), 12, fn(): int => $this->now, static fn(): int => 0 );

		$this->assertSame( 1, $dispatcher->run()['failed'] );
		$this->now += Dispatcher::BASE_DELAY;
		$this->assertSame( 1, $dispatcher->run()['released'] );

		$this->assertSame( 1, self::upstream()->request_count() );
		$row = $outbox->get( $outbox->row_id( $event_id, 'index' ) );
		$this->assertSame( 1, self::int_field( $row, 'attempts' ) );
		$this->assertSame( $this->now + Dispatcher::BASE_DELAY, self::int_field( $row, 'next_attempt_at' ) );
		$this->assertSame( 'pending', self::dig( $row, 'status' ) );
	}

	/**
	 * A claimed row belongs to one runner until its lease ends; only the lease holder settles it.
	 */
	public function test_claims_are_exclusive_and_leases_expire(): void {
		$outbox   = new Outbox();
		$event_id = $outbox->add( 'index', 'post.updated', array( 'id' => 3 ), $this->now );
		$row_id   = $outbox->row_id( $event_id, 'index' );

		$this->assertNotNull( $outbox->claim( $row_id, 'runner-a', $this->now, 60 ) );
		$this->assertNull( $outbox->claim( $row_id, 'runner-b', $this->now, 60 ) );
		$this->assertSame( array(), $outbox->due( $this->now + 59, 10 ) );
		$this->assertSame( array( $row_id => 'index' ), $outbox->due( $this->now + 60, 10 ) );
		$this->assertFalse( $outbox->delivered( $row_id, 'runner-b', $this->now ) );

		$this->now += 60;
		$this->assertSame( 0, $this->dispatcher()->run()['failed'] );
		$this->assertSame( 1, self::upstream()->request_count(), 'A dead runner\'s row is sent after its lease.' );
		$this->assertFalse( $outbox->delivered( $row_id, 'runner-a', $this->now ), 'The expired lease no longer settles it.' );
		$row = $outbox->get( $row_id );
		$this->assertIsArray( $row );
		$this->assertSame( 'delivered', $row['status'] );
	}

	/**
	 * A dispatcher with the injected clock and no jitter.
	 *
	 * @return Dispatcher
	 */
	private function dispatcher(): Dispatcher {
		return new Dispatcher( new Outbox(), $this->client(), new ServiceRegistry(), $this->signature(), Dispatcher::DEFAULT_MAX_ATTEMPTS, fn(): int => $this->now, static fn(): int => 0 );
	}

	/**
	 * A service client whose breaker never opens during these tests.
	 *
	 * @return ServiceClient
	 */
	private function client(): ServiceClient {
		return new ServiceClient( new CircuitBreaker( 1000 ), new ServiceRegistry() );
	}

	/**
	 * The signer, with the injected clock.
	 *
	 * @return Signature
	 */
	private function signature(): Signature {
		return new Signature( fn(): int => $this->now );
	}
}
