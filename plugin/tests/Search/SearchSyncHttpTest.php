<?php
/**
 * The re-index and reconciliation job end to end: a served site, the real search service, the CLI.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Search;

use PHPUnit\Framework\TestCase as PHPUnitTestCase;
use RuntimeException;
use Switchboard\Tests\Support\HttpClient;
use Switchboard\Tests\Support\Process;

/**
 * Serves a site (`bin/wp-server`, `sync-http` on port 8950) with 300 published posts and some hidden ones,
 * runs the search service (`services/search`, port 4750, data in a temporary folder) with the site as its
 * token issuer, and drives `bin/search-reindex` over HTTP: a re-index fills the index with exactly what
 * WordPress publishes; drift made behind the job's back (documents removed, posts edited without events,
 * documents WordPress does not publish) is reported and fixed by a reconciliation, exactly.
 */
final class SearchSyncHttpTest extends PHPUnitTestCase {

	/**
	 * Site name and port (this suite's range: `sync-*` on 8950-8959).
	 */
	private const SITE = 'sync-http';
	private const PORT = 8950;

	/**
	 * The search service's port (this suite's range: 4750-4799).
	 */
	private const SERVICE_PORT = 4750;

	/**
	 * Published posts seeded.
	 */
	private const POSTS = 300;

	/**
	 * The running service.
	 *
	 * @var resource|null
	 */
	private static $service = null;

	/**
	 * The service's data folder.
	 *
	 * @var string
	 */
	private static string $data_dir = '';

	/**
	 * Hidden (draft and private) post ids.
	 *
	 * @var list<int>
	 */
	private static array $hidden = array();

	/**
	 * Resets and serves the site, seeds it, and starts the service.
	 */
	public static function setUpBeforeClass(): void {
		parent::setUpBeforeClass();
		self::wp_server( 'reset', '--port', (string) self::PORT );
		self::write(
			self::content_dir() . '/mu-plugins/switchboard-sync-http-test.php',
			"<?php\n// Installed by SearchSyncHttpTest: the search service's address; no content events to it, so\n// that only the job under test changes the index.\n"
			. "define( 'SWITCHBOARD_SEARCH_URL', 'http://127.0.0.1:" . self::SERVICE_PORT . "' );\n"
			. "add_filter( 'switchboard_services', static function ( \$services ) {\n"
			. "\tforeach ( \$services as \$i => \$service ) {\n"
			. "\t\tif ( is_array( \$service ) && 'search' === ( \$service['id'] ?? '' ) ) {\n"
			. "\t\t\t\$services[ \$i ]['subscribes_to_events'] = false;\n"
			. "\t\t}\n"
			. "\t}\n"
			. "\treturn \$services;\n"
			. "}, 20 );\n"
		);
		$seeded       = self::tool( 'seed', (string) self::POSTS );
		self::$hidden = array();
		foreach ( is_array( $seeded['hidden'] ?? null ) ? $seeded['hidden'] : array() as $id ) {
			self::$hidden[] = is_int( $id ) ? $id : 0;
		}

		self::$data_dir = sys_get_temp_dir() . '/switchboard-sync-http-' . getmypid();
		if ( ! is_dir( self::$data_dir ) ) {
			mkdir( self::$data_dir, 0700, true );
		}
		self::start_service();
	}

	/**
	 * Stops the service and the site.
	 */
	public static function tearDownAfterClass(): void {
		if ( is_resource( self::$service ) ) {
			proc_terminate( self::$service, 15 );
			proc_close( self::$service );
		}
		self::$service = null;
		self::wp_server( 'stop' );
		if ( '' !== self::$data_dir && is_dir( self::$data_dir ) ) {
			Process::run( array( 'rm', '-rf', self::$data_dir ) );
		}
		parent::tearDownAfterClass();
	}

	/**
	 * The CLI's re-index fills the empty index with exactly the published posts, printing a line per step
	 * (not a terminal) and the report, and exits 0.
	 */
	public function test_cli_reindex_fills_the_index(): void {
		$published = self::tool( 'published' );
		$this->assertGreaterThanOrEqual( self::POSTS, count( $published ) );
		$this->assertSame( array(), self::tool( 'manifest' ), 'The index starts empty.' );

		$run = self::cli();
		$this->assertSame( 0, $run['exit_code'], $run['stdout'] . $run['stderr'] );
		$this->assertMatchesRegularExpression( '/^reindex: step 1, \d+%, 100\/' . count( $published ) . ' posts/m', $run['stdout'] );
		$this->assertMatchesRegularExpression( '/^reindex: step 4, 100%/m', $run['stdout'] );
		$this->assertStringContainsString( 'Search index reindex done: ' . count( $published ) . ' published posts checked', $run['stdout'] );
		$this->assertStringContainsString( 'WordPress publishes ' . count( $published ) . ' posts; the index holds ' . count( $published ) . ' documents.', $run['stdout'] );

		$manifest = self::tool( 'manifest' );
		$this->assertSame( array_keys( $published ), array_keys( $manifest ), 'The index holds exactly the published posts.' );
		$this->assertSame( $published, $manifest, 'With the fingerprints WordPress computes.' );
		foreach ( self::$hidden as $id ) {
			$this->assertArrayNotHasKey( $id, $manifest );
		}
	}

	/**
	 * Drift made behind the job's back is found and fixed, exactly: missing, stale and extra documents (two
	 * private posts, as a lost unpublish event would leave them, and one WordPress never had).
	 *
	 * @depends test_cli_reindex_fills_the_index
	 */
	public function test_cli_reconcile_fixes_exactly_the_drift(): void {
		$ids     = array_keys( self::tool( 'published' ) );
		$missing = array( $ids[0], $ids[57], $ids[150], $ids[151], $ids[ count( $ids ) - 1 ] );
		$stale   = array( $ids[10], $ids[120], $ids[220] );
		$extra   = array( self::$hidden[1], self::$hidden[3], 900001 );
		sort( $extra );

		$this->assertSame( array( 'removed' => 5 ), self::tool( 'remove', implode( ',', $missing ) ) );
		self::tool( 'edit-silently', implode( ',', $stale ) );
		self::tool( 'index-unpublished', (string) self::$hidden[1] );
		self::tool( 'index-unpublished', (string) self::$hidden[3] );
		self::tool( 'index-fake', '900001' );
		$this->assertCount( count( $ids ) - 5 + 3, self::tool( 'manifest' ) );

		$run = self::cli( '--reconcile' );
		$this->assertSame( 0, $run['exit_code'], $run['stdout'] . $run['stderr'] );
		$this->assertStringContainsString( 'Search index reconcile done: ' . count( $ids ) . ' published posts checked', $run['stdout'] );
		$this->assertStringContainsString( 'indexed 8, skipped (index had newer) 0, rejected 0, removed 3', $run['stdout'] );
		$this->assertStringContainsString( 'drift found: missing 5, stale 3, extra 3', $run['stdout'] );
		$this->assertStringContainsString( 'fixed missing ids: ' . implode( ', ', $missing ) . "\n", $run['stdout'] );
		$this->assertStringContainsString( 'fixed stale ids: ' . implode( ', ', $stale ) . "\n", $run['stdout'] );
		$this->assertStringContainsString( 'removed extra ids: ' . implode( ', ', $extra ) . "\n", $run['stdout'] );

		$this->assertSame( self::tool( 'published' ), self::tool( 'manifest' ), 'In sync again, fingerprints included.' );

		$again = self::cli( '--reconcile' );
		$this->assertSame( 0, $again['exit_code'] );
		$this->assertStringContainsString( 'drift found: missing 0, stale 0, extra 0', $again['stdout'] );
	}

	/**
	 * With the service stopped, the CLI fails with the service's error and a non-zero exit; once the service
	 * is back, the same command resumes the failed job and finishes it.
	 *
	 * @depends test_cli_reconcile_fixes_exactly_the_drift
	 */
	public function test_cli_fails_clearly_and_resumes(): void {
		if ( is_resource( self::$service ) ) {
			proc_terminate( self::$service, 15 );
			proc_close( self::$service );
		}
		self::$service = null;

		$failed = self::cli( '--reconcile', '--retries', '0' );
		$this->assertSame( 1, $failed['exit_code'], $failed['stdout'] . $failed['stderr'] );
		$this->assertStringContainsString( 'The search service failed while reading the index manifest', $failed['stderr'] );
		$this->assertStringContainsString( 'Run the same command again to resume.', $failed['stderr'] );

		self::start_service();
		$resumed = self::cli( '--reconcile' );
		$this->assertSame( 0, $resumed['exit_code'], $resumed['stdout'] . $resumed['stderr'] );
		$this->assertStringContainsString( 'resuming the failed reconcile', $resumed['stderr'] );
		$this->assertStringContainsString( 'drift found: missing 0, stale 0, extra 0', $resumed['stdout'] );
	}

	/**
	 * Runs bin/search-reindex against the site (output is not a terminal).
	 *
	 * @param string ...$args Extra arguments.
	 * @return array{exit_code: int, stdout: string, stderr: string}
	 */
	private static function cli( string ...$args ): array {
		return Process::run( array_merge( array( 'node', self::root() . '/bin/search-reindex', '--url', 'http://127.0.0.1:' . self::PORT ), array_values( $args ) ), self::root() );
	}

	/**
	 * Runs a SyncSiteTool command in the site.
	 *
	 * @param string ...$args Command and arguments.
	 * @return array<mixed>
	 * @throws RuntimeException When it prints no JSON.
	 */
	private static function tool( string ...$args ): array {
		$out    = self::wp_server( 'php', __DIR__ . '/sync-site-tool.php', ...$args );
		$result = Process::last_json( $out );
		if ( null === $result ) {
			throw new RuntimeException( 'sync-site-tool ' . implode( ' ', $args ) . " printed no JSON:\n" . substr( $out, 0, 2000 ) );
		}

		return $result;
	}

	/**
	 * Starts the search service and waits until it answers.
	 *
	 * @throws RuntimeException When it does not come up.
	 */
	private static function start_service(): void {
		$log     = self::$data_dir . '/service.log';
		$command = array(
			'env',
			'PORT=' . self::SERVICE_PORT,
			'HOST=127.0.0.1',
			'SWITCHBOARD_WORDPRESS_URL=http://127.0.0.1:' . self::PORT,
			'SWITCHBOARD_SEARCH_DATA_DIR=' . self::$data_dir . '/index',
			'LOG_LEVEL=warn',
			'node',
			'--import',
			'tsx',
			'src/main.ts',
		);
		$pipes   = array();
		$process = proc_open( $command, array( array( 'file', '/dev/null', 'r' ), array( 'file', $log, 'a' ), array( 'file', $log, 'a' ) ), $pipes, self::root() . '/services/search' );
		if ( ! is_resource( $process ) ) {
			throw new RuntimeException( 'Could not start the search service.' );
		}
		self::$service = $process;
		$deadline      = microtime( true ) + 30;
		while ( microtime( true ) < $deadline ) {
			$status = proc_get_status( $process );
			if ( ! $status['running'] ) {
				throw new RuntimeException( "The search service exited:\n" . (string) file_get_contents( $log ) );
			}
			try {
				if ( 200 === HttpClient::request( 'http://127.0.0.1:' . self::SERVICE_PORT . '/health' )['status'] ) {
					return;
				}
			} catch ( RuntimeException $e ) {
				unset( $e ); // Not listening yet.
			}
			usleep( 200000 );
		}
		throw new RuntimeException( "The search service did not answer in 30 s:\n" . (string) file_get_contents( $log ) );
	}

	/**
	 * Runs bin/wp-server for the site.
	 *
	 * @param string ...$args Command and arguments.
	 * @return string Standard output.
	 * @throws RuntimeException When it fails.
	 */
	private static function wp_server( string ...$args ): string {
		$command = array_merge( array( self::root() . '/bin/wp-server', $args[0], '--name', self::SITE ), array_slice( $args, 1 ) );
		$run     = Process::run( array_values( $command ), self::root() );
		if ( 0 !== $run['exit_code'] ) {
			throw new RuntimeException( 'bin/wp-server ' . implode( ' ', $args ) . " failed:\n{$run['stdout']}\n{$run['stderr']}" );
		}

		return $run['stdout'];
	}

	/**
	 * Writes a file, creating its folder.
	 *
	 * @param string $file    Path.
	 * @param string $content Content.
	 */
	private static function write( string $file, string $content ): void {
		if ( ! is_dir( dirname( $file ) ) ) {
			mkdir( dirname( $file ), 0755, true );
		}
		file_put_contents( $file, $content );
	}

	/**
	 * The site's wp-content folder.
	 *
	 * @return string
	 */
	private static function content_dir(): string {
		return self::root() . '/.cache/sites/' . self::SITE . '/wp-content';
	}

	/**
	 * Repository root.
	 *
	 * @return string
	 */
	private static function root(): string {
		return dirname( __DIR__, 3 );
	}
}
