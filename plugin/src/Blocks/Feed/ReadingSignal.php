<?php
/**
 * The feed's view script on single posts, to count reads.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Feed;

use Switchboard\Module;

/**
 * Enqueues the feed block's view script module on every single post, even without a feed block, so that a
 * consenting visitor's read is counted (a `view` event after the dwell time). Without consent the module
 * sends nothing and stores nothing.
 */
final class ReadingSignal implements Module {

	/**
	 * Adds the hook.
	 */
	public function register_hooks(): void {
		add_action( 'wp_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * Enqueues the module and its config on single posts.
	 */
	public function enqueue(): void {
		if ( ! is_singular( 'post' ) ) {
			return;
		}

		ViewConfig::provide();
		wp_enqueue_script_module( ViewConfig::MODULE );
		// The module posts events with apiFetch, which a script module cannot import.
		wp_enqueue_script( 'wp-api-fetch' );
	}
}
