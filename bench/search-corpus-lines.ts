/**
 * Prints generated search documents (bench/search-corpus.ts) as JSON lines, for
 * bench/search-native-load.php's standard input: `tsx bench/search-corpus-lines.ts COUNT [SEED]`.
 */
import { generateDocuments } from './search-corpus';

const count = Number( process.argv[ 2 ] );
const seed =
	process.argv[ 3 ] === undefined ? undefined : Number( process.argv[ 3 ] );
if ( ! Number.isInteger( count ) || count < 1 ) {
	process.stderr.write(
		'usage: tsx bench/search-corpus-lines.ts COUNT [SEED]\n'
	);
	process.exit( 2 );
}
let buffer = '';
for ( const doc of generateDocuments( count, seed ) ) {
	buffer += `${ JSON.stringify( doc ) }\n`;
	if ( buffer.length > 1048576 ) {
		process.stdout.write( buffer );
		buffer = '';
	}
}
process.stdout.write( buffer );
