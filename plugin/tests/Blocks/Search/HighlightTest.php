<?php
/**
 * Tests of highlight segmentation.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Search;

use Switchboard\Blocks\Search\Highlight;
use Switchboard\Tests\TestCase;

/**
 * The service's UTF-16 ranges applied to UTF-8 text, as the view script applies them.
 */
final class HighlightTest extends TestCase {

	/**
	 * Plain runs, each followed by its marked run, in UTF-16 offsets.
	 */
	public function test_splits_at_utf16_ranges(): void {
		$this->assertSame(
			array(
				array(
					't' => '',
					'm' => array( 'Café' ),
				),
				array(
					't' => ' crème ',
					'm' => array( 'brûlée' ),
				),
				array(
					't' => ' 😀 end',
					'm' => array(),
				),
			),
			Highlight::segments( 'Café crème brûlée 😀 end', array( array( 0, 4 ), array( 11, 17 ) ) )
		);
	}

	/**
	 * A range never splits a character made of two UTF-16 units.
	 */
	public function test_never_splits_a_surrogate_pair(): void {
		$this->assertSame(
			array(
				array(
					't' => 'a',
					'm' => array( '😀' ),
				),
				array(
					't' => 'b',
					'm' => array(),
				),
			),
			Highlight::segments( 'a😀b', array( array( 1, 3 ) ) )
		);
		$this->assertSame(
			array(
				array(
					't' => 'a',
					'm' => array( '😀b' ),
				),
			),
			Highlight::segments( 'a😀b', array( array( 2, 4 ) ) )
		);
	}

	/**
	 * Malformed, overlapping and out-of-bounds ranges are dropped or clamped.
	 */
	public function test_cleans_ranges(): void {
		$this->assertSame(
			array(
				array(
					't' => '',
					'm' => array( 'one' ),
				),
				array(
					't' => '',
					'm' => array( ' t' ),
				),
				array(
					't' => 'wo ',
					'm' => array( 'three' ),
				),
			),
			Highlight::segments( 'one two three', array( array( 8, 99 ), array( 0, 3 ), array( 2, 5 ), array( 6, 6 ), array( -4, 1 ), array( 'a', 2 ), 'x' ) )
		);
		$this->assertSame(
			array(
				array(
					't' => '',
					'm' => array(),
				),
			),
			Highlight::segments( '', array( array( 0, 3 ) ) )
		);
	}

	/**
	 * The fallback's ranges: every occurrence of each word, case-insensitive, in UTF-16 units, merged.
	 */
	public function test_finds_the_words_of_a_search(): void {
		$this->assertSame( array( array( 3, 7 ), array( 14, 18 ) ), Highlight::ranges( '😀 Café and a CAFÉ', 'café' ) );
		$this->assertSame( array( array( 0, 8 ) ), Highlight::ranges( 'Lighthouse', '"light" ligh ighthou' ) );
		$this->assertSame( array(), Highlight::ranges( 'a b c', 'a (' ) );
		$this->assertSame( array( array( 4, 7 ) ), Highlight::ranges( '1+1 (x) 2', '(x)' ) );
	}
}
