/**
 * Keeps the index on disk: a snapshot (written to a temporary file, synced, then renamed over the old one)
 * plus an append-only log of the changes since, synced before an event is acknowledged. On start the
 * snapshot is loaded and the log replayed; a torn last line (a crash mid-write) is cut off. Every log entry
 * has a sequence number and the snapshot records the last one it holds, so a crash between writing a
 * snapshot and emptying the log replays nothing twice.
 */
import {
	mkdir,
	open,
	readFile,
	rename,
	rm,
	writeFile,
	type FileHandle,
} from 'node:fs/promises';
import { join } from 'node:path';

import type { SearchDocument } from './documents';
import type { SearchEngine } from './engine/types';

/** One change to the index. */
export type Change =
	{ op: 'put'; document: SearchDocument } | { op: 'remove'; id: number };

interface LogEntry {
	seq: number;
	/** The event that made the changes. */
	event: string;
	/** When it was processed (ms since the epoch). */
	at: number;
	changes: Change[];
}

interface Snapshot {
	version: 1;
	seq: number;
	documents: SearchDocument[];
	/** Processed event ids with the time they were processed, oldest first. */
	processed: [ string, number ][];
}

export interface StoreLogger {
	info: ( object: object, message: string ) => void;
	warn: ( object: object, message: string ) => void;
}

export interface StoreOptions {
	/** Folder of the snapshot and the log; made when missing. */
	directory: string;
	engine: SearchEngine;
	logger: StoreLogger;
	/** Log entries after which a new snapshot is written. Default 1000. */
	snapshotEvery?: number;
	/** Event ids remembered for idempotency. Default 100,000. */
	rememberIds?: number;
}

const SNAPSHOT = 'snapshot.json';
const LOG = 'events.log';
const LOCK = 'lock';

/**
 * Whether a process is running.
 *
 * @param pid Process id.
 */
function alive( pid: number ): boolean {
	try {
		process.kill( pid, 0 );
		return true;
	} catch ( error ) {
		return ( error as NodeJS.ErrnoException ).code === 'EPERM';
	}
}

/**
 * Takes the data folder for this process: two writers would each truncate the other's log.
 *
 * @param directory Data folder.
 */
async function lock( directory: string ): Promise< void > {
	const path = join( directory, LOCK );
	try {
		await writeFile( path, String( process.pid ), { flag: 'wx' } );
		return;
	} catch ( error ) {
		if ( ( error as NodeJS.ErrnoException ).code !== 'EEXIST' ) {
			throw error;
		}
	}
	const holder = Number( await readFile( path, 'utf8' ).catch( () => '' ) );
	if ( Number.isInteger( holder ) && holder > 0 && alive( holder ) ) {
		throw new Error(
			`The index in ${ directory } is in use by process ${ holder }.`
		);
	}
	// Left by a process that is gone.
	await writeFile( path, String( process.pid ) );
}

/**
 * Writes a file so that a reader sees the old or the new content, never a part.
 *
 * @param directory Folder of the file.
 * @param name      File name.
 * @param content   New content.
 */
async function writeAtomically(
	directory: string,
	name: string,
	content: string
): Promise< void > {
	const temporary = join( directory, `${ name }.tmp` );
	const file = await open( temporary, 'w' );
	try {
		await file.writeFile( content );
		await file.sync();
	} finally {
		await file.close();
	}
	await rename( temporary, join( directory, name ) );
	const folder = await open( directory, 'r' );
	try {
		await folder.sync();
	} finally {
		await folder.close();
	}
}

export class IndexStore {
	private seq = 0;

	private snapshotSeq = 0;

	private log: FileHandle | null = null;

	private readonly processed = new Map< string, number >();

	/** Serializes writes, so the log's order is the order changes are applied in. */
	private queue: Promise< unknown > = Promise.resolve();

	private closed = false;

	private constructor( private readonly options: StoreOptions ) {}

	/**
	 * Loads the snapshot and replays the log into the engine.
	 *
	 * @param options Where and what.
	 */
	static async open( options: StoreOptions ): Promise< IndexStore > {
		const store = new IndexStore( options );
		await store.load();
		return store;
	}

	/** Documents in the index. */
	get size(): number {
		return this.options.engine.size;
	}

	/**
	 * Whether an event id was processed already.
	 *
	 * @param eventId Event id.
	 */
	hasProcessed( eventId: string ): boolean {
		return this.processed.has( eventId );
	}

	/**
	 * Applies an event's changes once: logs them durably, then changes the index. Resolves to false, changing
	 * nothing, when the event was processed before. `plan` runs inside the write queue, so it sees the index
	 * as every earlier event left it.
	 *
	 * @param eventId Event id.
	 * @param plan    Computes the changes from the current index.
	 */
	apply(
		eventId: string,
		plan: ( engine: SearchEngine ) => Change[]
	): Promise< boolean > {
		const run = async (): Promise< boolean > => {
			if ( this.closed || this.log === null ) {
				throw new Error( 'The index store is closed.' );
			}
			if ( this.processed.has( eventId ) ) {
				return false;
			}
			const entry: LogEntry = {
				seq: this.seq + 1,
				event: eventId,
				at: Date.now(),
				changes: plan( this.options.engine ),
			};
			await this.log.appendFile( JSON.stringify( entry ) + '\n' );
			await this.log.datasync();
			this.replay( entry );
			if (
				this.seq - this.snapshotSeq >=
				( this.options.snapshotEvery ?? 1000 )
			) {
				await this.writeSnapshot();
			}
			return true;
		};
		const result = this.queue.then( run, run );
		this.queue = result.catch( () => undefined );
		return result;
	}

	/** Writes a snapshot and closes the log; later applies fail. */
	async close(): Promise< void > {
		const finish = async () => {
			if ( this.closed ) {
				return;
			}
			if ( this.seq > this.snapshotSeq ) {
				await this.writeSnapshot();
			}
			this.closed = true;
			await this.log?.close();
			this.log = null;
			await rm( join( this.options.directory, LOCK ), { force: true } );
		};
		const result = this.queue.then( finish, finish );
		this.queue = result.catch( () => undefined );
		return result;
	}

	private async load(): Promise< void > {
		const { directory, engine, logger } = this.options;
		await mkdir( directory, { recursive: true } );
		await lock( directory );

		const snapshotText = await readFile(
			join( directory, SNAPSHOT ),
			'utf8'
		).catch( ( error: NodeJS.ErrnoException ) => {
			if ( error.code === 'ENOENT' ) {
				return null;
			}
			throw error;
		} );
		if ( snapshotText !== null ) {
			const snapshot = JSON.parse( snapshotText ) as Snapshot;
			if ( snapshot.version !== 1 ) {
				throw new Error(
					`Unknown snapshot version ${ String( snapshot.version ) }.`
				);
			}
			for ( const document of snapshot.documents ) {
				engine.upsert( document );
			}
			for ( const [ id, at ] of snapshot.processed ) {
				this.processed.set( id, at );
			}
			this.seq = this.snapshotSeq = snapshot.seq;
		}

		this.log = await open( join( directory, LOG ), 'a+' );
		const text = await this.log.readFile( 'utf8' );
		let good = 0;
		let replayed = 0;
		for ( const line of text.split( '\n' ) ) {
			const end = good + Buffer.byteLength( line ) + 1;
			if ( end > Buffer.byteLength( text ) ) {
				break; // The last piece has no newline: a write that did not finish, or nothing.
			}
			let entry: LogEntry;
			try {
				entry = JSON.parse( line ) as LogEntry;
			} catch {
				break;
			}
			if ( entry.seq > this.seq ) {
				this.replay( entry );
				replayed++;
			}
			good = end;
		}
		if ( good < Buffer.byteLength( text ) ) {
			logger.warn(
				{ droppedBytes: Buffer.byteLength( text ) - good },
				'The index log ends with an incomplete entry; it was dropped.'
			);
			await this.log.truncate( good );
		}
		logger.info(
			{ documents: engine.size, replayed, seq: this.seq },
			'Index loaded.'
		);
	}

	private replay( entry: LogEntry ): void {
		for ( const change of entry.changes ) {
			if ( change.op === 'put' ) {
				this.options.engine.upsert( change.document );
			} else {
				this.options.engine.remove( change.id );
			}
		}
		this.processed.set( entry.event, entry.at );
		const limit = this.options.rememberIds ?? 100_000;
		for ( const id of this.processed.keys() ) {
			if ( this.processed.size <= limit ) {
				break;
			}
			this.processed.delete( id );
		}
		this.seq = entry.seq;
	}

	private async writeSnapshot(): Promise< void > {
		const snapshot: Snapshot = {
			version: 1,
			seq: this.seq,
			documents: [ ...this.options.engine.documents() ],
			processed: [ ...this.processed ],
		};
		await writeAtomically(
			this.options.directory,
			SNAPSHOT,
			JSON.stringify( snapshot )
		);
		await this.log?.truncate( 0 );
		this.snapshotSeq = snapshot.seq;
	}
}
