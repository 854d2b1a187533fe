<?php
/**
 * The feed's suggested privacy policy text.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Feed;

/**
 * Adds to Settings → Privacy's policy guide what the personalized feed stores, where, and for how long.
 */
final class PrivacyPolicy {

	/**
	 * `admin_init`: adds the text.
	 */
	public static function add(): void {
		if ( ! function_exists( 'wp_add_privacy_policy_content' ) ) {
			return;
		}

		wp_add_privacy_policy_content( __( 'Switchboard personalized feed', 'switchboard' ), wp_kses_post( wpautop( self::text(), false ) ) );
	}

	/**
	 * The suggested text.
	 *
	 * @return string
	 */
	public static function text(): string {
		return implode(
			"\n\n",
			array(
				__( 'The personalized feed works only after you agree to it. Without your consent nothing is stored on your device and no identifier is sent; you see the same list as every visitor.', 'switchboard' ),
				__( 'When you agree, your browser stores a random identifier (not linked to your name) in local storage. If you are logged in, your account is used instead, so your feed follows you across devices; an anonymous profile you built before logging in is merged into your account.', 'switchboard' ),
				__( 'The feed service of this site then records which posts the feed showed you, which you opened and which you read, and from them how much you read per category, tag and author. This data is kept by this site\'s own feed service, not by a third party, and is deleted after 90 days by default.', 'switchboard' ),
				__( 'You can stop personalization at any time with "Stop personalizing" under a feed, which deletes your anonymous profile. Logged-in users\' feed profiles are included in personal data exports and removed by personal data erasure requests.', 'switchboard' ),
			)
		);
	}
}
