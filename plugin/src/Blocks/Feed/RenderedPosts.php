<?php
/**
 * The posts the page's feed blocks have listed so far.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Feed;

/**
 * A per-request registry of listed post IDs, so that several feed blocks on one page never show the same
 * post: each block leaves out what the blocks above it listed. PHP serves one page per request, so a
 * static registry is exactly one page's; tests (several renders in one process) call reset().
 */
final class RenderedPosts {

	/**
	 * The page's registry.
	 *
	 * @var self|null
	 */
	private static ?self $current = null;

	/**
	 * Listed IDs, as keys.
	 *
	 * @var array<int, true>
	 */
	private array $ids = array();

	/**
	 * Whether a block already took the consent prompt.
	 *
	 * @var bool
	 */
	private bool $prompt_taken = false;

	/**
	 * The registry of the page being rendered.
	 *
	 * @return self
	 */
	public static function current(): self {
		self::$current ??= new self();

		return self::$current;
	}

	/**
	 * Starts a new page.
	 */
	public static function reset(): void {
		self::$current = null;
	}

	/**
	 * Records listed posts.
	 *
	 * @param list<int> $ids Post IDs.
	 */
	public function add( array $ids ): void {
		foreach ( $ids as $id ) {
			$this->ids[ $id ] = true;
		}
	}

	/**
	 * Whether the caller's block is the first to ask: the page shows one consent prompt, in the first
	 * personalized feed block.
	 *
	 * @return bool True once per page.
	 */
	public function take_prompt(): bool {
		$first              = ! $this->prompt_taken;
		$this->prompt_taken = true;

		return $first;
	}

	/**
	 * Every post listed so far, in the order they were listed.
	 *
	 * @return list<int>
	 */
	public function ids(): array {
		return array_keys( $this->ids );
	}
}
