/**
 * Mounts Settings → Switchboard into the element the PHP page prints.
 */
import domReady from '@wordpress/dom-ready';
import { createRoot } from '@wordpress/element';

import { SettingsScreen } from './settings-screen';
import './settings-screen.scss';

domReady( () => {
	const root = document.getElementById( 'switchboard-settings' );
	if ( root ) {
		createRoot( root ).render( <SettingsScreen /> );
	}
} );
