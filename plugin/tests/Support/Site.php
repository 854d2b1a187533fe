<?php
/**
 * A throwaway WordPress site on SQLite.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

use RuntimeException;
use ZipArchive;

/**
 * Builds and drives a disposable WordPress site: its own wp-content, SQLite database, wp-config.php
 * (WP_DEBUG on) and the plugin under test, over a shared, read-only WordPress core.
 *
 * Core's folder is never written to: wp-config.php lives in the site folder and is loaded directly
 * (it requires core's wp-settings.php), the way wp-load.php would load it.
 */
final class Site {

	/**
	 * Host name the site believes it has; nothing listens there.
	 */
	public const HOST = 'example.org';

	/**
	 * The site's address.
	 */
	public const URL = 'http://' . self::HOST;

	/**
	 * The plugin under test, relative to the plugins folder.
	 */
	public const PLUGIN = 'switchboard/switchboard.php';

	/**
	 * Folder of the SQLite integration plugin inside the plugins folder.
	 */
	private const SQLITE_PLUGIN = 'sqlite-database-integration';

	/**
	 * Points at an existing site folder.
	 *
	 * @param string $dir      Site folder.
	 * @param string $core_dir WordPress core folder.
	 */
	public function __construct(
		public readonly string $dir,
		public readonly string $core_dir
	) {
	}

	/**
	 * Creates a new site folder. The database is created by the `install` command of run().
	 *
	 * @param string $dir           Folder to create; must not exist.
	 * @param string $core_dir      WordPress core folder.
	 * @param string $sqlite_zip    The SQLite Database Integration plugin's zip.
	 * @param string $plugin_source The plugin's source folder.
	 * @param bool   $copy_plugin   Copy the plugin (without its tests) instead of linking it, so the
	 *                              copy can be given extra files such as translations.
	 * @return self
	 * @throws RuntimeException When a file cannot be written.
	 */
	public static function create( string $dir, string $core_dir, string $sqlite_zip, string $plugin_source, bool $copy_plugin = false ): self {
		if ( file_exists( $dir ) ) {
			throw new RuntimeException( "Site folder {$dir} already exists." );
		}

		$site = new self( $dir, rtrim( $core_dir, '/' ) );
		foreach ( array( 'plugins', 'mu-plugins', 'themes', 'uploads', 'database', 'languages/plugins' ) as $folder ) {
			self::make_dir( $site->content_dir() . '/' . $folder );
		}

		$site->install_sqlite( $sqlite_zip );
		$site->install_plugin( $plugin_source, $copy_plugin );
		$site->write_mu_plugin();
		$site->write_config();

		return $site;
	}

	/**
	 * The site's wp-content folder.
	 *
	 * @return string
	 */
	public function content_dir(): string {
		return $this->dir . '/wp-content';
	}

	/**
	 * The plugin's folder inside the site (a link to the source, or a copy).
	 *
	 * @return string
	 */
	public function plugin_dir(): string {
		return $this->content_dir() . '/plugins/' . dirname( self::PLUGIN );
	}

	/**
	 * The site's WP_LANG_DIR.
	 *
	 * @return string
	 */
	public function languages_dir(): string {
		return $this->content_dir() . '/languages';
	}

	/**
	 * The site's wp-config.php.
	 *
	 * @return string
	 */
	public function config_file(): string {
		return $this->dir . '/wp-config.php';
	}

	/**
	 * The file WordPress logs errors to (WP_DEBUG_LOG).
	 *
	 * @return string
	 */
	public function debug_log(): string {
		return $this->dir . '/debug.log';
	}

	/**
	 * Contents of the debug log, or an empty string when nothing was logged.
	 *
	 * @return string
	 */
	public function read_debug_log(): string {
		return is_file( $this->debug_log() ) ? (string) file_get_contents( $this->debug_log() ) : '';
	}

	/**
	 * Loads WordPress for this site into the current process, as a front-end request would.
	 *
	 * PHPUnit includes its bootstrap inside a function, so WordPress's file-level variables would be
	 * local: the globals that WordPress and its configuration set at file level are declared here.
	 */
	public function load(): void {
		global $wpdb, $table_prefix, $current_site, $current_blog, $wp_rewrite, $shortcode_tags, $wp, $phpmailer, $wp_theme_directories;

		self::fake_request();
		require $this->config_file();
	}

	/**
	 * Runs one request against the site in a separate PHP process (see run-site.php for the commands).
	 *
	 * @param string       $command `install`, `activate` or `boot`.
	 * @param list<string> $options Command options, e.g. `--locale=de_DE`.
	 * @return SiteReport
	 * @throws RuntimeException When the process cannot start.
	 */
	public function run( string $command, array $options = array() ): SiteReport {
		$finished = Process::run( array_merge( array( PHP_BINARY, __DIR__ . '/run-site.php', $this->dir, $this->core_dir, $command ), $options ) );

		return SiteReport::from_process( $finished['exit_code'], $finished['stdout'], $finished['stderr'] );
	}

	/**
	 * Starts a PHP script against the site in a process of its own and returns at once, so that several can
	 * run together. The script gets the site folder and core folder as its first two arguments (as
	 * run-site.php does), then `$arguments`; wait_for_script() collects what it printed.
	 *
	 * @param string       $script    Absolute path of the script.
	 * @param list<string> $arguments Further arguments.
	 * @return array{process: resource, stdout: resource, stderr: resource}
	 * @throws RuntimeException When the process cannot start.
	 */
	public function start_script( string $script, array $arguments = array() ): array {
		return Process::start( array_merge( array( PHP_BINARY, $script, $this->dir, $this->core_dir ), $arguments ) );
	}

	/**
	 * Waits for a process that start_script() started and returns its exit code and output.
	 *
	 * @param array{process: resource, stdout: resource, stderr: resource} $running The process.
	 * @return array{exit_code: int, stdout: string, stderr: string}
	 */
	public static function wait_for_script( array $running ): array {
		return Process::finish( $running );
	}

	/**
	 * Writes a PHP translation file (the `.l10n.php` format WordPress 6.5+ reads).
	 *
	 * A site language is only accepted when WordPress's own translation for it exists, so a site in a
	 * language needs a `default` domain file in languages_dir() too (it may hold no messages).
	 *
	 * @param string                $dir      Folder to write to.
	 * @param string                $domain   Text domain; `default` for WordPress's own strings.
	 * @param string                $locale   Locale, e.g. `de_DE`.
	 * @param array<string, string> $messages Original strings mapped to translations.
	 * @return string The file written.
	 */
	public function write_translations( string $dir, string $domain, string $locale, array $messages ): string {
		$file = 'default' === $domain ? "{$dir}/{$locale}.l10n.php" : "{$dir}/{$domain}-{$locale}.l10n.php";
		self::make_dir( $dir );
		self::write_file(
			$file,
			'<?php return ' . var_export(
				array(
					'domain'       => $domain,
					'language'     => $locale,
					'plural-forms' => 'nplurals=2; plural=(n != 1);',
					'messages'     => $messages,
				),
				true
			) . ';'
		);

		return $file;
	}

	/**
	 * Deletes a folder and everything in it, without following links out of it.
	 *
	 * @param string $dir Folder to delete.
	 */
	public static function remove_directory( string $dir ): void {
		if ( is_link( $dir ) || is_file( $dir ) ) {
			unlink( $dir );
			return;
		}

		if ( ! is_dir( $dir ) ) {
			return;
		}

		foreach ( (array) scandir( $dir ) as $entry ) {
			if ( '.' !== $entry && '..' !== $entry ) {
				self::remove_directory( $dir . '/' . $entry );
			}
		}
		rmdir( $dir );
	}

	/**
	 * Creates a folder and its parents.
	 *
	 * @param string $dir Folder.
	 * @throws RuntimeException When it cannot be created.
	 */
	public static function make_dir( string $dir ): void {
		if ( ! is_dir( $dir ) && ! mkdir( $dir, 0777, true ) && ! is_dir( $dir ) ) {
			throw new RuntimeException( "Could not create {$dir}." );
		}
	}

	/**
	 * Writes a file.
	 *
	 * @param string $file     Path.
	 * @param string $contents Contents.
	 * @throws RuntimeException When it cannot be written.
	 */
	public static function write_file( string $file, string $contents ): void {
		if ( false === file_put_contents( $file, $contents ) ) {
			throw new RuntimeException( "Could not write {$file}." );
		}
	}

	/**
	 * Sets the request variables WordPress reads, as a command-line process has none.
	 */
	private static function fake_request(): void {
		$_SERVER['HTTP_HOST']       = self::HOST;
		$_SERVER['SERVER_NAME']     = self::HOST;
		$_SERVER['SERVER_PORT']     = '80';
		$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
		$_SERVER['REQUEST_METHOD']  = 'GET';
		$_SERVER['REQUEST_URI']     = '/';
		$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
		$_SERVER['PHP_SELF']        = '/index.php';
		$GLOBALS['PHP_SELF']        = '/index.php';
	}

	/**
	 * Unpacks the SQLite integration plugin and installs its db.php drop-in.
	 *
	 * @param string $zip The plugin's zip.
	 * @throws RuntimeException When the zip cannot be read or has no plugin.
	 */
	private function install_sqlite( string $zip ): void {
		$archive = new ZipArchive();
		$unpack  = $this->dir . '/.sqlite-unpack';
		if ( true !== $archive->open( $zip ) || ! $archive->extractTo( $unpack ) ) {
			throw new RuntimeException( "Could not unpack {$zip}." );
		}
		$archive->close();

		$load = glob( $unpack . '/*/load.php' );
		if ( false === $load || array() === $load ) {
			throw new RuntimeException( "{$zip} holds no plugin folder with load.php." );
		}

		$plugin = $this->content_dir() . '/plugins/' . self::SQLITE_PLUGIN;
		rename( dirname( $load[0] ), $plugin );
		self::remove_directory( $unpack );

		$drop_in = (string) file_get_contents( $plugin . '/db.copy' );
		self::write_file(
			$this->content_dir() . '/db.php',
			str_replace(
				array( '{SQLITE_IMPLEMENTATION_FOLDER_PATH}', '{SQLITE_PLUGIN}' ),
				array( $plugin, self::SQLITE_PLUGIN . '/load.php' ),
				$drop_in
			)
		);
	}

	/**
	 * Puts the plugin into the plugins folder.
	 *
	 * @param string $source Plugin source folder.
	 * @param bool   $copy   Copy instead of linking.
	 * @throws RuntimeException When the link cannot be made.
	 */
	private function install_plugin( string $source, bool $copy ): void {
		if ( ! $copy ) {
			if ( ! symlink( $source, $this->plugin_dir() ) ) {
				throw new RuntimeException( "Could not link {$source}." );
			}
			return;
		}

		self::copy_directory( $source, $this->plugin_dir(), array( 'tests' ) );
	}

	/**
	 * Copies a folder, leaving out some top-level entries.
	 *
	 * @param string       $from    Source folder.
	 * @param string       $to      Target folder.
	 * @param list<string> $exclude Top-level names to leave out.
	 */
	private static function copy_directory( string $from, string $to, array $exclude = array() ): void {
		self::make_dir( $to );
		foreach ( (array) scandir( $from ) as $entry ) {
			$entry = (string) $entry;
			if ( '.' === $entry || '..' === $entry || in_array( $entry, $exclude, true ) ) {
				continue;
			}

			if ( is_dir( "{$from}/{$entry}" ) ) {
				self::copy_directory( "{$from}/{$entry}", "{$to}/{$entry}" );
			} else {
				copy( "{$from}/{$entry}", "{$to}/{$entry}" );
			}
		}
	}

	/**
	 * Adds a must-use plugin with the site's test-only settings.
	 */
	private function write_mu_plugin(): void {
		self::write_file(
			$this->content_dir() . '/mu-plugins/switchboard-test-site.php',
			"<?php\n// Test sites send no mail: wp_mail() reports success without sending anything.\nadd_filter( 'pre_wp_mail', '__return_true' );\n"
		);
	}

	/**
	 * Writes wp-config.php: SQLite, debugging on, no cron, no outgoing HTTP, fresh salts.
	 */
	private function write_config(): void {
		$constants = array(
			'DB_NAME'                    => 'switchboard_tests',
			'DB_USER'                    => '',
			'DB_PASSWORD'                => '',
			'DB_HOST'                    => '',
			'DB_CHARSET'                 => 'utf8mb4',
			'DB_COLLATE'                 => '',
			'DB_DIR'                     => $this->content_dir() . '/database/',
			'DB_FILE'                    => '.ht.sqlite',
			'WP_CONTENT_DIR'             => $this->content_dir(),
			'WP_CONTENT_URL'             => self::URL . '/wp-content',
			'WP_HOME'                    => self::URL,
			'WP_SITEURL'                 => self::URL,
			'WP_DEBUG'                   => true,
			'WP_DEBUG_LOG'               => $this->debug_log(),
			'WP_DEBUG_DISPLAY'           => false,
			'WP_ENVIRONMENT_TYPE'        => 'local',
			'DISABLE_WP_CRON'            => true,
			'WP_HTTP_BLOCK_EXTERNAL'     => true,
			'AUTOMATIC_UPDATER_DISABLED' => true,
			'WP_AUTO_UPDATE_CORE'        => false,
		);
		foreach ( array( 'AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE' ) as $scheme ) {
			$constants[ $scheme . '_KEY' ]  = bin2hex( random_bytes( 32 ) );
			$constants[ $scheme . '_SALT' ] = bin2hex( random_bytes( 32 ) );
		}

		$config = "<?php\n// Written by Switchboard's PHP test harness for a throwaway site.\nglobal \$table_prefix;\n\$table_prefix = 'wp_';\n";
		foreach ( $constants as $name => $value ) {
			$config .= sprintf( "define( '%s', %s );\n", $name, var_export( $value, true ) );
		}
		$config .= sprintf( "if ( ! defined( 'ABSPATH' ) ) {\n\tdefine( 'ABSPATH', %s );\n}\nrequire_once ABSPATH . 'wp-settings.php';\n", var_export( $this->core_dir . '/', true ) );

		self::write_file( $this->config_file(), $config );
	}
}
