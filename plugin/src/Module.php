<?php
/**
 * Contract for the parts the composition root wires together.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard;

/**
 * A part of the plugin that attaches itself to WordPress through hooks.
 *
 * Constructors only store their collaborators; all work happens in hook callbacks, so building the
 * object graph has no side effects and every module can be tested on its own.
 */
interface Module {

	/**
	 * Adds the module's actions and filters.
	 */
	public function register_hooks(): void;
}
