/**
 * Optional persistence: the whole state as one JSON file, written atomically (temporary file, then
 * rename) a moment after changes, so `npm start` restarts keep intents without a write per request.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { emptyData, type StandinData } from './store';

const FILE = 'stripe-standin.json';

/**
 * Reads the snapshot, or an empty state when there is none.
 *
 * @param directory The data folder.
 */
export async function loadSnapshot(
	directory: string
): Promise< StandinData > {
	let text: string;
	try {
		text = await readFile( join( directory, FILE ), 'utf8' );
	} catch ( error ) {
		if ( ( error as NodeJS.ErrnoException ).code === 'ENOENT' ) {
			return emptyData();
		}
		throw error;
	}
	return { ...emptyData(), ...( JSON.parse( text ) as StandinData ) };
}

export class SnapshotWriter {
	private timer: NodeJS.Timeout | null = null;
	private writing: Promise< void > = Promise.resolve();

	constructor(
		private readonly directory: string,
		private readonly read: () => StandinData,
		private readonly delayMs = 200
	) {}

	/** Asks for a write soon; many changes in a burst make one write. */
	schedule(): void {
		if ( this.timer !== null ) {
			return;
		}
		this.timer = setTimeout( () => {
			this.timer = null;
			void this.flush();
		}, this.delayMs );
		this.timer.unref();
	}

	/** Writes now (and waits for any write under way). */
	flush(): Promise< void > {
		if ( this.timer !== null ) {
			clearTimeout( this.timer );
			this.timer = null;
		}
		this.writing = this.writing
			.catch( () => undefined )
			.then( async () => {
				await mkdir( this.directory, { recursive: true } );
				const target = join( this.directory, FILE );
				const temporary = `${ target }.${ process.pid }.tmp`;
				await writeFile( temporary, JSON.stringify( this.read() ) );
				await rename( temporary, target );
			} );
		return this.writing;
	}
}
