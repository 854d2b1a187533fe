<?php
/**
 * The feed profile in WordPress's personal data erasure.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Feed;

use WP_Error;
use WP_User;

/**
 * Erases a user's feed profile (with its events) at the service. When the service cannot answer, the
 * eraser says the data was retained and why: it never reports an erasure that did not happen.
 */
final class PrivacyEraser {

	/**
	 * Stores the client.
	 *
	 * @param FeedProfilesClient $profiles The service's profiles.
	 */
	public function __construct( private readonly FeedProfilesClient $profiles ) {
	}

	/**
	 * The eraser callback.
	 *
	 * @param string $email_address The person's email address.
	 * @param int    $page          Page (one call erases everything).
	 * @return array{items_removed: bool, items_retained: bool, messages: list<string>, done: bool}
	 */
	public function erase( string $email_address, int $page = 1 ): array {
		$user = get_user_by( 'email', $email_address );
		if ( ! $user instanceof WP_User ) {
			return self::result( false, false, array() );
		}

		$erased = $this->profiles->erase( $user->ID );
		if ( $erased instanceof WP_Error ) {
			if ( FeedProfilesClient::is_not_configured( $erased ) ) {
				return self::result( false, false, array( __( 'The feed service is not configured, so no feed profile could be checked.', 'switchboard' ) ) );
			}
			return self::result( false, true, array( __( 'The feed service could not be reached, so the feed profile was not erased. Please try again later.', 'switchboard' ) ) );
		}

		return self::result( $erased, false, array() );
	}

	/**
	 * An eraser's answer.
	 *
	 * @param bool         $removed  Whether data was removed.
	 * @param bool         $retained Whether data was kept.
	 * @param list<string> $messages Messages for the administrator.
	 * @return array{items_removed: bool, items_retained: bool, messages: list<string>, done: bool}
	 */
	private static function result( bool $removed, bool $retained, array $messages ): array {
		return array(
			'items_removed'  => $removed,
			'items_retained' => $retained,
			'messages'       => $messages,
			'done'           => true,
		);
	}
}
