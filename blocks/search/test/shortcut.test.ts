/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { isFocusShortcut, isTypingTarget } from '../shortcut';

/**
 * A keydown as the browser would dispatch it on a target.
 *
 * @param target Element the key was pressed on.
 * @param init   Key and modifiers.
 * @return The event, after dispatch (so `target` is set).
 */
function keydownOn( target: Element, init: KeyboardEventInit ): KeyboardEvent {
	const event = new KeyboardEvent( 'keydown', {
		bubbles: true,
		cancelable: true,
		...init,
	} );
	target.dispatchEvent( event );
	return event;
}

function element< K extends keyof HTMLElementTagNameMap >(
	tag: K,
	attributes: Record< string, string > = {}
): HTMLElementTagNameMap[ K ] {
	const node = document.createElement( tag );
	for ( const [ name, value ] of Object.entries( attributes ) ) {
		node.setAttribute( name, value );
	}
	document.body.append( node );
	return node;
}

describe( 'isTypingTarget', () => {
	it.each( [
		[ 'a text field', element( 'input' ) ],
		[ 'an email field', element( 'input', { type: 'email' } ) ],
		[ 'a text area', element( 'textarea' ) ],
		[ 'a select', element( 'select' ) ],
		[ 'editable content', element( 'div', { contenteditable: 'true' } ) ],
		[
			'an element inside editable content',
			element( 'div', { contenteditable: '' } ).appendChild(
				document.createElement( 'span' )
			),
		],
	] )( 'is true for %s', ( _name, target ) => {
		expect( isTypingTarget( target ) ).toBe( true );
	} );

	it.each( [
		[ 'a checkbox', element( 'input', { type: 'checkbox' } ) ],
		[ 'a button', element( 'button' ) ],
		[ 'a link', element( 'a', { href: '#' } ) ],
		[ 'the page body', document.body ],
		[
			'content made not editable',
			element( 'p', { contenteditable: 'false' } ),
		],
	] )( 'is false for %s', ( _name, target ) => {
		expect( isTypingTarget( target ) ).toBe( false );
	} );

	it( 'is false for a target that is not an element', () => {
		expect( isTypingTarget( null ) ).toBe( false );
		expect( isTypingTarget( window ) ).toBe( false );
	} );
} );

describe( 'isFocusShortcut', () => {
	it( 'accepts a bare slash pressed outside any field', () => {
		expect(
			isFocusShortcut( keydownOn( document.body, { key: '/' } ) )
		).toBe( true );
	} );

	it( 'ignores other keys', () => {
		expect(
			isFocusShortcut( keydownOn( document.body, { key: 's' } ) )
		).toBe( false );
	} );

	it.each( [ 'altKey', 'ctrlKey', 'metaKey' ] as const )(
		'ignores a slash with %s held',
		( modifier ) => {
			expect(
				isFocusShortcut(
					keydownOn( document.body, { key: '/', [ modifier ]: true } )
				)
			).toBe( false );
		}
	);

	it( 'ignores a slash typed into another field', () => {
		expect(
			isFocusShortcut( keydownOn( element( 'textarea' ), { key: '/' } ) )
		).toBe( false );
	} );

	it( 'ignores a slash that is part of an IME composition', () => {
		expect(
			isFocusShortcut(
				keydownOn( document.body, { key: '/', isComposing: true } )
			)
		).toBe( false );
	} );

	it( 'ignores a slash another handler already took', () => {
		document.body.addEventListener(
			'keydown',
			( event ) => event.preventDefault(),
			{ once: true }
		);

		expect(
			isFocusShortcut( keydownOn( document.body, { key: '/' } ) )
		).toBe( false );
	} );
} );
