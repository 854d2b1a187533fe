<?php
/**
 * Who may use the Switchboard admin routes and screen.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Admin;

/**
 * The one capability every admin route and the settings screen require.
 */
final class Permission {

	/**
	 * Capability of site administrators.
	 */
	public const CAPABILITY = 'manage_options';

	/**
	 * The routes' permission callback: false makes WordPress answer 401 to visitors and 403 to other users.
	 *
	 * @return bool
	 */
	public static function check(): bool {
		return current_user_can( self::CAPABILITY );
	}
}
