<?php
/**
 * Server render of switchboard/search: the search form, and for `?q=` the first paint of the results.
 *
 * Every value comes from the view model; this file only escapes and prints. The results, facets and page
 * links are Interactivity directives over the block's context: WordPress renders them here for the first
 * paint (and for visitors without JavaScript), and the view script re-renders them from the same context.
 *
 * @package Switchboard
 *
 * @var array<string, mixed> $attributes Block attributes.
 */

declare( strict_types=1 );

use Switchboard\Blocks\Search\ViewModel;

$switchboard_view = ViewModel::from_globals( $attributes );
$switchboard_id   = wp_unique_id( 'switchboard-search-' );

wp_interactivity_state( 'switchboard/search', ViewModel::strings() );

/* translators: %s: a suggested search, shown as a link. */
$switchboard_did_you_mean = explode( '%s', __( 'Did you mean %s?', 'switchboard' ), 2 ) + array( '', '' );
?>
<div
	<?php echo get_block_wrapper_attributes(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core escapes the wrapper attributes. ?>
	data-wp-interactive="switchboard/search"
	<?php echo wp_interactivity_data_wp_context( $switchboard_view->context ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core escapes the context attribute. ?>
	data-wp-init="callbacks.init"
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
				autocomplete="off"
				<?php if ( '' !== $switchboard_view->placeholder ) : ?>
					placeholder="<?php echo esc_attr( $switchboard_view->placeholder ); ?>"
				<?php endif; ?>
				data-wp-bind--value="context.q"
				data-wp-init="callbacks.advertiseShortcut"
				data-wp-on--input="actions.type"
				data-wp-on--keydown="actions.clearOnEscape"
				data-wp-on-document--keydown="actions.focusOnShortcut"
			/>
			<button class="wp-block-switchboard-search__button wp-element-button" type="submit"><?php echo esc_html( $switchboard_view->button_text ); ?></button>
		</div>
		<?php foreach ( $switchboard_view->hidden_fields as $switchboard_name => $switchboard_value ) : ?>
			<input type="hidden" name="<?php echo esc_attr( $switchboard_name ); ?>" value="<?php echo esc_attr( $switchboard_value ); ?>" />
		<?php endforeach; ?>
		<p class="wp-block-switchboard-search__status" role="status" data-wp-text="context.message"></p>

		<div class="wp-block-switchboard-search__refine" data-wp-bind--hidden="!context.searched">
			<template data-wp-each--facet="context.facets" data-wp-each-key="context.facet.name">
				<fieldset class="wp-block-switchboard-search__facet" data-wp-bind--hidden="context.facet.hidden">
					<legend data-wp-text="context.facet.legend"></legend>
					<template data-wp-each--option="context.facet.options" data-wp-each-key="context.option.value">
						<label class="wp-block-switchboard-search__option">
							<input
								data-wp-bind--type="context.facet.kind"
								data-wp-bind--name="context.facet.field"
								data-wp-bind--value="context.option.value"
								data-wp-bind--checked="context.option.checked"
								data-wp-on--change="actions.refine"
							/>
							<span data-wp-text="context.option.text"></span>
						</label>
					</template>
				</fieldset>
			</template>
			<p class="wp-block-switchboard-search__sort">
				<label for="<?php echo esc_attr( $switchboard_id ); ?>-sort"><?php esc_html_e( 'Sort by', 'switchboard' ); ?></label>
				<select id="<?php echo esc_attr( $switchboard_id ); ?>-sort" name="qsort" data-wp-on--change="actions.refine">
					<option value=""><?php esc_html_e( 'Relevance', 'switchboard' ); ?></option>
					<option value="date" data-wp-bind--selected="context.byDate"><?php esc_html_e( 'Newest first', 'switchboard' ); ?></option>
				</select>
			</p>
			<button class="wp-block-switchboard-search__apply wp-element-button" type="submit" data-wp-bind--hidden="context.enhanced"><?php esc_html_e( 'Apply filters', 'switchboard' ); ?></button>
		</div>
	</form>

	<div
		class="wp-block-switchboard-search__results"
		data-wp-bind--hidden="!context.searched"
		data-wp-bind--aria-busy="context.busy"
		data-wp-class--is-busy="context.busy"
	>
		<h2 class="wp-block-switchboard-search__summary" id="<?php echo esc_attr( $switchboard_id ); ?>-summary" tabindex="-1" data-wp-text="context.summary" data-wp-bind--hidden="!context.summary"></h2>
		<p class="wp-block-switchboard-search__note" data-wp-bind--hidden="!context.fallback"><?php esc_html_e( 'Showing basic results while full search is unavailable.', 'switchboard' ); ?></p>
		<p class="wp-block-switchboard-search__error" data-wp-bind--hidden="!context.error"><?php esc_html_e( 'Search is not available right now. Please try again.', 'switchboard' ); ?></p>
		<p class="wp-block-switchboard-search__suggestion" data-wp-bind--hidden="!context.suggestion"><?php echo esc_html( $switchboard_did_you_mean[0] ); ?><a data-wp-bind--href="context.suggestionUrl" data-wp-text="context.suggestion" data-wp-on--click="actions.follow"></a><?php echo esc_html( $switchboard_did_you_mean[1] ); ?></p>
		<p class="wp-block-switchboard-search__empty" data-wp-bind--hidden="!context.empty"><?php esc_html_e( 'Check the spelling, or try fewer or different words.', 'switchboard' ); ?></p>
		<ol
			class="wp-block-switchboard-search__list"
			aria-labelledby="<?php echo esc_attr( $switchboard_id ); ?>-summary"
			data-wp-bind--start="context.start"
			data-wp-bind--hidden="!context.total"
		>
			<template data-wp-each--result="context.results" data-wp-each-key="context.result.id">
				<li class="wp-block-switchboard-search__result" data-wp-class--has-image="context.result.hasImage">
					<template data-wp-each--image="context.result.images">
						<img class="wp-block-switchboard-search__result-image" data-wp-bind--src="context.image.src" data-wp-bind--srcset="context.image.srcset" data-wp-bind--sizes="context.image.sizes" data-wp-bind--width="context.image.width" data-wp-bind--height="context.image.height" alt="" loading="lazy" decoding="async" />
					</template>
					<h3 class="wp-block-switchboard-search__result-title">
						<a data-wp-bind--href="context.result.url"><template data-wp-each--seg="context.result.title"><span><span data-wp-text="context.seg.t"></span><template data-wp-each--mark="context.seg.m"><mark data-wp-text="context.mark"></mark></template></span></template></a>
					</h3>
					<p class="wp-block-switchboard-search__result-meta" data-wp-bind--hidden="context.result.noMeta">
						<span class="wp-block-switchboard-search__result-type" data-wp-text="context.result.type" data-wp-bind--hidden="!context.result.type"></span>
						<time data-wp-bind--datetime="context.result.date" data-wp-text="context.result.dateText" data-wp-bind--hidden="!context.result.dateText"></time>
					</p>
					<p class="wp-block-switchboard-search__result-excerpt" data-wp-bind--hidden="!context.result.hasExcerpt"><template data-wp-each--seg="context.result.excerpt"><span><span data-wp-text="context.seg.t"></span><template data-wp-each--mark="context.seg.m"><mark data-wp-text="context.mark"></mark></template></span></template></p>
				</li>
			</template>
		</ol>

		<nav class="wp-block-switchboard-search__pagination" aria-label="<?php esc_attr_e( 'Search results pages', 'switchboard' ); ?>" data-wp-bind--hidden="!context.paged">
			<ul>
				<li data-wp-bind--hidden="!context.prevUrl"><a data-wp-bind--href="context.prevUrl" rel="prev" data-wp-on--click="actions.follow"><?php esc_html_e( 'Previous page', 'switchboard' ); ?></a></li>
				<template data-wp-each--link="context.pageLinks" data-wp-each-key="context.link.key">
					<li>
						<span aria-hidden="true" data-wp-bind--hidden="!context.link.gap">…</span>
						<a
							data-wp-bind--hidden="context.link.gap"
							data-wp-bind--href="context.link.url"
							data-wp-bind--aria-label="context.link.label"
							data-wp-bind--aria-current="context.link.current"
							data-wp-text="context.link.text"
							data-wp-on--click="actions.follow"
						></a>
					</li>
				</template>
				<li data-wp-bind--hidden="!context.nextUrl"><a data-wp-bind--href="context.nextUrl" rel="next" data-wp-on--click="actions.follow"><?php esc_html_e( 'Next page', 'switchboard' ); ?></a></li>
			</ul>
		</nav>
	</div>
</div>
