/**
 * A deterministic corpus for the search benchmarks: blog posts of realistic length as contract C1's post data
 * (what WordPress sends the search service), and a realistic mix of visitor queries. Same seed, same output,
 * on every machine: a seeded PRNG and a bundled vocabulary, no dependencies, so the service benchmark and
 * the WordPress-native reference index exactly the same content.
 *
 * The vocabulary is 3,600 real English words in order of frequency, counted over the prose of the
 * documentation shipped with this machine's toolchains (a technical blog's vocabulary). Words are drawn with
 * a Zipf distribution over that rank, and each post leans on a few topic words of its own, so term statistics
 * (document frequencies, burstiness) look like those of a real site.
 */
/* eslint-disable no-bitwise -- a PRNG is bit arithmetic. */

/** A term reference, as in C1's `author` and `terms`. */
export interface CorpusTerm {
	id: number;
	name: string;
}

/** Contract C1's post data (without `fingerprint`, which is the sender's to compute over its own encoding). */
export interface CorpusDocument {
	id: number;
	type: 'post';
	status: 'publish';
	title: string;
	excerpt: string;
	permalink: string;
	author: CorpusTerm;
	terms: { category: CorpusTerm[]; post_tag: CorpusTerm[] };
	/** ISO 8601 with offset, as WordPress sends it: `2026-01-02T03:04:05+00:00`. */
	date: string;
	modified: string;
	/** Plain text, single spaces. */
	content: string;
}

const WORDS =
	`the to is of and in for this or that be with you as if it an are can by will not type on example use
when from default we value function using used no which all code string your object have only see
any file may more set options also but version one option required has between returns should so at
other package data path like name build same values types array target support then error each new
module usage its these method run some into following instead number pattern note library need do
want first they where does source there files return how expression such than must directory license
available tests component specified current test property reference list functions output time
multiple because without given match items dependencies features documentation block information
about schema trait different custom would called install out before them get add call patterns make
via instance create language now argument project two key passed properties check optional here pass
edition what uses syntax listing flag was methods whether work both their added our supported change
after node case environment way arguments field input provided command single configuration status
format programming line variable cache element objects strings text keyword behavior result up
compiler dependency changes details names implementation allows require within user feature possible
rules item been paths web while config props attribute always either errors standard useful
expressions request just defined keys order most find valid being examples characters state
parameters ll program those versions event own supports contains generated automatically lint
specify validation installation parameter above control still even macro attributes matches content
browser message size matching defaults scope include part packages binary link system plugin running
color please through callback another true glob returned well cases might however boolean provide
character mode specific read targets additional provides every performance ms enabled filename
section distributed directly map allow since over setting display inside token compile variables
copy let means memory could found longer start based modules many under otherwise below open
original common requires root access elements once cannot full references messages associated async
works building windows struct class implement similar process second server back named write generic
keywords including end users components expr chapter index level description takes style script take
working next context fields empty enable against calls rather lifetime don schemas itself store
testing react calling issue re regular were currently look interface allowed software contain
literal written selected point future docs yes removed included related release development coverage
security remove last runtime stream times flags prop requests built update registry created blocks
ensure results avoid tools ajv maintainers adding escape simple containing very operations pointer
parent hook promise never relative top define compiled passing guide includes contributing long raw
traits response already fixed host recommended except special makes integer main downloads existing
parser explicitly local connection render client range unless unsafe workspace gt us events produce
compilation rule import hash label parsing tree form table disabled closure accepts native plugins
needs macros document try changed false definition loop ignored arrays git body sets parse
deprecated global warning colors unit comments present etc equivalent enum doesn definitions know
contents requirements application space generate creating functionality consider tier stack
constructor tokens handle needed lt entry structure child sure static ve apply numbers action fix
thread place made ignore commands print starting disable things until platform override manifest
issues tag page directories shown across checks internal compatible old settings libraries styles
separate projects handling implementations terminal hooks external considered implements convert why
extension header specifying safe simply public followed creates register address unicode handler
runs binaries report toolchain panic browsers shared during core asynchronous done repository extra
invalid load width updated implemented writing position important embedded tuple cause bytes none
codes layout keep linux nested usually length known maximum rendered undefined internet around
buffer button previous fast able explanation specification right came controls mutable shows tool
copyright emitted limit lines bound storage applied certain expected encoding children menu prefix
comment query executable renders yet parsed equal sponsors selector badge advanced compatibility
though something according arm builds resolve entity tidelift instances actions debug much threads
programs gets scripts better later fail identifier entries exists resolved selection refer missing
installed profile algorithm editor webpack determine less warnings often resolution constant
exception clone location move intended breaking select ownership null vector necessary operation
stored indicates signature prompt prevent iterator app improve kind displayed having formats
statement alias column several redirecting complete receives detects particular due notice namespace
starts modify absolute optionally closures started per authentication pointers focus appear enables
applies various treated lifetimes network date structs slice template making depending follow few
collection sequence resolver general adds purpose operator metadata inline group thus perform
explicit private basic synchronous follows addition parts export manually nightly representation
variant getting guidelines left matched disallow instructions again too whose flow free throw best
tab extensions debugging validate anything exactly integration applications logic spec exist const
brace design systems bounds three returning experimental entire outside website overrides linker
least summary likely assembly published small learn ways nothing byte execute replace actually
environments thrown correct individual processing resolves repo exact previously whole looks reason
normal literals faster corresponding specifies implementing meaning streams team architecture won
execution choose developers temporary media declaration give large together de bundle modified
folder conditions exports wrapper alignment benchmarks save unknown artifacts go unstable accept
wrap maintenance major symbol utility defines lock problem immutable represents send statements
languages checking exported off typically lints final union log keyv bash put bit unique fully modal
declared handles side declarations task tested zero container defining down bug limited platforms
amount concurrency stop effect immediately yarn words channel become stable minimum configured
difference actual reading indicate throws primary id sync determines icon loaded provider compiling
attempt helps dynamic fails latest https checked protocol executed nodes serialize appropriate base
doing detect regex good correctly alternative pull points enforce tracking filter differences
continue terms updates overridden view exit configure merge members sometimes everything binding
filesystem generates classes supplied step changing complex regardless links variants track depend
benchmark background therefore easy gutenberg converted visible brackets receive described publish
queue invoked selectors lighthouse encoded comparison older borrow maps count setup tags turn break
representing condition formatting post utilities lets dropped registers licensed eg happens hardware
relevant additionally sections else depends along converts escaped rest comes easier bugs inner
listed further situations numeric screen had capture drop fallback emit operators contribute
contributors heap symbols share helper subject worker expansion higher accepted legacy aliases
imports image places active compare playground prints choice primitive download edit generics enums
easily reduce spaces reserved strict underlying resources matcher github safety tasks consistent
separated generation leading railroad short enough lot providing identifiers author port whitespace
linking url people resulting transform sources loader separator detailed proxy declare copied
initial internally behaviour copies wrapped headers designed controlled replacement migration
registered tell affect cover clear referenced bindings logging escapes jest popover problems
potentially chrome prevents official row listener monorepo smart gives plain removes failed info
compression especially going parallel editions exposed portion scopes negative visibility reports
validated expanded babel box handled mark split whenever conversion early lists arbitrary close real
iterators groups failure replaced caching sent earlier wish branch executing community isn model
releases operands automatic updating allowing extend approach entities toggle toolbar third linked
strategy enabling ability reads exposes signal visual hard derived welcome fragment minor cfg policy
moved occurs minimal operand handlers understand kinds ones generally apache passes merged scenarios
others site conditional random rendering slashes patch subcommands recommend goes say placeholder
affects extended milliseconds suffix prelude occur operating speed loading yourself omitted std care
states convention depth mapping remote far deep trigger quotes buttons pairs interpreted tells loops
received forms customize endpoint marked expect unsupported verbose skip solution newer lead
generator removing adapter expose giving inputs who optimized ie probably verify thanks reasons
levels production validating cached bare providers plus properly constants smaller locally title
requirement although think doc steps notation fixes released console instruction prettier goal thing
taking indicating standalone come assigned accessing collections fetch trailing desired modern disk
ref encodings decoding detail produced exclude wrapping alternatively closed progress machine
produces insert labels unused guarantees twice completely extract semantics shell optimizations
becomes word live quick sequences represented parses braces unlike looking trying hidden switch
entirely outer record assumes delete promises indentation panel preferred separators middleware
chalk nbsp risk ranges treat got publishing captured imported direct manager jobs permission json
device holds whatever total ecosystem reported styling border express structures ensures greater
creation did high meant prior walk inferred lower wildcard performs printed guarantee great
developer contributor magic polyfill engine pair arrow bits stores hold happen normally prefer reset
semantic session member frame composite ends duplicate wait specifically combined conventions
unnecessary changelog sindre sorhus implicitly performed accessible accessed question domain futures
widely account maintained subcommand precedence discuss nor located successfully ready impl unix
apps accessibility compiles coercion little slower height helpers placed serialization portions
untrusted readme cookie world recursively double borrowing slices beginning separately implicit low
commit renamed demo similarly respectively mechanism sending convenient keeps formatted graph
listeners concept choices closing displays pool notes seen encode annotation mutability suite expand
suitable outputs shorthand clients procedural overflow preset hello writes organized identical
circular assume remaining contexts manage introduced dot suggestions reporting assignment situation
invocation adapters enter slow vs algorithms determined transforms services supporting detection dev
licensing traversal minimatch figure warn upon efficient impact inserted force interactive
generating socket database resolving layer positions trace parentheses evaluates review recursive
discussed really safely family optimization interfaces priority credential ever logical beyond units
responsible consists resource job namespaces converting synchronously stabilized documents
enterprise curly iteration moving decide documented theme disables addresses cast equality anywhere
evaluated extending potential sorting sign timeout workers loads technology concrete mean analysis
discussion retry corresponds derive migrate mappings cursor begins finally offset difficult wrong
combination offers pretty installing typed fine convenience payload pipeline service overhead chosen
await secret symbolic modes virtual registries font jsdom construct appendix opening profiles
ignores causes comma highly fn subscription dropdown abstract represent mentioned combine suggest
integers improved specifier framework lookup processes guard sustainable million rejected edge asset
letters concepts broken opt processed naming exceptions allocator thousands hex ver decode tabbable
signatures helpful coerce unexpected searching dynamically connect big destructuring ancestor pick
authors sort emits subset columns toolchains triggered destructors params padding shim logo adjusts
allocated purposes aren introduce ch restrictions tuples behind finished appears click larger
deprecation postcss collective covered bind globally repeat describe deal suppress shadow backwards
bring sense guaranteed attempts refers role invoke src taken subsequent prototype editing contact
driver companiesassurances credits storing fact limitation responses requested leave originally
completion retrieve unsigned area route partial timestamp javascript backers google sass nesting
pointing incorrect filtering popular clean artifact overriding chunk replaces management extern
encountered callbacks meta self secondary negated emoji possibly interact extremely term vectors
restriction successful significant pages join firefox conflicts manual improvements bar templates
logger encoder forward captures compared ambiguous tabs diff modifiers origin args segment sponsor
mime iframe mind attempting talk bad particularly newline cost assumed deeply ambiguity limits cross
preserve positional stdout commercial pathname annotations declaring automated focused interrupt
processors seconds shipped decimal proposal primitives commits ci normalized chromium almost
dereference inclusive away maintain configurations past covers http aware triple max kernel pure
twitter factory tap radio my annotated matter drive overview introduction importing mobile
diagnostics grammar category baseline extglob codecov caller chain moment conflict constraints
impossible keeping experience hashing omit processor upgrade upper activate super void lowercase
rejects repeated spawned strategies obtain tooling unwinding evaluation executables non prefixed
aligns stylesheet assign themselves advantage optimize hand causing behave serve receiver begin
wraps neither distribution presence deleted attached limitations filenames picker series commonly
contrast suggestion wanted remember scalar bottom online failing success tiny contained home mostly
fastest identify asynchronously extracted runner diagnostic configs bundled navigation extglobs jon
opts playwright knows didn checker tables locations clarify accidentally coerced backend linting
normalize modifier converter four copying printing iterate referred statically skipped waiting
heading reuse counter remain specifications effects questions vulnerability signed streaming
backslashes backtracking performant deliver health functional funky person stops intermediate
concurrent describing receiving proper servers ignoring transition downloaded interaction snapshot
records logs deletes expanding drastic requiring canonical allocation validity responsibility front
digits ensuring describes apple onto floating succeeds inspect initialized rely ship migrating
paying caches images homepage fork scheme capabilities infer cleanup consume readable interior
quickly practice game shape hosts supply anonymous flexible saved upload readers detected
invocations strip horizontal serialized excluding focusable variety increase append letter indices
usual completed searches backslash connected lightweight incoming shortcut lazy differ selecting
versioning inherent markdown direction zone minified conduct decoder remains catch performing
necessarily indexing cycle constraint hierarchy feel significantly secure walking workflow fall lib
buffers throwing stringify evaluate tries initialize says programmer closest qualified moves sharing
basis sizes reverse timers comparisons window deterministic spacing cwd globbing grid contribution
interval signals turns casting interested practices protocols ask applicable exits behaves dispatch
compose simplify critical distinct infrastructure loose certificate flat peripheral endian redis
loaders preceding overall relying assertions consumer finds contributions showing affected restrict
initialization visit history extends beware vendor predicate clock str la param standards falls
email listen quite offline introduces underscore thumb aligned metrics docker expectations excluded
expansions preserved granted searched lexer descriptor discord disclosure elsewhere semicolon
infinite concise race foreign borrows choosing panics arms concurrently respect connections alone
fill engines chunks destructor breaks predefined displaying var colored stderr charset mapped abi
variadic ships safari minify posix josh deno bun explore familiar dealing slightly answer exclusive
translation stay ordered course period recent scrutinee globals raise subscribe clicked expired el
stats routes yargs haven differently wide comprehensive kept conjunction idea pieces negation leaves
containers capturing owner soon conditionally alongside ordering consumers pin lockfile permissions
semver globs assets recently minifier stays attempted primarily whereas shorter owners finish
determining managing replacing runtimes strictly stability behaviors offer draft atomic yields
dependent highlight compressed peripherals protection registration drag recall push combining
operate cloning channels indicated upstream clearly treating workspaces manner clang foundation
devices video inherits inherited prefixes metric stale submit architectures rights frames tipos
typescript tooltip anchor expects holding technique confusing preference models applying vice
occurrences regarding comparing independent coercions irrefutable mut restricted snippet activated
bundler accordingly awareness traverse hostname electron validator expiration bodies continues reach
effectively division mix introducing communicate independently brings rewrite versa incompatible
newly structured shallow calculate expands clicking opens substantial unchanged notices lifecycle
shall scroll sized mistake proceed incorrectly careful mangling compound throughout rc initially
needing universal declares worked mitigate appropriately sensitive eventually harness rewritten
elision succeeded obtaining escaping slash retrieved appended ongoing reader permit stars owned
constructs scenario assertion coming substituted complexity involved flexibility among sample
chaining roughly vertical attacks guess garbage bracket rebuild positive coordinate timer filtered
upgrading board tail aims relies removal emulator compact filters fired trees junon iterable
uncontrolled inspector pino assuming me acceptable borrowed repetition belongs said guessing
executes completes wants powerful capacity encounter inference immediate axis retries computed
configurable simplest mutex perhaps precision average blog locking inject shift timing codegen es
enhanced locale pipelines uninitialized float glibc un ben basename refresh truthy assigning topic
wouldn abstraction modifying mutate despite pay meaningful ran distribute inspired compares
inheritance inherit measure logged maintaining roles frequently feedback sparse huge watching
patches consistency aliasing sessions emitting env authenticate natively discriminant textual libc
rich css white reject splitting programmers arithmetic collect downstream chat organization
transformed manages attention red branches assumptions duration statics persist undo day redirect
proposals watch opaque stage discovery legal repositories debugger communication endpoints supplying
persistent mouse musl markup conventional encodes typing asked minimize simpler quote act listening
respond differs accepting somewhat teams counts increment password reached marks indent dimension
overwrite retain constructors trusted quality thank enforces modifies historical parsers silently
queries stuff policies discovering rows charge intel preview statistics fires ws slug underscores
ending understanding dereferencing considerations referring solutions placeholders aspect angle
categories actively develop workaround relatively conversions malformed disabling fire combinations
pending incremental unified mixed syntaxes credentials existence debuggers pipe tip organizations
miscellaneous stringified suppose que whom alpha fs somewhere interacting tried explain alternatives
sends increases opposed plan characteristics rare overwritten ideas jump fit technical friendly
accurate switching meet nearest leaving backward dir redirects descriptions compress stripped ratio
permitted directives joined representations inlined delimiters matchers decoded hereby mathias
stylelint analytics assistive icons attribution straightforward thought computer terminate met books
caution preventing wildcards controlling counted polling finishes cookies isolation clause coding
circumstances serves costs simplified configuring interactions failures gzip party symlinks
destination sufficient compute bundles sublicense sell persons furnished clears theming char
abstractions collisions deref modification worth saw refactor achieve blocking fewer today sites
everyone efficiently panicking hint python scheduled implies interrupts furthermore rustfmt tagged
digit span strongly obtained fragments screens attack hexadecimal emulation targeting persistence
wasm transpile injection regexp formatters consecutive agent edits presets unchanging learned
grouped caused idiomatic iterating assert benefits unfortunately duplicated cycles someone lives
labeled consumed consuming developing exiting walks lots guards surrounding precise typical rate
correctness regions merging checksum deps fresh reflect constructed mangled snippets collapsed para
sourcemap slack registering orientation transfer cleaned complicated exchange asserts anyone
redundant mock cloned refactoring alternate happened benefit invoking possibility instantiating
counting repeating strong reliably pixels dimensions reasonably fetching manipulate specifiers
reasonable hit booleans suggested mandatory debuginfo tracing directive android compliant selects
achieved portability ports segments enclosing delimiter fulfilled programmatically una se editable
swatch checkboxes uri memoization expressed demonstrate years marker ultimately life indexes
excellent play individually closely customizing improves handy saving intend robust clauses
consumption ideal powers bigger measures acquire dropping dedicated transformations arises align
scale dots effort snapshots exponential caveats dead spread destroyed mozilla nodejs manipulating
animation tick exceeded monitoring ttl individuals sees annotate definitely goals human readability
interpretation assignments days microcontroller scratch indicator increasing sidebar wherever
distinguish destructure forced accesses unset companies uppercase opened abort refutable mention
reusable acts proposed scoped availability margin forwards nov gitignore hosted resolvers
instantiated traversing hardfloat emscripten sub cancel prepend globstar gzipped dragging swatches
peer serializer allocate worry five contract forget subtle unions multithreaded finding improving
principles privacy fashion gracefully blank equals encourage consistently narrow spawning shouldn
reaches studio expensive tutorial generators shadowing calculated boundaries reliable succeed
archive serving decided negate visually respective head formatter effective tips encouraged hints
normalization newlines authorization sibling product carries manipulation structural reviewing
products api verb gold widget subschema img walker serializers ast decision putting inserting attach
dereferenced warns exposing interpret grow reducing closes pressing requesting extensive variations
matters nice additions confusion linter exporting yank bump weak mainly miss extracting turned
terminated verification adjust monthly satisfied tracked carefully yield answers href toggles
vertically xdebug ids enumeration colon vulnerabilities piece dangling glossary square complies
learning leak roots nest middle implementors thin terminals aspects historically inverse evaluating
occurrence truncate rename unwind discard graphs vary denotes customizable edges conflicting sysroot
ident zsh styled restore respecting cryptographic adjacent delimited samples emulated cacheable
accuracy advance technologies silver bronze clipboard alter races deny composed initializer
propagation aka mutating wrote looked translations postfix drops sorted seems satisfy saves
subdirectories ahead continuing waits mechanisms transformation granular developed producing surface
favor month variation mitigation easiest year dashes merges deleting continuous intentional strips
trim stdin descriptors adjusted recommendation checkout foo customized placement region tokenizer
combinators lazily cut instrumented vulnerable explorer traversed travis validates polyfills crypto
titles toggled palette majority six his nature intent crash seem concatenate referencing remainder
constrained involves filled modifications pause spot discover locked solve treats specially iterated
operates mixing power bunch identifies correspond octal avoided age programmatic ordinary embed
certificates backends testsuite unspecified mutually grant basically enclosed paragraph alloc
unescaped injected bypass simulator instrumentation ping con bundlers briggs mount autocomplete
dates proxies suggests grouping brought bringing demonstrates explaining caught practical observe
illustrate protect collecting imagine unsized english ctrl shutdown submodules hood rarely
supertraits elided installs decisions hence restricts cleared duplication apart gain callers
essentially unlimited leaks posts intentionally andrew officially partially subdirectory avoids
excessive chars lookups provenance dash reused caps scan readonly unavailable normalizes star int
wiki los globby bynens memoized obj contributed forcefully viewport horizontally panels enumerable
queued entering commas consisting largest everywhere trust considers extensible understands catches
heavily interesting knowledge clearer entered repeatedly inserts overloading chance troubleshooting
iterates anyway dyn unrelated integrate topics delay frameworks locks desktop reviewed temporarily
constructing procedure besides absence casts afterwards switches discarded submitting optimizing
perf candidates omitting duplicates overlay picked wrappers alphabetical maintainer profiling
hostnames suffixes inert cap compliance en selections folders dotfiles micromatch themes platinum
alex transpiled banner ease absolutely simplicity credit asks diverging tracks improvement round
corner accomplish navigating unlikely restart spawn downside integrated continuously editors implied
scoping binds recompile discussions pulled aborting occurred guidance uploaded guarded init markers
fixing room boundary parallelism scheduling lack transforming issued resets layers timings login
symlinked specs packaging symlink schemes respects respected authenticated exceeds retried
hierarchical builder essential qualifier translated confirm traces bulk infinity expectation quoted
bundling forked refs div shareable responsive validators expire animations creator visitor tue
distinction resultant ruby illustrates becoming assumption problematic recommendations disallowed
mutation latter perfect anymore relationship simultaneously organize submodule awaiting
customization meets principle documenting boilerplate knowing touch computation descriptive avoiding
prefixing presented revision analyze consideration inform compilers expecting exhaustive internals
traditional boxed declarative unusual rebuilt skips chained maybe months motivation raised desirable
collision hashes notifications medium calendar highest singleton black cloud capped xcode tipo
iframes scrolling js typography perfectly invariant deeper appends interpreting experiment brief
concerns unrecoverable recoverable blue pipes explained exercise cleaning downloading sorts username
satisfies shadowed varying timeouts hits edited specialized minutes toolkit machines anatomy existed
lose syntactic worthwhile clones established carry impls reduces verifying payloads card arc caveat
caret differentiate fetched spent microsoft drawbacks standardized launch quoting substantially
phase offered redefine undocumented serializing interoperability chip packed decorated rounded
punctuation subtype descendants ideally`.split( /\s+/ );

const FIRST_NAMES = [
	'Ada',
	'Bea',
	'Carlos',
	'Dana',
	'Elif',
	'Farid',
	'Grace',
	'Hiro',
	'Ines',
	'Jonas',
];
const LAST_NAMES = [
	'Okafor',
	'Lindqvist',
	'Moreau',
	'Tanaka',
	'Schultz',
	'Alvarez',
	'Novak',
	'Reyes',
];

const CATEGORY_NAMES = [
	'News',
	'Tutorials',
	'Releases',
	'Performance',
	'Security',
	'Design',
	'Accessibility',
	'Community',
	'Events',
	'Case studies',
	'Opinion',
	'Interviews',
	'Tooling',
	'Testing',
	'Infrastructure',
	'Databases',
	'Frontend',
	'Backend',
	'Mobile',
	'Data',
	'Careers',
	'Open source',
	'Research',
	'Tips',
	'Guides',
	'Announcements',
	'Product',
	'Engineering',
	'Operations',
	'Culture',
];

/** Posts span this many years, ending at END. */
const YEARS = 8;
/** A fixed end, so the same seed gives the same dates on any day. */
const END = Date.UTC( 2026, 10, 1 );
const DAY_MS = 86_400_000;
const SPAN_MS = YEARS * 365 * DAY_MS;

/** Authors, categories and tags: fixed for every seed, as a site's taxonomy is. */
const AUTHORS: CorpusTerm[] = Array.from( { length: 40 }, ( _, i ) => ( {
	id: i + 2,
	name: `${ FIRST_NAMES[ i % FIRST_NAMES.length ] } ${
		LAST_NAMES[
			( i * 3 + Math.floor( i / FIRST_NAMES.length ) ) % LAST_NAMES.length
		]
	}`,
} ) );
const CATEGORIES: CorpusTerm[] = CATEGORY_NAMES.map( ( name, i ) => ( {
	id: i + 1,
	name,
} ) );
/** Tags are vocabulary words of middle frequency, capitalized. */
const TAGS: CorpusTerm[] = WORDS.slice( 300, 700 ).map( ( word, i ) => ( {
	id: 100 + i,
	name: word[ 0 ]?.toUpperCase() + word.slice( 1 ),
} ) );

/**
 * A seeded PRNG (sfc32 seeded through splitmix32): fast, good enough for test data, identical everywhere.
 */
class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	constructor( seed: number ) {
		let state = seed >>> 0;
		const next = () => {
			state = ( state + 0x9e3779b9 ) >>> 0;
			let z = state;
			z = Math.imul( z ^ ( z >>> 16 ), 0x85ebca6b );
			z = Math.imul( z ^ ( z >>> 13 ), 0xc2b2ae35 );
			return ( z ^ ( z >>> 16 ) ) >>> 0;
		};
		this.a = next();
		this.b = next();
		this.c = next();
		this.d = next();
		for ( let i = 0; i < 12; i++ ) {
			this.float();
		}
	}

	/** Uniform in [0, 1). */
	float(): number {
		const t = ( ( ( this.a + this.b ) >>> 0 ) + this.d ) >>> 0;
		this.d = ( this.d + 1 ) >>> 0;
		this.a = this.b ^ ( this.b >>> 9 );
		this.b = ( this.c + ( this.c << 3 ) ) >>> 0;
		this.c = ( ( this.c << 21 ) | ( this.c >>> 11 ) ) >>> 0;
		this.c = ( this.c + t ) >>> 0;
		return t / 4294967296;
	}

	/**
	 * Integer in [min, max].
	 * @param min
	 * @param max
	 */
	int( min: number, max: number ): number {
		return min + Math.floor( this.float() * ( max - min + 1 ) );
	}

	pick< T >( items: readonly T[] ): T {
		return items[ Math.floor( this.float() * items.length ) ] as T;
	}
}

/**
 * Draws ranks 0..n-1 with probability proportional to 1 / (rank + offset)^exponent, by binary search over
 * the cumulative weights.
 */
class Zipf {
	private readonly cumulative: Float64Array;

	constructor( n: number, exponent = 1.05, offset = 2.7 ) {
		this.cumulative = new Float64Array( n );
		let total = 0;
		for ( let rank = 0; rank < n; rank++ ) {
			total += 1 / ( rank + offset ) ** exponent;
			this.cumulative[ rank ] = total;
		}
		for ( let rank = 0; rank < n; rank++ ) {
			this.cumulative[ rank ] =
				( this.cumulative[ rank ] as number ) / total;
		}
	}

	draw( random: Random ): number {
		const x = random.float();
		let low = 0;
		let high = this.cumulative.length - 1;
		while ( low < high ) {
			const middle = ( low + high ) >>> 1;
			if ( ( this.cumulative[ middle ] as number ) < x ) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}
		return low;
	}
}

const WORD_RANKS = new Zipf( WORDS.length );
const TAG_RANKS = new Zipf( TAGS.length, 0.9 );
const CATEGORY_RANKS = new Zipf( CATEGORIES.length, 0.8, 1 );
const AUTHOR_RANKS = new Zipf( AUTHORS.length, 0.6, 1 );

/** Words rarer than this rank make good topics and queries (the most frequent ones are function words). */
const CONTENT_RANK = 100;

const capitalize = ( text: string ) =>
	( text[ 0 ]?.toUpperCase() ?? '' ) + text.slice( 1 );

/**
 * ISO 8601 the way WordPress formats a GMT date.
 *
 * @param time Ms since the epoch.
 */
const isoDate = ( time: number ) =>
	new Date( time ).toISOString().replace( /\.\d{3}Z$/, '+00:00' );

/** Draws the words of one post: the site's Zipf vocabulary, with the post's topic words mixed in. */
class PostWriter {
	constructor(
		private readonly random: Random,
		private readonly topics: readonly string[]
	) {}

	word(): string {
		if ( this.random.float() < 0.06 ) {
			return this.random.pick( this.topics );
		}
		return WORDS[ WORD_RANKS.draw( this.random ) ] as string;
	}

	/**
	 * Words in sentences (capitalized, with a full stop), `count` words in all.
	 * @param count
	 */
	sentences( count: number ): string {
		const out: string[] = [];
		let left = count;
		while ( left > 0 ) {
			const length = Math.min( left, this.random.int( 6, 22 ) );
			const words = Array.from( { length }, () => this.word() );
			out.push( capitalize( words.join( ' ' ) ) + '.' );
			left -= length;
		}
		return out.join( ' ' );
	}
}

/**
 * Blog posts 1..count as C1 post data.
 *
 * @param count How many.
 * @param seed  PRNG seed (default 1).
 */
export function* generateDocuments(
	count: number,
	seed = 1
): Generator< CorpusDocument > {
	const random = new Random( seed );
	for ( let id = 1; id <= count; id++ ) {
		const topics = Array.from(
			{ length: random.int( 3, 5 ) },
			() =>
				WORDS[
					CONTENT_RANK +
						( WORD_RANKS.draw( random ) %
							( WORDS.length - CONTENT_RANK ) )
				] as string
		);
		const writer = new PostWriter( random, topics );
		const titleWords = Array.from(
			{ length: random.int( 4, 12 ) },
			( _, i ) => ( i < 2 ? ( topics[ i ] as string ) : writer.word() )
		);
		// Shuffle so the topic words are not always first.
		for ( let i = titleWords.length - 1; i > 0; i-- ) {
			const j = random.int( 0, i );
			[ titleWords[ i ], titleWords[ j ] ] = [
				titleWords[ j ] as string,
				titleWords[ i ] as string,
			];
		}
		// 300 to 1,500 words, skewed towards short posts: mean about 730.
		const length = 300 + Math.floor( 1200 * random.float() ** 1.8 );
		const date = END - Math.floor( random.float() * SPAN_MS );
		const modified =
			random.float() < 0.5
				? date
				: Math.min(
						END,
						date + Math.floor( random.float() * 400 * DAY_MS )
					);
		const categories = new Map< number, CorpusTerm >();
		for ( let i = random.float() < 0.3 ? 2 : 1; i > 0; i-- ) {
			const category = CATEGORIES[
				CATEGORY_RANKS.draw( random )
			] as CorpusTerm;
			categories.set( category.id, category );
		}
		const tags = new Map< number, CorpusTerm >();
		for ( let i = random.int( 0, 6 ); i > 0; i-- ) {
			const tag = TAGS[ TAG_RANKS.draw( random ) ] as CorpusTerm;
			tags.set( tag.id, tag );
		}
		yield {
			id,
			type: 'post',
			status: 'publish',
			title: capitalize( titleWords.join( ' ' ) ),
			excerpt: writer.sentences( random.int( 25, 50 ) ),
			permalink: `https://example.test/?p=${ id }`,
			author: {
				...( AUTHORS[ AUTHOR_RANKS.draw( random ) ] as CorpusTerm ),
			},
			terms: {
				category: [ ...categories.values() ].map( ( term ) => ( {
					...term,
				} ) ),
				post_tag: [ ...tags.values() ].map( ( term ) => ( {
					...term,
				} ) ),
			},
			date: isoDate( date ),
			modified: isoDate( modified ),
			content: writer.sentences( length ),
		};
	}
}

/**
 * A word with one typo: a letter dropped, doubled, swapped with the next, or replaced.
 *
 * @param word   A word of 5 or more letters.
 * @param random PRNG.
 */
function misspell( word: string, random: Random ): string {
	const at = random.int( 1, word.length - 2 );
	switch ( random.int( 0, 3 ) ) {
		case 0:
			return word.slice( 0, at ) + word.slice( at + 1 );
		case 1:
			return word.slice( 0, at ) + word[ at ] + word.slice( at );
		case 2:
			return (
				word.slice( 0, at ) +
				word[ at + 1 ] +
				word[ at ] +
				word.slice( at + 2 )
			);
		default: {
			const letter = String.fromCharCode( 97 + random.int( 0, 25 ) );
			return word.slice( 0, at ) + letter + word.slice( at + 1 );
		}
	}
}

/**
 * Visitor queries, a realistic mix: one to three words drawn from the corpus vocabulary (Zipf, skipping the
 * most frequent function words), as-you-type prefixes of the last word, misspelled words and "quoted phrases".
 *
 * @param count How many.
 * @param seed  PRNG seed (default 1).
 */
export function generateQueries( count: number, seed = 1 ): string[] {
	const random = new Random( seed ^ 0x5eed );
	const word = () =>
		WORDS[
			CONTENT_RANK +
				( WORD_RANKS.draw( random ) % ( WORDS.length - CONTENT_RANK ) )
		] as string;
	const anyWord = () => WORDS[ WORD_RANKS.draw( random ) ] as string;
	const queries: string[] = [];
	while ( queries.length < count ) {
		const kind = random.float();
		let length = 1;
		if ( random.float() >= 0.45 ) {
			length = random.float() < 0.7 ? 2 : 3;
		}
		const words = Array.from( { length }, word );
		if ( kind < 0.5 ) {
			queries.push( words.join( ' ' ) );
		} else if ( kind < 0.72 ) {
			// Typing: the last word cut to 3 or more letters.
			const last = words[ words.length - 1 ] as string;
			const cut =
				last.length <= 3
					? last.length
					: random.int( 3, last.length - 1 );
			words[ words.length - 1 ] = last.slice( 0, cut );
			queries.push( words.join( ' ' ) );
		} else if ( kind < 0.9 ) {
			const at = random.int( 0, words.length - 1 );
			const target = words[ at ] as string;
			if ( target.length >= 5 ) {
				words[ at ] = misspell( target, random );
			}
			queries.push( words.join( ' ' ) );
		} else {
			// A phrase of two or three frequent words, alone or with another word.
			const phrase = Array.from(
				{ length: random.int( 2, 3 ) },
				anyWord
			).join( ' ' );
			queries.push(
				random.float() < 0.5
					? `"${ phrase }"`
					: `${ word() } "${ phrase }"`
			);
		}
	}
	return queries;
}
