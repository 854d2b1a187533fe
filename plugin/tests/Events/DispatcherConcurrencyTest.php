<?php
/**
 * Tests several dispatcher processes working one outbox at once.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Events;

use PDO;
use RuntimeException;
use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\SiteReport;
use Switchboard\Tests\Support\TestEnvironment;
use Switchboard\Tests\Support\UsesFaultServer;
use Switchboard\Tests\TestCase;

/**
 * Four PHP processes, each a WordPress request on one site of their own (so the PHPUnit process's test
 * transaction cannot hold its database), run the site's dispatcher together over a few hundred pending
 * events: the upstream receives each event exactly once, and each post's events in order.
 */
final class DispatcherConcurrencyTest extends TestCase {

	use UsesFaultServer;

	/**
	 * Dispatcher processes racing.
	 */
	private const PROCESSES = 4;

	/**
	 * Posts the events are about.
	 */
	private const SUBJECTS = 40;

	/**
	 * Events per post and service.
	 */
	private const EVENTS = 4;

	/**
	 * The site the processes run in.
	 *
	 * @var Site|null
	 */
	private static ?Site $site = null;

	/**
	 * Reports of installing and activating.
	 *
	 * @var list<SiteReport>
	 */
	private static array $setup = array();

	/**
	 * Starts the upstream, and creates, installs and activates the site, once for the class.
	 */
	public static function set_up_before_class(): void {
		parent::set_up_before_class();
		self::start_upstream();

		self::$site  = TestEnvironment::get()->create_site( 'dispatch-race' );
		self::$setup = array(
			self::$site->run( 'install' ),
			self::$site->run( 'activate' ),
		);
	}

	/**
	 * Every event is claimed by one process only, and delivered once, in each post's order.
	 */
	public function test_concurrent_dispatchers_deliver_each_event_exactly_once(): void {
		foreach ( self::$setup as $report ) {
			$this->assertTrue( $report->completed, $report->describe() );
			$this->assertSame( array(), $report->errors, $report->describe() );
		}
		self::upstream()->reset();

		$rows = count( ConcurrentDispatcher::SERVICES ) * self::SUBJECTS * self::EVENTS;
		$seed = $this->finish( $this->site()->start_script( __DIR__ . '/dispatch-in-site.php', array( 'seed', self::upstream()->url(), (string) self::SUBJECTS, (string) self::EVENTS ) ) );
		$this->assertSame( $rows, $seed['rows'] ?? null );
		// A little latency keeps every process busy at once.
		self::upstream()->set( array( 'latency_ms' => 3 ) );

		$start_at  = microtime( true ) + 2.0; // Every process has loaded WordPress by then, and they all start together.
		$processes = array();
		for ( $i = 0; $i < self::PROCESSES; ++$i ) {
			$processes[] = $this->site()->start_script( __DIR__ . '/dispatch-in-site.php', array( 'dispatch', sprintf( '%.6F', $start_at ), '60' ) );
		}
		$reports = array_map( array( $this, 'finish' ), $processes );

		$summary = (string) wp_json_encode( $reports );
		$this->assertSame( $rows, array_sum( array_column( $reports, 'delivered' ) ), $summary );
		$this->assertSame( 0, array_sum( array_column( $reports, 'failed' ) ) + array_sum( array_column( $reports, 'dead' ) ), $summary );
		$this->assertGreaterThanOrEqual( 2, count( array_filter( array_column( $reports, 'delivered' ) ) ), 'The processes shared the work: ' . $summary );
		$this->assertSame( '', $this->site()->read_debug_log() );

		// The upstream saw each event once, and each service saw each post's events in order.
		$stored   = $this->stored_rows();
		$received = array();
		$order    = array();
		foreach ( self::upstream()->requests() as $request ) {
			$received[] = $request['headers']['switchboard-event-id'] ?? '';
			$body       = json_decode( $request['body'], true );
			$this->assertIsArray( $body );
			$data = is_array( $body['data'] ?? null ) ? $body['data'] : array();
			$this->assertIsString( $data['service'] ?? null );
			$this->assertIsInt( $data['id'] ?? null );
			$order[ $data['service'] . ':' . $data['id'] ][] = $data['n'] ?? null;
		}
		$this->assertCount( $rows, $received );
		$this->assertSame( array(), array_keys( array_filter( array_count_values( $received ), static fn( int $n ): bool => $n > 1 ) ), 'No event was sent twice.' );
		$expected = array_column( $stored, 'event_id' );
		sort( $expected );
		sort( $received );
		$this->assertSame( $expected, $received );
		$this->assertCount( count( ConcurrentDispatcher::SERVICES ) * self::SUBJECTS, $order );
		foreach ( $order as $subject => $sequence ) {
			$this->assertSame( range( 1, self::EVENTS ), $sequence, "Events about {$subject} arrived in order." );
		}

		foreach ( $stored as $row ) {
			$this->assertSame( 'delivered', $row['status'] );
			$this->assertSame( '', $row['lease'] );
			$this->assertSame( '0', is_scalar( $row['attempts'] ) ? (string) $row['attempts'] : '' );
		}
	}

	/**
	 * Waits for a process and decodes its JSON report.
	 *
	 * @param array{process: resource, stdout: resource, stderr: resource} $running Process.
	 * @return array<mixed>
	 */
	private function finish( array $running ): array {
		$result = Site::wait_for_script( $running );
		$this->assertSame( 0, $result['exit_code'], $result['stdout'] . $result['stderr'] );
		$this->assertSame( '', $result['stderr'] );
		$report = json_decode( $result['stdout'], true );
		$this->assertIsArray( $report, $result['stdout'] );

		return $report;
	}

	/**
	 * The outbox's rows, read straight from the site's SQLite file.
	 *
	 * @return list<array<mixed>>
	 */
	private function stored_rows(): array {
		$database = new PDO( 'sqlite:' . $this->site()->content_dir() . '/database/.ht.sqlite' );
		$query    = $database->query( 'SELECT * FROM wp_switchboard_outbox ORDER BY id' );
		$this->assertNotFalse( $query );
		$rows = array();
		foreach ( $query->fetchAll( PDO::FETCH_ASSOC ) as $row ) {
			$this->assertIsArray( $row );
			$rows[] = $row;
		}

		return $rows;
	}

	/**
	 * The site.
	 *
	 * @return Site
	 * @throws RuntimeException Before set_up_before_class().
	 */
	private function site(): Site {
		if ( null === self::$site ) {
			throw new RuntimeException( 'The site is not set up.' );
		}

		return self::$site;
	}
}
