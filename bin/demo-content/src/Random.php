<?php
/**
 * A small seeded pseudo-random generator.
 *
 * @package Switchboard
 */

declare(strict_types=1);

namespace SwitchboardDev\DemoContent;

/**
 * Xorshift32, seeded from a string.
 *
 * PHP's mt_srand() would work too, but it reseeds the global generator that WordPress and plugins share;
 * this one keeps its state to itself and gives the same sequence on every PHP version and platform.
 */
final class Random {

	/**
	 * The generator's state: a non-zero 32-bit unsigned integer.
	 *
	 * @var int
	 */
	private int $state;

	/**
	 * Seeds the generator.
	 *
	 * @param string $seed Anything; equal seeds give equal sequences.
	 */
	public function __construct( string $seed ) {
		// crc32 spreads similar seeds apart; xorshift must never start from zero.
		$state       = crc32( $seed );
		$this->state = 0 === $state ? 0x9e3779b9 : $state;
	}

	/**
	 * The next 32-bit unsigned value.
	 */
	public function next(): int {
		$x           = $this->state;
		$x          ^= ( $x << 13 ) & 0xffffffff;
		$x          ^= $x >> 17;
		$x          ^= ( $x << 5 ) & 0xffffffff;
		$this->state = $x;
		return $x;
	}

	/**
	 * An integer in [min, max].
	 *
	 * @param int $min Smallest value.
	 * @param int $max Largest value.
	 */
	public function between( int $min, int $max ): int {
		return $min + $this->next() % ( $max - $min + 1 );
	}

	/**
	 * A float in [0, 1).
	 */
	public function fraction(): float {
		return $this->next() / 4294967296;
	}

	/**
	 * One element of a non-empty list.
	 *
	 * @template T
	 * @param list<T> $items The list.
	 * @return T
	 */
	public function pick( array $items ) {
		return $items[ $this->between( 0, count( $items ) - 1 ) ];
	}

	/**
	 * Distinct elements in random order (a partial Fisher-Yates shuffle).
	 *
	 * @template T
	 * @param list<T> $items The list to draw from.
	 * @param int     $count How many; at most count( $items ).
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
