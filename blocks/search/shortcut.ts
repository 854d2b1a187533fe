/** The key that moves focus to the search field, as on GitHub, YouTube and MDN. */
export const FOCUS_SHORTCUT = '/';

/** Input types that take no typing, so a `/` pressed on them is not text. */
const NON_TEXT_INPUT_TYPES = new Set( [
	'button',
	'checkbox',
	'color',
	'file',
	'image',
	'radio',
	'range',
	'reset',
	'submit',
] );

/**
 * Whether a key pressed on this target would type into it.
 *
 * @param target The event's target.
 * @return True for text fields, text areas, selects and editable content.
 */
export function isTypingTarget( target: EventTarget | null ): boolean {
	if ( ! ( target instanceof Element ) ) {
		return false;
	}
	if ( target instanceof HTMLInputElement ) {
		return ! NON_TEXT_INPUT_TYPES.has( target.type );
	}
	return (
		target instanceof HTMLTextAreaElement ||
		target instanceof HTMLSelectElement ||
		target.closest( '[contenteditable]:not([contenteditable="false"])' ) !==
			null
	);
}

/**
 * Whether a keydown is the shortcut that focuses the search field: a bare `/`, not typed into
 * another field, not part of an IME composition, and not already handled (by another search block
 * earlier in the page, or by the site's own code).
 *
 * @param event The keydown.
 * @return True when the search field should take focus.
 */
export function isFocusShortcut(
	event: Pick<
		KeyboardEvent,
		| 'key'
		| 'altKey'
		| 'ctrlKey'
		| 'metaKey'
		| 'isComposing'
		| 'defaultPrevented'
		| 'target'
	>
): boolean {
	return (
		event.key === FOCUS_SHORTCUT &&
		! event.altKey &&
		! event.ctrlKey &&
		! event.metaKey &&
		! event.isComposing &&
		! event.defaultPrevented &&
		! isTypingTarget( event.target )
	);
}
