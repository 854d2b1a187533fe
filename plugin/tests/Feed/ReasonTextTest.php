<?php
/**
 * Reasons in words.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Feed;

use Switchboard\Feed\ReasonText;

/**
 * Every kind the service sends has its text; names come from WordPress, as plain text.
 */
final class ReasonTextTest extends FeedTestCase {

	/**
	 * Each kind.
	 */
	public function test_each_kind(): void {
		$category = self::term( 'Food &amp; Drink' );
		$tag      = self::term( 'Baking', 'post_tag' );
		$author   = wp_insert_user(
			array(
				'user_login'   => 'grace',
				'user_pass'    => wp_generate_password(),
				'display_name' => 'Grace <b>Hopper</b>',
			)
		);
		$this->assertIsInt( $author );

		$this->assertSame( 'Because you read Food & Drink', ReasonText::of( 'category', $category ) );
		$this->assertSame( 'Because you read Baking', ReasonText::of( 'tag', $tag ) );
		$this->assertSame( 'Because you read Grace Hopper', ReasonText::of( 'author', $author ) );
		$this->assertSame( 'Popular', ReasonText::of( 'popular' ) );
		$this->assertSame( 'New', ReasonText::of( 'recent' ) );
		$this->assertSame( 'Editor’s pick', ReasonText::of( 'pinned' ) );
	}

	/**
	 * A term or author gone since the service learned it, or of another taxonomy, is still a personal pick.
	 */
	public function test_unknown_names(): void {
		$tag = self::term( 'Only a tag', 'post_tag' );

		$this->assertSame( 'Picked for you', ReasonText::of( 'category', $tag ) );
		$this->assertSame( 'Picked for you', ReasonText::of( 'category', 999999 ) );
		$this->assertSame( 'Picked for you', ReasonText::of( 'author', 999999 ) );
		$this->assertSame( 'Picked for you', ReasonText::of( 'tag', 0 ) );
	}

	/**
	 * The text follows the site's translations.
	 */
	public function test_is_translated(): void {
		add_filter(
			'gettext_switchboard',
			static fn( string $translation, string $text ): string => 'Because you read %s' === $text ? 'Weil Sie %s gelesen haben' : $translation,
			10,
			2
		);
		$news = self::term( 'Nachrichten' );

		$this->assertSame( 'Weil Sie Nachrichten gelesen haben', ReasonText::of( 'category', $news ) );
	}
}
