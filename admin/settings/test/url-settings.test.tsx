/**
 * The service address form: read-only where a variable decides, checked in the browser before anything is
 * sent, and showing the server's per-field messages.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { fetchSettings, saveSettings } from '../api';
import type { SettingsReport } from '../types';
import { UrlSettings } from '../url-settings';

jest.mock( '../api', () => ( {
	fetchSettings: jest.fn(),
	saveSettings: jest.fn(),
} ) );
const mockedFetch = jest.mocked( fetchSettings );
const mockedSave = jest.mocked( saveSettings );

const report: SettingsReport = {
	services: [
		{
			id: 'search',
			label: 'Search',
			url: '',
			source: 'none',
			editable: true,
			variable: 'SWITCHBOARD_SEARCH_URL',
			configured: false,
		},
		{
			id: 'feed',
			label: 'Feed',
			url: 'http://feed.internal',
			source: 'env',
			editable: false,
			variable: 'SWITCHBOARD_FEED_URL',
			configured: true,
		},
	],
};

function description( element: HTMLElement ): string {
	const id = element.getAttribute( 'aria-describedby' ) ?? '';
	return document.getElementById( id )?.textContent ?? '';
}

function field( name: string ): HTMLInputElement {
	return screen.getByRole( 'textbox', { name } ) as HTMLInputElement;
}

async function renderForm() {
	const announce = jest.fn();
	const onSaved = jest.fn();
	render( <UrlSettings announce={ announce } onSaved={ onSaved } /> );
	await screen.findByRole( 'textbox', { name: 'Search base URL' } );
	return { announce, onSaved };
}

describe( 'UrlSettings', () => {
	beforeEach( () => {
		mockedFetch.mockReset();
		mockedSave.mockReset();
		mockedFetch.mockResolvedValue( report );
	} );

	it( 'shows a URL set by the environment read-only, with the variable', async () => {
		await renderForm();
		const feed = field( 'Feed base URL' );
		expect( feed.readOnly ).toBe( true );
		expect( feed.value ).toBe( 'http://feed.internal' );
		expect( description( feed ) ).toMatch(
			/environment variable SWITCHBOARD_FEED_URL/
		);
	} );

	it( 'refuses a bad URL without sending anything', async () => {
		const { announce } = await renderForm();
		const search = field( 'Search base URL' );
		fireEvent.change( search, { target: { value: 'ftp://x.example' } } );
		await act( async () => {
			fireEvent.click( screen.getByRole( 'button', { name: 'Save' } ) );
		} );

		expect( mockedSave ).not.toHaveBeenCalled();
		expect( search.getAttribute( 'aria-invalid' ) ).toBe( 'true' );
		expect( description( search ) ).toMatch( /http:\/\// );
		expect( announce ).toHaveBeenCalledWith(
			'error',
			expect.stringContaining( 'not saved' )
		);
	} );

	it( 'sends only editable services and shows the server’s field messages', async () => {
		mockedSave.mockRejectedValue( {
			code: 'switchboard_invalid_settings',
			message: 'Some settings were not saved.',
			data: { status: 400, fields: { search: 'Refused by the server.' } },
		} );
		await renderForm();
		fireEvent.change(
			screen.getByRole( 'textbox', { name: 'Search base URL' } ),
			{ target: { value: ' http://search.internal ' } }
		);
		await act( async () => {
			fireEvent.click( screen.getByRole( 'button', { name: 'Save' } ) );
		} );

		expect( mockedSave ).toHaveBeenCalledWith( {
			search: 'http://search.internal',
		} );
		expect( description( field( 'Search base URL' ) ) ).toBe(
			'Refused by the server.'
		);
	} );

	it( 'takes the saved addresses back from the server', async () => {
		mockedSave.mockResolvedValue( {
			services: [
				{
					...report.services[ 0 ],
					url: 'http://search.internal',
					source: 'setting',
					configured: true,
				},
				report.services[ 1 ],
			],
		} );
		const { announce, onSaved } = await renderForm();
		fireEvent.change(
			screen.getByRole( 'textbox', { name: 'Search base URL' } ),
			{ target: { value: 'HTTP://search.internal/' } }
		);
		await act( async () => {
			fireEvent.click( screen.getByRole( 'button', { name: 'Save' } ) );
		} );

		expect( field( 'Search base URL' ).value ).toBe(
			'http://search.internal'
		);
		expect( announce ).toHaveBeenCalledWith( 'success', 'Settings saved.' );
		expect( onSaved ).toHaveBeenCalled();
	} );
} );
