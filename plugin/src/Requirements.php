<?php
/**
 * Checks the PHP and WordPress versions the plugin needs.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard;

/**
 * Compares the running PHP and WordPress versions with the plugin's minimums.
 *
 * WordPress refuses to activate a plugin whose `Requires PHP` or `Requires at least` header is not met,
 * but a host can still downgrade PHP or restore an old WordPress under an active plugin. Then the plugin
 * stays dormant and tells administrators why, instead of failing with a fatal error. The bootstrap file
 * loads this class before the version check, so it keeps to syntax that PHP 7.2 parses.
 */
final class Requirements {

	/**
	 * Lowest PHP version; the same as the `Requires PHP` header of switchboard.php.
	 */
	const MIN_PHP = '8.1';

	/**
	 * Lowest WordPress version; the same as the `Requires at least` header of switchboard.php.
	 */
	const MIN_WP = '6.6';

	/**
	 * The PHP version being checked.
	 *
	 * @var string
	 */
	private $php_version;

	/**
	 * The WordPress version being checked.
	 *
	 * @var string
	 */
	private $wp_version;

	/**
	 * Sets the versions to check.
	 *
	 * @param string $php_version PHP version, e.g. `PHP_VERSION`.
	 * @param string $wp_version  WordPress version, e.g. `get_bloginfo( 'version' )`.
	 */
	public function __construct( string $php_version, string $wp_version ) {
		$this->php_version = $php_version;
		$this->wp_version  = $wp_version;
	}

	/**
	 * Checks the versions this request runs on.
	 *
	 * @return self
	 */
	public static function from_environment(): self {
		return new self( PHP_VERSION, (string) get_bloginfo( 'version' ) );
	}

	/**
	 * Whether PHP is recent enough.
	 *
	 * @return bool
	 */
	public function is_php_supported(): bool {
		return version_compare( $this->php_version, self::MIN_PHP, '>=' );
	}

	/**
	 * Whether WordPress is recent enough; pre-releases of the minimum version count as that version.
	 *
	 * @return bool
	 */
	public function is_wp_supported(): bool {
		return version_compare( $this->wp_version, self::MIN_WP . '-alpha', '>=' );
	}

	/**
	 * Whether every requirement is met.
	 *
	 * @return bool
	 */
	public function is_met(): bool {
		return $this->is_php_supported() && $this->is_wp_supported();
	}

	/**
	 * Returns true when the plugin may run; otherwise schedules an admin notice and returns false.
	 *
	 * @return bool
	 */
	public function enforce(): bool {
		if ( $this->is_met() ) {
			return true;
		}

		add_action( 'admin_notices', array( $this, 'render_notice' ) );
		return false;
	}

	/**
	 * Explains each unmet requirement; translated, so call it from `init` or later.
	 *
	 * @return string[] One sentence per unmet requirement.
	 */
	public function get_messages(): array {
		$messages = array();

		if ( ! $this->is_php_supported() ) {
			$messages[] = sprintf(
				/* translators: 1: required PHP version, 2: running PHP version. */
				__( 'Switchboard needs PHP %1$s or newer, but this site runs PHP %2$s. The plugin stays inactive until PHP is updated.', 'switchboard' ),
				self::MIN_PHP,
				$this->php_version
			);
		}

		if ( ! $this->is_wp_supported() ) {
			$messages[] = sprintf(
				/* translators: 1: required WordPress version, 2: running WordPress version. */
				__( 'Switchboard needs WordPress %1$s or newer, but this site runs WordPress %2$s. The plugin stays inactive until WordPress is updated.', 'switchboard' ),
				self::MIN_WP,
				$this->wp_version
			);
		}

		return $messages;
	}

	/**
	 * Prints the admin notice for users who can manage plugins (the `admin_notices` action).
	 *
	 * The markup is written out rather than built with `wp_admin_notice()`, which older WordPress lacks.
	 */
	public function render_notice(): void {
		if ( ! current_user_can( 'activate_plugins' ) ) {
			return;
		}

		foreach ( $this->get_messages() as $message ) {
			echo '<div class="notice notice-error switchboard-requirements"><p>' . esc_html( $message ) . '</p></div>';
		}
	}
}
