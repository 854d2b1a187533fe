<?php
/**
 * The content events' acceptance test: a long outage at full size.
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
 * With a service down, 1,000 content changes are all delivered, once each, after it comes back.
 *
 * The changes go through WordPress's own APIs, each as a request of its own (a fresh ContentEvents module):
 * publishes, edits, term changes, author reassignments, trashes and author renames. For a simulated hour the
 * service first answers 503, then refuses connections; the dispatcher runs every simulated minute all along,
 * with a real circuit breaker on the injected clock. Once the service is back, runs continue until the
 * backlog is empty, and the service must have accepted every event exactly once, none dead, and each post's
 * (and author's) events in the order they happened.
 *
 * It takes about 40 seconds on an idle machine, nearly all of it WordPress saving content: a save is some
 * 30 queries, each translated from MySQL to SQLite by the SQLite integration at 1 to 2 ms; the outbox adds
 * one insert per change, and the 1,000 deliveries after the outage take about 8 seconds.
 */
final class OutageTest extends EventsTestCase {

	use UsesFaultServer;

	/**
	 * Content changes made during the outage.
	 */
	private const CHANGES = 1000;

	/**
	 * Simulated seconds between two changes.
	 */
	private const SECONDS_PER_CHANGE = 3;

	/**
	 * The injected time.
	 *
	 * @var int
	 */
	private int $now = 1_800_000_000;

	/**
	 * Ids of the published posts.
	 *
	 * @var list<int>
	 */
	private array $published = array();

	/**
	 * Ids of the trashed posts.
	 *
	 * @var list<int>
	 */
	private array $trashed = array();

	/**
	 * The module of the request in progress.
	 *
	 * @var ContentEvents|null
	 */
	private ?ContentEvents $module = null;

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
	 * The acceptance test of the issue.
	 */
	public function test_a_thousand_changes_during_an_hour_long_outage_are_each_delivered_once_in_order(): void {
		$outage_at  = $this->now;
		$dispatcher = $this->dispatcher();
		$authors    = array(
			$this->create_user( array( 'role' => 'author' ) ),
			$this->create_user( array( 'role' => 'author' ) ),
			$this->create_user( array( 'role' => 'author' ) ),
		);
		$categories = array( $this->create_category( 'News' ), $this->create_category( 'Sport' ), $this->create_category( 'Arts' ) );

		self::upstream()->set( array( 'status' => 503 ) );
		$attempts = 0;
		for ( $i = 0; $i < self::CHANGES; $i++ ) {
			if ( self::CHANGES / 2 === $i ) {
				// Half-way, the service goes away altogether: connections are refused.
				$this->point_service_at( $this->closed_port_url() );
			}
			$this->in_a_request( fn() => $this->change( $i, $authors, $categories ) );

			$this->now += self::SECONDS_PER_CHANGE;
			if ( 0 === $i % 20 ) {
				$stats     = $dispatcher->run();
				$attempts += $stats['failed'];
				$this->assertSame( 0, $stats['delivered'] + $stats['dead'] );
			}
		}
		while ( $this->now < $outage_at + HOUR_IN_SECONDS ) {
			$this->now += MINUTE_IN_SECONDS;
			$stats      = $dispatcher->run();
			$attempts  += $stats['failed'];
			$this->assertSame( 0, $stats['delivered'] + $stats['dead'] );
		}

		$rows = $this->rows();
		$this->assertCount( self::CHANGES, $rows, 'Each change, made in its own request, is one event.' );
		$errors = array();
		foreach ( $rows as $row ) {
			$error            = is_string( $row['last_error'] ?? null ) ? $row['last_error'] : '';
			$errors[ $error ] = true;
		}
		unset( $errors[''] );
		$errors = array_keys( $errors );
		sort( $errors );
		$this->assertSame( array( 'switchboard_upstream_error', 'switchboard_upstream_unavailable' ), $errors, 'Both kinds of outage were met.' );
		$this->assertSame( self::CHANGES, $this->pending() );
		$this->assertGreaterThan( 0, $attempts );
		$this->assertLessThan( 120, $attempts, 'A failing service gets at most one attempt per run.' );

		// The service comes back.
		self::upstream()->reset();
		$this->point_service_at( self::upstream()->url() );
		$runs = 0;
		while ( $this->pending() > 0 ) {
			$this->assertLessThan( 200, ++$runs, 'The backlog drains.' );
			$this->now += MINUTE_IN_SECONDS;
			$dispatcher->run( 500 );
		}

		$this->assertSame(
			array(
				'pending'   => 0,
				'delivered' => self::CHANGES,
				'dead'      => 0,
			),
			( new Outbox() )->counts()
		);
		$this->assert_received_once_each_in_order( $rows );
	}

	/**
	 * An event waiting for its retry holds back the later events about the same post, and nothing else.
	 */
	public function test_a_retry_holds_back_only_the_later_events_about_the_same_thing(): void {
		$outbox    = new Outbox();
		$published = $outbox->add( 'index', 'post.published', array( 'id' => 1 ), $this->now, 'post:1' );
		$trashed   = $outbox->add( 'index', 'post.unpublished', array( 'id' => 1 ), $this->now, 'post:1' );
		$other     = $outbox->add( 'index', 'post.published', array( 'id' => 2 ), $this->now, 'post:2' );
		$unordered = $outbox->add( 'index', 'site.updated', array(), $this->now );
		$this->assertSame( array( 'index', 'index', 'index' ), array_values( $outbox->due( $this->now, 10 ) ), 'Only the oldest event of a subject is due.' );

		self::upstream()->set( array( 'status' => 503 ) );
		$dispatcher = $this->dispatcher();
		$this->assertSame( 1, $dispatcher->run()['failed'] );
		self::upstream()->reset();
		$this->assertSame( 2, $dispatcher->run()['delivered'], 'Other subjects, and unordered events, go on.' );
		$this->assertSame( array(), $outbox->due( $this->now, 10 ) );

		$this->now += Dispatcher::BASE_DELAY;
		$this->assertSame( 2, $dispatcher->run()['delivered'] );
		$this->assertSame(
			array( $other, $unordered, $published, $trashed ),
			array_map( static fn( array $request ): string => $request['headers']['switchboard-event-id'] ?? '', self::upstream()->requests() )
		);
	}

	/**
	 * Makes the i-th change: four in ten publish a post, two edit one, then one each changes its terms,
	 * reassigns it, trashes it, or renames an author of published posts.
	 *
	 * @param int       $i          Change number.
	 * @param list<int> $authors    Author ids.
	 * @param list<int> $categories Category ids.
	 */
	private function change( int $i, array $authors, array $categories ): void {
		$kind = $i % 10;
		if ( $kind < 4 || array() === $this->published ) {
			$this->published[] = $this->create_post(
				array(
					'post_status'   => 'publish',
					'post_title'    => "Post {$i}",
					'post_author'   => $authors[ $i % 3 ],
					'post_category' => array( $categories[ $i % 3 ] ),
				)
			);
			return;
		}

		$post_id = $this->published[ ( $i * 7 ) % count( $this->published ) ];
		switch ( $kind ) {
			case 4:
			case 5:
				$this->assertIsInt(
					wp_update_post(
						array(
							'ID'         => $post_id,
							'post_title' => "Edited {$i}",
						),
						true
					)
				);
				break;
			case 6:
				$this->assertIsArray( wp_set_post_terms( $post_id, array( "tag-{$i}" ), 'post_tag', true ) );
				break;
			case 7:
				$author = (int) get_post_field( 'post_author', $post_id );
				$this->assertIsInt(
					wp_update_post(
						array(
							'ID'          => $post_id,
							'post_author' => $authors[ ( array_search(
								$author,
								$authors,
								true
							) + 1 ) % 3 ],
						),
						true
					)
				);
				break;
			case 8:
				$this->assertInstanceOf( \WP_Post::class, wp_trash_post( $post_id ) );
				$this->trashed[] = $post_id;
				$this->published = array_values( array_diff( $this->published, array( $post_id ) ) );
				break;
			default:
				$this->assertIsInt(
					wp_update_user(
						array(
							'ID'           => $authors[ $i % 3 ],
							'display_name' => "Author {$i}",
						)
					)
				);
		}
	}

	/**
	 * Asserts that the service accepted every row's event exactly once, signed, and each subject's in order.
	 *
	 * @param list<array<mixed>> $rows The outbox rows, oldest first.
	 */
	private function assert_received_once_each_in_order( array $rows ): void {
		$secret   = ( new Signature() )->secret( 'index' );
		$received = array();
		foreach ( self::upstream()->requests() as $request ) {
			$id = $request['headers']['switchboard-event-id'] ?? '';
			$this->assertSame( 1, preg_match( '/^t=(\d+),v1=([0-9a-f]{64})$/', $request['headers']['switchboard-signature'] ?? '', $signature ) );
			$this->assertSame( Signature::compute( $secret, $id, (int) $signature[1], $request['body'] ), $signature[2], 'Signed with the shared secret.' );
			$received[] = $id;
		}
		$this->assertCount( self::CHANGES, $received );
		$this->assertSame( array(), array_keys( array_filter( array_count_values( $received ), static fn( int $n ): bool => $n > 1 ) ), 'No event arrived twice.' );
		$expected = array_column( $rows, 'event_id' );
		$sorted   = $received;
		sort( $sorted );
		sort( $expected );
		$this->assertSame( $expected, $sorted, 'Every event arrived.' );

		// Per subject (a post, or an author), the order of arrival is the order of the changes.
		$position = array_flip( $received );
		$subjects = array();
		$types    = array();
		foreach ( $rows as $row ) {
			$payload = self::payload( $row );
			$subject = 'author.updated' === $row['type'] ? 'author:' . self::int_field( self::dig( $payload, 'author' ), 'id' ) : 'post:' . self::int_field( $payload, 'id' );

			$event_id = is_string( $row['event_id'] ?? null ) ? $row['event_id'] : '';
			$type     = is_string( $row['type'] ?? null ) ? $row['type'] : '';

			$subjects[ $subject ][] = $position[ $event_id ] ?? -1;
			$types[ $subject ][]    = $type;
		}
		$out_of_order = array();
		foreach ( $subjects as $subject => $positions ) {
			$in_order = $positions;
			sort( $in_order );
			if ( $in_order !== $positions ) {
				$out_of_order[] = $subject . ' ' . implode( ',', $types[ $subject ] );
			}
		}
		$this->assertSame( array(), $out_of_order, 'Each post\'s events arrive in the order they happened.' );

		$this->assertNotEmpty( $this->trashed );
		foreach ( $this->trashed as $post_id ) {
			$this->assertSame( 'post.unpublished', end( $types[ 'post:' . $post_id ] ), 'The last word about a trashed post is that it is gone.' );
		}
	}

	/**
	 * Pending rows now.
	 *
	 * @phpstan-impure
	 * @return int
	 */
	private function pending(): int {
		return ( new Outbox() )->counts()['pending'];
	}

	/**
	 * Runs a change as a request of its own: a fresh module listens, and stops listening afterwards.
	 *
	 * @param callable():void $change The change.
	 */
	private function in_a_request( callable $change ): void {
		$this->module = new ContentEvents( new Outbox(), new ServiceRegistry(), null, fn(): int => $this->now );
		$this->module->register_hooks();
		try {
			$change();
		} finally {
			remove_action( 'transition_post_status', array( $this->module, 'on_transition' ) );
			remove_action( 'set_object_terms', array( $this->module, 'on_terms' ) );
			remove_action( 'deleted_post', array( $this->module, 'on_deleted' ) );
			remove_action( 'profile_update', array( $this->module, 'on_profile_update' ) );
			$this->module = null;
		}
	}

	/**
	 * Moves the `index` service to another URL.
	 *
	 * @param string $url Base URL.
	 */
	private function point_service_at( string $url ): void {
		update_option( ServiceRegistry::OPTION, array( 'index' => $url ) );
	}

	/**
	 * A local URL on which nothing listens, so connections are refused.
	 *
	 * @return string
	 */
	private function closed_port_url(): string {
		$probe = stream_socket_server( 'tcp://127.0.0.1:0' );
		$this->assertNotFalse( $probe );
		$name = (string) stream_socket_get_name( $probe, false );
		fclose( $probe );

		return 'http://localhost:' . substr( $name, (int) strrpos( $name, ':' ) + 1 );
	}

	/**
	 * A dispatcher, service client and circuit breaker on the injected clock, without jitter.
	 *
	 * @return Dispatcher
	 */
	private function dispatcher(): Dispatcher {
		$clock = fn(): int => $this->now;

		return new Dispatcher(
			new Outbox(),
			new ServiceClient( new CircuitBreaker( 5, 60, 30, $clock ), new ServiceRegistry() ),
			new ServiceRegistry(),
			new Signature( $clock ),
			Dispatcher::DEFAULT_MAX_ATTEMPTS,
			$clock,
			static fn(): int => 0
		);
	}
}
