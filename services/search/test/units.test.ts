/**
 * The pure parts: text, query parsing, highlights, signatures, configuration.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadConfig } from '../src/config';
import { clip } from '../src/documents';
import { highlightRanges } from '../src/highlight';
import { parseQuery } from '../src/query';
import { snippet } from '../src/snippet';
import { checkSignature, computeSignature } from '@switchboard/service-kit';
import { plainText, slugify, tokenize } from '../src/text';

describe( 'text', () => {
	it( 'tokenizes with UTF-16 offsets and folds case and diacritics', () => {
		const text = '😀 Ça va, NAÏVE ﬁsh?';
		assert.deepEqual(
			tokenize( text ).map( ( { term, start, end } ) => [
				term,
				text.slice( start, end ),
			] ),
			[
				[ 'ca', 'Ça' ],
				[ 'va', 'va' ],
				[ 'naive', 'NAÏVE' ],
				[ 'fish', 'ﬁsh' ],
			]
		);
		assert.equal( slugify( 'Tech & Tools' ), 'tech-tools' );
	} );

	it( 'makes plain text', () => {
		assert.equal(
			plainText( '<p>Fish &amp; chips&#8230;</p>\n\t&bogus; &#0;' ),
			'Fish & chips… &bogus; &#0;'
		);
		assert.equal( clip( 'one two three', 8 ), 'one two…' );
		assert.equal( clip( 'a😀😀', 3 ), 'a…' );
	} );
} );

describe( 'parseQuery', () => {
	it( 'finds words, phrases and the word being typed', () => {
		const parsed = parseQuery( 'big "blue whale" sh' );
		assert.deepEqual(
			parsed.words.map( ( word ) => [ word.term, word.prefix ] ),
			[
				[ 'big', false ],
				[ 'sh', true ],
			]
		);
		assert.deepEqual(
			parsed.phrases.map( ( phrase ) =>
				phrase.map( ( token ) => token.term )
			),
			[ [ 'blue', 'whale' ] ]
		);
		assert.equal( parseQuery( 'sh ' ).words[ 0 ]?.prefix, false );
		assert.equal(
			parseQuery( 's' ).words[ 0 ]?.prefix,
			false,
			'one letter is too short for a prefix'
		);
		// An open quote while typing: still words.
		assert.deepEqual(
			parseQuery( '"blue wha' ).words.map( ( word ) => word.term ),
			[ 'blue', 'wha' ]
		);
		assert.deepEqual(
			parseQuery( '"one"' ).words.map( ( word ) => word.term ),
			[ 'one' ]
		);
	} );
} );

describe( 'highlightRanges', () => {
	it( 'merges words and phrases into sorted, disjoint ranges', () => {
		const text = 'Blue whale, blue sky';
		assert.deepEqual(
			highlightRanges( text, new Set( [ 'blue' ] ), [
				[ 'blue', 'whale' ],
			] ),
			[
				[ 0, 10 ],
				[ 12, 16 ],
			]
		);
		assert.deepEqual( highlightRanges( text, new Set(), [] ), [] );
	} );
} );

describe( 'snippet', () => {
	it( 'cuts around the first match at word boundaries, with ellipses, ranges shifted', () => {
		const words = Array.from( { length: 200 }, ( _, i ) => `w${ i }` );
		const text = words.join( ' ' );
		const at = text.indexOf( 'w120' );
		const cut = snippet( text, [
			[ at, at + 4 ],
			[ text.length - 4, text.length ],
		] );
		assert.ok( cut.text.length <= 300 );
		assert.ok( cut.text.startsWith( '\u2026w' ), cut.text );
		assert.ok( cut.text.endsWith( '\u2026' ) );
		assert.match( cut.text.slice( 1, -1 ), /^w\d+( w\d+)*$/ );
		assert.deepEqual(
			cut.ranges.map( ( [ s, e ] ) => cut.text.slice( s, e ) ),
			[ 'w120' ]
		);

		const start = snippet( text, [ [ 0, 2 ] ] );
		assert.ok( ! start.text.startsWith( '\u2026' ) );
		assert.deepEqual( start.ranges, [ [ 0, 2 ] ] );
		const end = snippet( text, [ [ text.length - 4, text.length ] ] );
		assert.ok( ! end.text.endsWith( '\u2026' ) );
		assert.ok( end.text.endsWith( 'w199' ) );
		assert.equal( end.text.slice( ...( end.ranges[ 0 ] ?? [] ) ), 'w199' );

		assert.deepEqual( snippet( 'short text', [ [ 6, 10 ] ] ), {
			text: 'short text',
			ranges: [ [ 6, 10 ] ],
		} );
	} );
} );

describe( 'checkSignature', () => {
	const body = Buffer.from( '{"id":"e1"}' );
	const now = 1_800_000_000;

	it( 'accepts the signature of the exact body within five minutes, among several', () => {
		const good = computeSignature( 'secret', 'e1', now - 300, body );
		assert.deepEqual(
			checkSignature(
				'secret',
				'e1',
				`t=${ now - 300 },v1=${ 'b'.repeat( 64 ) },v1=${ good }`,
				body,
				now
			),
			{ ok: true }
		);
	} );

	it( 'refuses anything else', () => {
		const sig = ( t: number ) =>
			`t=${ t },v1=${ computeSignature( 'secret', 'e1', t, body ) }`;
		const code = ( ...args: Parameters< typeof checkSignature > ) => {
			const result = checkSignature( ...args );
			return result.ok ? 'ok' : result.code;
		};
		assert.equal(
			code( 'secret', 'e1', sig( now - 301 ), body, now ),
			'stale_signature'
		);
		assert.equal(
			code( 'secret', 'e2', sig( now ), body, now ),
			'bad_signature'
		);
		assert.equal(
			code( 'other', 'e1', sig( now ), body, now ),
			'bad_signature'
		);
		assert.equal(
			code(
				'secret',
				'e1',
				sig( now ),
				Buffer.from( '{"id":"e1" }' ),
				now
			),
			'bad_signature'
		);
		assert.equal(
			code( 'secret', 'e1', sig( now ).toUpperCase(), body, now ),
			'bad_signature'
		);
		assert.equal(
			code( 'secret', 'e1', undefined, body, now ),
			'bad_signature'
		);
		assert.equal(
			code( 'secret', undefined, sig( now ), body, now ),
			'bad_event_id'
		);
	} );
} );

describe( 'loadConfig', () => {
	it( 'reads the environment, with bin/start’s variable as a fallback', () => {
		const config = loadConfig( {
			SWITCHBOARD_WP_URL: 'http://localhost:8888/',
		} );
		assert.equal( config.port, 4101 );
		assert.equal( config.host, '127.0.0.1' );
		assert.equal( config.wordpressUrl, 'http://localhost:8888' );
		assert.equal(
			config.jwksUrl,
			'http://localhost:8888/wp-json/switchboard/v1/jwks'
		);
		assert.equal( config.webhookSecret, null );
		assert.match( config.dataDir, /services\/search\/\.data$/ );
	} );

	it( 'refuses a missing URL, a bad port or log level', () => {
		assert.throws( () => loadConfig( {} ), /SWITCHBOARD_WORDPRESS_URL/ );
		assert.throws(
			() => loadConfig( { SWITCHBOARD_WORDPRESS_URL: 'ftp://x' } ),
			/http/
		);
		assert.throws(
			() =>
				loadConfig( {
					SWITCHBOARD_WORDPRESS_URL: 'http://x',
					PORT: 'x',
				} ),
			/PORT/
		);
		assert.throws(
			() =>
				loadConfig( {
					SWITCHBOARD_WORDPRESS_URL: 'http://x',
					LOG_LEVEL: 'loud',
				} ),
			/LOG_LEVEL/
		);
	} );
} );
