<?php
/**
 * The WordPress site the PHPUnit process runs in.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

use RuntimeException;

/**
 * Sets up a fresh WordPress for each PHPUnit run and loads it into the PHPUnit process.
 *
 * The site is new every run (its own folder and SQLite file under the system's temporary folder), is
 * installed (English, with German available) and has the plugin activated, each in a separate process, like the install screen and the
 * plugins screen would, and is then loaded here with the plugin active. Errors raised on the way are kept
 * for the activation test; any that no test reported fail the run when PHP shuts down.
 *
 * Environment variables: `SWITCHBOARD_WP_CORE_DIR` (default `.cache/wordpress/core`, which
 * bin/provision-wordpress fills), `SWITCHBOARD_SQLITE_ZIP` (default: the zip shipped in
 * `node_modules/@wp-playground`), `SWITCHBOARD_KEEP_TEST_SITES=1` to keep the sites for inspection.
 */
final class TestEnvironment {

	/**
	 * A language installed in the site besides English, for tests that switch locale.
	 */
	public const SECOND_LOCALE = 'de_DE';

	/**
	 * The environment of this process.
	 *
	 * @var TestEnvironment|null
	 */
	private static ?TestEnvironment $current = null;

	/**
	 * The site loaded into this process.
	 *
	 * @var Site|null
	 */
	private ?Site $site = null;

	/**
	 * Reports of the set-up requests, by command.
	 *
	 * @var array<string, SiteReport>
	 */
	private array $reports = array();

	/**
	 * Errors raised while setting up, in any process.
	 *
	 * @var list<array{type: string, message: string, file: string, line: int}>
	 */
	private array $setup_errors = array();

	/**
	 * Whether a test has taken the set-up errors to report them.
	 *
	 * @var bool
	 */
	private bool $setup_errors_taken = false;

	/**
	 * Number of temporary folders handed out.
	 *
	 * @var int
	 */
	private int $temp_dirs = 0;

	/**
	 * Stores the environment's paths.
	 *
	 * @param string         $repo_dir   Repository root.
	 * @param string         $core_dir   WordPress core folder.
	 * @param string         $sqlite_zip The SQLite Database Integration plugin's zip.
	 * @param string         $work_dir   Folder for this run's sites and fixtures.
	 * @param ErrorCollector $collector  Errors raised in this process.
	 */
	private function __construct(
		public readonly string $repo_dir,
		public readonly string $core_dir,
		public readonly string $sqlite_zip,
		public readonly string $work_dir,
		public readonly ErrorCollector $collector
	) {
	}

	/**
	 * Creates, installs and loads this run's site (PHPUnit's bootstrap calls this once).
	 *
	 * @return self
	 * @throws RuntimeException When WordPress or SQLite support is missing, or the site cannot be set up.
	 */
	public static function bootstrap(): self {
		$repo_dir = dirname( __DIR__, 3 );
		$core_dir = rtrim( self::env( 'SWITCHBOARD_WP_CORE_DIR', $repo_dir . '/.cache/wordpress/core' ), '/' );
		if ( ! is_file( $core_dir . '/wp-settings.php' ) ) {
			throw new RuntimeException( "No WordPress core in {$core_dir}: run bin/provision-wordpress (bin/test-php does), or set SWITCHBOARD_WP_CORE_DIR." );
		}

		$work_dir = sys_get_temp_dir() . '/switchboard-phpunit-' . getmypid() . '-' . bin2hex( random_bytes( 4 ) );
		Site::make_dir( $work_dir );

		$environment   = new self( $repo_dir, $core_dir, self::find_sqlite_zip( $repo_dir ), $work_dir, new ErrorCollector() );
		self::$current = $environment;
		register_shutdown_function(
			static function () use ( $environment ): void {
				// Registered from a shutdown function, this runs after WordPress's own shutdown work.
				register_shutdown_function( array( $environment, 'shutdown' ) );
			}
		);

		$environment->set_up_site();
		return $environment;
	}

	/**
	 * The environment of this process.
	 *
	 * @return self
	 * @throws RuntimeException Before bootstrap().
	 */
	public static function get(): self {
		if ( null === self::$current ) {
			throw new RuntimeException( 'The test environment is not bootstrapped; run PHPUnit with phpunit.xml.dist.' );
		}

		return self::$current;
	}

	/**
	 * The site loaded into this process.
	 *
	 * @return Site
	 * @throws RuntimeException Before the site is set up.
	 */
	public function site(): Site {
		if ( null === $this->site ) {
			throw new RuntimeException( 'The site is not set up yet.' );
		}

		return $this->site;
	}

	/**
	 * The report of a set-up request: `install` or `activate`.
	 *
	 * @param string $command Command name.
	 * @return SiteReport
	 * @throws RuntimeException For a command that did not run.
	 */
	public function setup_report( string $command ): SiteReport {
		if ( ! isset( $this->reports[ $command ] ) ) {
			throw new RuntimeException( "No {$command} request ran." );
		}

		return $this->reports[ $command ];
	}

	/**
	 * Returns the errors raised while setting up, and marks them as reported.
	 *
	 * @return list<array{type: string, message: string, file: string, line: int}>
	 */
	public function take_setup_errors(): array {
		$this->setup_errors_taken = true;
		return $this->setup_errors;
	}

	/**
	 * Creates another site for this run, e.g. one with a different language.
	 *
	 * @param string $name        Folder name, unique within the run.
	 * @param bool   $copy_plugin Copy the plugin into the site instead of linking it.
	 * @return Site
	 */
	public function create_site( string $name, bool $copy_plugin = false ): Site {
		return Site::create( $this->work_dir . '/' . $name, $this->core_dir, $this->sqlite_zip, $this->repo_dir . '/plugin', $copy_plugin );
	}

	/**
	 * Creates another site with extra wp-config.php constants and, if asked, the Redis object-cache drop-in,
	 * then installs WordPress and activates the plugin in it.
	 *
	 * @param string               $name      Folder name, unique within the run.
	 * @param array<string, mixed> $constants Constants to define in wp-config.php.
	 * @param bool                 $drop_in   Whether to link plugin/dropins/object-cache.php.
	 * @return Site
	 * @throws RuntimeException When the site cannot be set up.
	 */
	public function create_active_site( string $name, array $constants = array(), bool $drop_in = false ): Site {
		$site = $this->create_site( $name );
		if ( $drop_in && ! symlink( $this->repo_dir . '/plugin/dropins/object-cache.php', $site->content_dir() . '/object-cache.php' ) ) {
			throw new RuntimeException( 'Could not link the drop-in.' );
		}

		$defines = '';
		foreach ( $constants as $constant => $value ) {
			$defines .= sprintf( "define( '%s', %s );\n", $constant, var_export( $value, true ) ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export -- writes a PHP literal.
		}
		$config = (string) file_get_contents( $site->config_file() );
		Site::write_file( $site->config_file(), preg_replace( '/^<\?php\n/', "<?php\n" . $defines, $config, 1 ) ?? $config );

		foreach ( array( 'install', 'activate' ) as $command ) {
			$report = $site->run( $command );
			if ( ! $report->completed || 0 !== $report->exit_code || array() !== $report->errors ) {
				throw new RuntimeException( "The {$command} request of {$name} failed: " . $report->describe() );
			}
		}

		return $site;
	}

	/**
	 * Creates an empty folder that is removed with the run's other files.
	 *
	 * @param string $name A readable part of the folder name.
	 * @return string The folder.
	 */
	public function create_temp_dir( string $name ): string {
		++$this->temp_dirs;
		$dir = sprintf( '%s/tmp-%d-%s', $this->work_dir, $this->temp_dirs, $name );
		Site::make_dir( $dir );
		return $dir;
	}

	/**
	 * Fails the run for errors nobody reported, then removes the run's files (a shutdown function).
	 */
	public function shutdown(): void {
		$unreported = $this->collector->claim();
		if ( ! $this->setup_errors_taken ) {
			$unreported = array_merge( $this->setup_errors, $unreported );
		}

		if ( '1' !== self::env( 'SWITCHBOARD_KEEP_TEST_SITES', '' ) ) {
			Site::remove_directory( $this->work_dir );
		}

		if ( array() !== $unreported ) {
			fwrite( STDERR, "\nPHP or WordPress reported problems outside any test:\n" . ErrorCollector::format( $unreported ) . "\n" );
			exit( 1 );
		}
	}

	/**
	 * Creates the site, installs it and activates the plugin in separate processes, then loads it here.
	 *
	 * @throws RuntimeException When a set-up request fails.
	 */
	private function set_up_site(): void {
		$this->site = $this->create_site( 'site' );
		// German is installed (though not used) so tests can switch_to_locale(); WordPress lists the
		// languages a site may switch to once, while it boots.
		$this->site->write_translations( $this->site->languages_dir(), 'default', self::SECOND_LOCALE, array() );

		foreach ( array( 'install', 'activate' ) as $command ) {
			$report = $this->site->run( $command );
			if ( ! $report->completed || 0 !== $report->exit_code ) {
				throw new RuntimeException( "The {$command} request failed: " . $report->describe() );
			}

			$this->reports[ $command ] = $report;
			$this->setup_errors        = array_merge( $this->setup_errors, $report->errors );
		}

		$this->collector->start();
		$this->collector->listen_to_wordpress();
		$this->site->load();

		$this->setup_errors = array_merge( $this->setup_errors, $this->collector->claim() );
	}

	/**
	 * Finds the SQLite Database Integration plugin's zip, which npm installs with WordPress Playground.
	 *
	 * @param string $repo_dir Repository root.
	 * @return string
	 * @throws RuntimeException When there is none.
	 */
	private static function find_sqlite_zip( string $repo_dir ): string {
		$zip = self::env( 'SWITCHBOARD_SQLITE_ZIP', '' );
		if ( '' !== $zip ) {
			return $zip;
		}

		foreach ( array( '/*/', '/*/*/', '/*/*/*/' ) as $depth ) {
			$found = glob( $repo_dir . '/node_modules/@wp-playground' . $depth . 'sqlite-database-integration*.zip' );
			if ( false !== $found && array() !== $found ) {
				return $found[0];
			}
		}

		throw new RuntimeException( 'No sqlite-database-integration zip under node_modules/@wp-playground: run npm install, or set SWITCHBOARD_SQLITE_ZIP.' );
	}

	/**
	 * An environment variable, or a default when it is unset or empty.
	 *
	 * @param string $name    Variable name.
	 * @param string $default Default value.
	 * @return string
	 */
	private static function env( string $name, string $default ): string {
		$value = getenv( $name );
		return false === $value || '' === $value ? $default : $value;
	}
}
