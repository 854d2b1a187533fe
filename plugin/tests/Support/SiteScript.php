<?php
/**
 * One request against a test site, in its own PHP process.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

use InvalidArgumentException;
use Switchboard\Plugin;
use WP_Block_Editor_Context;
use WP_Block_Type_Registry;

/**
 * The body of run-site.php: loads WordPress for a test site the way one real request would, does one
 * thing, and prints a JSON report (errors, stray output, debug log, probed values) even when the request
 * dies half-way. A fresh process per request is what makes "activating on a clean site" real: nothing
 * the PHPUnit process loaded can leak into it.
 *
 * Commands:
 * - `install [--locale=de_DE]`: installs WordPress, as install.php does.
 * - `activate`: activates the plugin as an administrator in wp-admin, as plugins.php does.
 * - `boot [--admin] [--wp-version=6.5] [--early-translation]`: a request with the plugin active; reports
 *   the locale, a translated string, the plugin's blocks and block category, and (with `--admin`) the
 *   admin notices an administrator sees. `--wp-version` makes WordPress report an older version to
 *   plugins; `--early-translation` translates a plugin string on `plugins_loaded`, too early on purpose.
 */
final class SiteScript {

	/**
	 * Errors raised in this process.
	 *
	 * @var ErrorCollector
	 */
	private ErrorCollector $collector;

	/**
	 * Values probed for the report.
	 *
	 * @var array<string, mixed>
	 */
	private array $data = array();

	/**
	 * Whether the command ran to its end.
	 *
	 * @var bool
	 */
	private bool $completed = false;

	/**
	 * Sets the site to run against.
	 *
	 * @param Site $site The site.
	 */
	public function __construct( private readonly Site $site ) {
		$this->collector = new ErrorCollector();
	}

	/**
	 * Entry point of run-site.php.
	 *
	 * @param list<string> $argv Command line: script, site folder, core folder, command, options.
	 * @return int Exit code.
	 */
	public static function main( array $argv ): int {
		if ( count( $argv ) < 4 ) {
			fwrite( STDERR, "Usage: php run-site.php <site dir> <core dir> install|activate|boot [options]\n" );
			return 2;
		}

		( new self( new Site( $argv[1], $argv[2] ) ) )->run( $argv[3], array_slice( $argv, 4 ) );
		return 0;
	}

	/**
	 * The command-line arguments as a list of strings.
	 *
	 * @param mixed $argv `$_SERVER['argv']`.
	 * @return list<string>
	 */
	public static function arguments( mixed $argv ): array {
		$arguments = array();
		foreach ( is_array( $argv ) ? $argv : array() as $argument ) {
			$arguments[] = is_scalar( $argument ) ? (string) $argument : '';
		}

		return $arguments;
	}

	/**
	 * Runs a command; the report is printed when the process shuts down.
	 *
	 * @param string       $command Command name.
	 * @param list<string> $options Command options.
	 * @throws InvalidArgumentException For an unknown command.
	 */
	public function run( string $command, array $options ): void {
		ob_start();
		// Registered from a shutdown function, the report runs after WordPress's own shutdown work.
		register_shutdown_function(
			function (): void {
				register_shutdown_function( array( $this, 'print_report' ) );
			}
		);
		$this->collector->start();
		$this->collector->listen_to_wordpress();

		match ( $command ) {
			'install'  => $this->install( self::option( $options, 'locale' ) ?? '' ),
			'activate' => $this->activate(),
			'boot'     => $this->boot( $options ),
			default    => throw new InvalidArgumentException( "Unknown command {$command}." ),
		};

		$this->completed = true;
	}

	/**
	 * Prints the JSON report (a shutdown function, so it also runs after `exit` or a fatal error).
	 */
	public function print_report(): void {
		$output = '';
		while ( ob_get_level() > 0 ) {
			$output = (string) ob_get_clean() . $output;
		}

		$last = error_get_last();
		if ( null !== $last && in_array( $last['type'], array( E_ERROR, E_PARSE, E_CORE_ERROR, E_COMPILE_ERROR, E_USER_ERROR ), true ) ) {
			$this->collector->add(
				array(
					'type'    => 'fatal',
					'message' => $last['message'],
					'file'    => $last['file'],
					'line'    => $last['line'],
				)
			);
		}

		// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON for the parent process; WordPress may not have loaded.
		echo "\n" . SiteReport::MARKER . "\n" . json_encode(
			array(
				'completed' => $this->completed,
				'output'    => $output,
				'errors'    => $this->collector->all(),
				'debug_log' => $this->site->read_debug_log(),
				'data'      => $this->data,
			),
			JSON_PARTIAL_OUTPUT_ON_ERROR
		);
	}

	/**
	 * Installs WordPress into the site's empty database.
	 *
	 * @param string $locale Site language, or empty for English.
	 */
	private function install( string $locale ): void {
		define( 'WP_INSTALLING', true );
		$this->site->load();
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';

		$result                  = wp_install( 'Switchboard tests', 'admin', 'admin@example.org', true, '', 'password', $locale );
		$this->data['user_id']   = $result['user_id'];
		$this->data['installed'] = is_blog_installed();
	}

	/**
	 * Activates the plugin as the administrator, in wp-admin.
	 */
	private function activate(): void {
		define( 'WP_ADMIN', true );
		$this->site->load();
		require_once ABSPATH . 'wp-admin/includes/plugin.php';

		wp_set_current_user( 1 );
		$result = activate_plugin( Site::PLUGIN );

		$this->data['activation_error'] = is_wp_error( $result ) ? $result->get_error_code() . ': ' . $result->get_error_message() : '';
		$this->data['active_plugins']   = get_option( 'active_plugins' );
	}

	/**
	 * Loads the site with the plugin active and probes what the plugin did.
	 *
	 * @param list<string> $options Command options.
	 */
	private function boot( array $options ): void {
		$wp_version = self::option( $options, 'wp-version' );
		if ( null !== $wp_version ) {
			self::before_wordpress(
				'muplugins_loaded',
				static function () use ( $wp_version ): void {
					$GLOBALS['wp_version'] = $wp_version;
				}
			);
		}

		if ( null !== self::option( $options, 'early-translation' ) ) {
			self::before_wordpress(
				'plugins_loaded',
				function (): void {
					$this->data['early_translation'] = __( 'Switchboard', 'switchboard' );
				}
			);
		}

		$admin = null !== self::option( $options, 'admin' );
		if ( $admin ) {
			define( 'WP_ADMIN', true );
		}

		$this->site->load();

		$this->data['locale']     = determine_locale();
		$this->data['translated'] = __( 'Switchboard', 'switchboard' );
		$this->data['booted']     = class_exists( Plugin::class, false ) && null !== Plugin::instance();
		$this->data['blocks']     = array_values(
			array_filter(
				array_keys( WP_Block_Type_Registry::get_instance()->get_all_registered() ),
				static fn ( string $name ): bool => str_starts_with( $name, 'switchboard/' )
			)
		);

		$categories = array();
		foreach ( get_block_categories( new WP_Block_Editor_Context( array( 'name' => 'core/edit-post' ) ) ) as $category ) {
			if ( is_string( $category['slug'] ?? null ) ) {
				$categories[ $category['slug'] ] = $category['title'] ?? '';
			}
		}
		$this->data['categories'] = $categories;

		if ( $admin ) {
			wp_set_current_user( 1 );
			ob_start();
			do_action( 'admin_notices' );
			$this->data['admin_notices'] = (string) ob_get_clean();
		}
	}

	/**
	 * Queues a callback on a hook before WordPress has loaded, the way WordPress's own test suite does.
	 *
	 * @param string          $hook     Hook name.
	 * @param callable():void $callback Callback, taking no arguments.
	 */
	private static function before_wordpress( string $hook, callable $callback ): void {
		ErrorCollector::queue_hook( $hook, $callback, 0 );
	}

	/**
	 * The value of a `--name=value` option, an empty string for a `--name` flag, or null when absent.
	 *
	 * @param list<string> $options Options.
	 * @param string       $name    Option name.
	 * @return string|null
	 */
	private static function option( array $options, string $name ): ?string {
		foreach ( $options as $option ) {
			if ( "--{$name}" === $option ) {
				return '';
			}
			if ( str_starts_with( $option, "--{$name}=" ) ) {
				return substr( $option, strlen( "--{$name}=" ) );
			}
		}

		return null;
	}
}
