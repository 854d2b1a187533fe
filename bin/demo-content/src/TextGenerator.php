<?php
/**
 * Block markup for the demo posts.
 *
 * @package Switchboard
 */

declare(strict_types=1);

namespace SwitchboardDev\DemoContent;

/**
 * Turns a catalog entry into multi-paragraph block markup (paragraphs, headings, a list, a quote).
 *
 * Deterministic: the post's slug seeds the choice of sentences, so every run produces the same text and
 * no two posts are alike. Needs no WordPress function, so it can be tested on its own.
 */
final class TextGenerator {

	/**
	 * The post body as serialized blocks.
	 *
	 * @param array{slug: string, category: string, topic: string, excerpt: string} $post A Catalog::posts() entry.
	 */
	public static function content( array $post ): string {
		$random = new Random( $post['slug'] );
		$bank   = SentenceBank::categories()[ $post['category'] ];
		$topic  = $post['topic'];
		$fill   = static function ( string $sentence ) use ( $topic ): string {
			return strtr(
				$sentence,
				array(
					'{topic}' => $topic,
					'{Topic}' => ucfirst( $topic ),
				)
			);
		};

		$context  = array_map( $fill, $random->sample( $bank['context'], 2 ) );
		$body     = array_map( $fill, $random->sample( $bank['body'], 9 ) );
		$general  = $random->sample( SentenceBank::general(), 3 );
		$headings = array_map( $fill, $random->sample( $bank['headings'], 3 ) );
		$items    = $random->sample( $bank['items'], $random->between( 4, 5 ) );
		$quote    = $random->pick( $bank['quotes'] );
		$closer   = $random->pick( SentenceBank::closers() );

		$list  = self::items( $items, 0 === $random->between( 0, 2 ) );
		$quote = self::quote( $quote[0], $quote[1] );

		$html  = self::paragraph( $post['excerpt'] . ' ' . $context[0] );
		$html .= self::paragraph( $context[1] . ' ' . $body[0] . ' ' . $general[0] );
		$html .= self::heading( $headings[0] );
		$html .= self::paragraph( $body[1] . ' ' . $body[2] . ' ' . $body[3] );
		// Vary the rhythm between posts: the list and the quote trade places.
		$list_first = 0 === $random->between( 0, 1 );
		$html      .= $list_first ? $list : $quote;
		$html      .= self::paragraph( $body[4] . ' ' . $general[1] );
		$html      .= self::heading( $headings[1] );
		$html      .= self::paragraph( $body[5] . ' ' . $body[6] );
		$html      .= $list_first ? $quote : $list;
		$html      .= self::heading( $headings[2] );
		$html      .= self::paragraph( $body[7] . ' ' . $general[2] . ' ' . $body[8] );
		$html      .= self::paragraph( $closer );
		return $html;
	}

	/**
	 * A core/paragraph block.
	 *
	 * @param string $text Plain text.
	 */
	public static function paragraph( string $text ): string {
		return "<!-- wp:paragraph -->\n<p>" . self::escape( $text ) . "</p>\n<!-- /wp:paragraph -->\n\n";
	}

	/**
	 * A core/heading block (level 2, the block's default, so it needs no attributes).
	 *
	 * @param string $text Plain text.
	 */
	public static function heading( string $text ): string {
		return "<!-- wp:heading -->\n<h2 class=\"wp-block-heading\">" . self::escape( $text ) . "</h2>\n<!-- /wp:heading -->\n\n";
	}

	/**
	 * A core/list block with core/list-item inner blocks.
	 *
	 * @param list<string> $items   The items' plain text.
	 * @param bool         $ordered A numbered list instead of bullets.
	 */
	public static function items( array $items, bool $ordered = false ): string {
		$tag   = $ordered ? 'ol' : 'ul';
		$attrs = $ordered ? ' {"ordered":true}' : '';
		$html  = "<!-- wp:list$attrs -->\n<$tag class=\"wp-block-list\">";
		foreach ( $items as $item ) {
			$html .= "<!-- wp:list-item -->\n<li>" . self::escape( $item ) . "</li>\n<!-- /wp:list-item -->\n\n";
		}
		return rtrim( $html, "\n" ) . "</$tag>\n<!-- /wp:list -->\n\n";
	}

	/**
	 * A core/quote block holding one paragraph and a citation.
	 *
	 * @param string $text The quotation, plain text.
	 * @param string $cite Who said it, plain text.
	 */
	public static function quote( string $text, string $cite ): string {
		return "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><!-- wp:paragraph -->\n<p>"
			. self::escape( $text )
			. "</p>\n<!-- /wp:paragraph --><cite>"
			. self::escape( $cite )
			. "</cite></blockquote>\n<!-- /wp:quote -->\n\n";
	}

	/**
	 * Text for inside an element: the editor saves quotes and apostrophes as they are, so only <, > and & change.
	 *
	 * @param string $text Plain text.
	 */
	private static function escape( string $text ): string {
		return htmlspecialchars( $text, ENT_NOQUOTES | ENT_HTML5, 'UTF-8' );
	}
}
