<?php
/**
 * Server render of switchboard/search: the search form, and for `?q=` the first paint of the results.
 *
 * Every value comes from the view model; this file only escapes and prints.
 *
 * @package Switchboard
 *
 * @var array<string, mixed> $attributes Block attributes.
 */

declare( strict_types=1 );

use Switchboard\Blocks\Search\ViewModel;

$switchboard_view = ViewModel::from_globals( $attributes );
$switchboard_id   = wp_unique_id( 'switchboard-search-' );
$switchboard_list = $switchboard_view->results;

wp_interactivity_state(
	'switchboard/search',
	array(
		'emptyQueryMessage' => __( 'Type what you are looking for, then search.', 'switchboard' ),
	)
);
?>
<div
	<?php echo get_block_wrapper_attributes(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core escapes the wrapper attributes. ?>
	data-wp-interactive="switchboard/search"
	<?php echo wp_interactivity_data_wp_context( array( 'message' => '' ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core escapes the context attribute. ?>
>
	<form
		class="wp-block-switchboard-search__form"
		role="search"
		method="get"
		data-wp-on--submit="actions.submit"
	>
		<label
			class="wp-block-switchboard-search__label<?php echo $switchboard_view->show_label ? '' : ' screen-reader-text'; ?>"
			for="<?php echo esc_attr( $switchboard_id ); ?>-input"
		><?php echo esc_html( $switchboard_view->label ); ?></label>
		<div class="wp-block-switchboard-search__field">
			<input
				class="wp-block-switchboard-search__input"
				id="<?php echo esc_attr( $switchboard_id ); ?>-input"
				type="search"
				name="<?php echo esc_attr( ViewModel::QUERY_VAR ); ?>"
				value="<?php echo esc_attr( $switchboard_view->term ); ?>"
				maxlength="<?php echo esc_attr( (string) ViewModel::MAX_TERM_LENGTH ); ?>"
				<?php if ( '' !== $switchboard_view->placeholder ) : ?>
					placeholder="<?php echo esc_attr( $switchboard_view->placeholder ); ?>"
				<?php endif; ?>
				data-wp-init="callbacks.advertiseShortcut"
				data-wp-on--keydown="actions.clearOnEscape"
				data-wp-on-document--keydown="actions.focusOnShortcut"
			/>
			<button class="wp-block-switchboard-search__button wp-element-button" type="submit"><?php echo esc_html( $switchboard_view->button_text ); ?></button>
		</div>
		<?php foreach ( $switchboard_view->hidden_fields as $switchboard_name => $switchboard_value ) : ?>
			<input type="hidden" name="<?php echo esc_attr( $switchboard_name ); ?>" value="<?php echo esc_attr( $switchboard_value ); ?>" />
		<?php endforeach; ?>
		<p class="wp-block-switchboard-search__status" role="status" data-wp-text="context.message"></p>
	</form>

	<?php if ( null !== $switchboard_list ) : ?>
		<div class="wp-block-switchboard-search__results">
			<h2 class="wp-block-switchboard-search__summary" id="<?php echo esc_attr( $switchboard_id ); ?>-summary"><?php echo esc_html( $switchboard_view->summary() ); ?></h2>

			<?php if ( array() === $switchboard_list->results ) : ?>
				<p class="wp-block-switchboard-search__empty"><?php esc_html_e( 'Check the spelling, or try fewer or different words.', 'switchboard' ); ?></p>
			<?php else : ?>
				<ol
					class="wp-block-switchboard-search__list"
					aria-labelledby="<?php echo esc_attr( $switchboard_id ); ?>-summary"
					start="<?php echo esc_attr( (string) $switchboard_view->first_position() ); ?>"
				>
					<?php foreach ( $switchboard_list->results as $switchboard_result ) : ?>
						<?php $switchboard_image = $switchboard_view->image( $switchboard_result ); ?>
						<li class="wp-block-switchboard-search__result<?php echo null === $switchboard_image ? '' : ' has-image'; ?>">
							<?php if ( null !== $switchboard_image ) : ?>
								<img
									class="wp-block-switchboard-search__result-image"
									src="<?php echo esc_url( $switchboard_image->src ); ?>"
									<?php if ( '' !== $switchboard_image->srcset ) : ?>
										srcset="<?php echo esc_attr( $switchboard_image->srcset ); ?>"
										sizes="<?php echo esc_attr( $switchboard_image->sizes ); ?>"
									<?php endif; ?>
									width="<?php echo esc_attr( (string) $switchboard_image->width ); ?>"
									height="<?php echo esc_attr( (string) $switchboard_image->height ); ?>"
									alt=""
									loading="lazy"
									decoding="async"
								/>
							<?php endif; ?>
							<h3 class="wp-block-switchboard-search__result-title">
								<a href="<?php echo esc_url( $switchboard_result->url ); ?>"><?php echo esc_html( $switchboard_result->title ); ?></a>
							</h3>
							<?php if ( $switchboard_view->show_post_type || $switchboard_view->show_date ) : ?>
								<p class="wp-block-switchboard-search__result-meta">
									<?php if ( $switchboard_view->show_post_type ) : ?>
										<span class="wp-block-switchboard-search__result-type"><?php echo esc_html( $switchboard_result->type_label ); ?></span>
									<?php endif; ?>
									<?php if ( $switchboard_view->show_date ) : ?>
										<time datetime="<?php echo esc_attr( $switchboard_result->date_iso ); ?>"><?php echo esc_html( $switchboard_result->date_display ); ?></time>
									<?php endif; ?>
								</p>
							<?php endif; ?>
							<?php if ( $switchboard_view->show_excerpt && '' !== $switchboard_result->excerpt ) : ?>
								<p class="wp-block-switchboard-search__result-excerpt"><?php echo esc_html( $switchboard_result->excerpt ); ?></p>
							<?php endif; ?>
						</li>
					<?php endforeach; ?>
				</ol>
			<?php endif; ?>

			<?php $switchboard_pages = $switchboard_view->pagination; ?>
			<?php if ( null !== $switchboard_pages ) : ?>
				<nav class="wp-block-switchboard-search__pagination" aria-label="<?php esc_attr_e( 'Search results pages', 'switchboard' ); ?>">
					<ul>
						<?php if ( null !== $switchboard_pages->previous() ) : ?>
							<li><a href="<?php echo esc_url( $switchboard_pages->url( $switchboard_pages->previous() ) ); ?>" rel="prev"><?php esc_html_e( 'Previous page', 'switchboard' ); ?></a></li>
						<?php endif; ?>
						<?php foreach ( $switchboard_pages->numbers() as $switchboard_number ) : ?>
							<?php if ( null === $switchboard_number ) : ?>
								<li aria-hidden="true">…</li>
							<?php else : ?>
								<li>
									<a
										href="<?php echo esc_url( $switchboard_pages->url( $switchboard_number ) ); ?>"
										aria-label="<?php /* translators: %s: a page number. */ echo esc_attr( sprintf( __( 'Page %s', 'switchboard' ), number_format_i18n( $switchboard_number ) ) ); ?>"
										<?php echo $switchboard_number === $switchboard_pages->current ? 'aria-current="page"' : ''; ?>
									><?php echo esc_html( number_format_i18n( $switchboard_number ) ); ?></a>
								</li>
							<?php endif; ?>
						<?php endforeach; ?>
						<?php if ( null !== $switchboard_pages->next() ) : ?>
							<li><a href="<?php echo esc_url( $switchboard_pages->url( $switchboard_pages->next() ) ); ?>" rel="next"><?php esc_html_e( 'Next page', 'switchboard' ); ?></a></li>
						<?php endif; ?>
					</ul>
				</nav>
			<?php endif; ?>
		</div>
	<?php endif; ?>
</div>
