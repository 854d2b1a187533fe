<?php
/**
 * A small seeded pseudo-random generator (xorshift32).
 *
 * PHP's mt_srand() would work too, but it reseeds the global generator that WordPress and plugins share;
 * this one keeps its state to itself and gives the same sequence on every PHP version and platform.
 */

declare(strict_types=1);

namespace SwitchboardDev\DemoContent;

final class Random {

	private int $state;

	public function __construct( string $seed ) {
		// crc32 spreads similar seeds apart; xorshift must never start from zero.
		$this->state = crc32( $seed ) ?: 0x9e3779b9;
	}

	/** The next 32-bit unsigned value. */
	public function next(): int {
		$x           = $this->state;
		$x          ^= ( $x << 13 ) & 0xffffffff;
		$x          ^= $x >> 17;
		$x          ^= ( $x << 5 ) & 0xffffffff;
		$this->state = $x;
		return $x;
	}

	/** An integer in [min, max]. */
	public function between( int $min, int $max ): int {
		return $min + $this->next() % ( $max - $min + 1 );
	}

	/** A float in [0, 1). */
	public function fraction(): float {
		return $this->next() / 4294967296;
	}

	/**
	 * One element of a non-empty list.
	 *
	 * @template T
	 * @param list<T> $items
	 * @return T
	 */
	public function pick( array $items ) {
		return $items[ $this->between( 0, count( $items ) - 1 ) ];
	}

	/**
	 * Count distinct elements in random order (a partial Fisher-Yates shuffle).
	 *
	 * @template T
	 * @param list<T> $items
	 * @return list<T>
	 */
	public function sample( array $items, int $count ): array {
		$count = min( $count, count( $items ) );
		for ( $i = 0; $i < $count; $i++ ) {
			$j           = $this->between( $i, count( $items ) - 1 );
			$swap        = $items[ $i ];
			$items[ $i ] = $items[ $j ];
			$items[ $j ] = $swap;
		}
		return array_slice( $items, 0, $count );
	}
}
