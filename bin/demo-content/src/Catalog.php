<?php
/**
 * The demo publication's catalog.
 *
 * @package Switchboard
 */

declare(strict_types=1);

namespace SwitchboardDev\DemoContent;

/**
 * The curated data behind the demo publication: categories, authors, tags, posts and pages.
 *
 * Everything here is hand-written so the site reads like a real engineering and product publication;
 * TextGenerator turns it into block markup. Keys (slugs, logins) identify items across re-runs.
 */
final class Catalog {

	/**
	 * Categories: slug => [name, description, [gradient from, gradient to, accent] as RGB hex].
	 *
	 * @return array<string, array{name: string, description: string, colors: array{0: string, 1: string, 2: string}}>
	 */
	public static function categories(): array {
		return array(
			'engineering' => array(
				'name'        => 'Engineering',
				'description' => 'How we build, run and measure the platform.',
				'colors'      => array( '1d3557', '457b9d', 'a8dadc' ),
			),
			'product'     => array(
				'name'        => 'Product',
				'description' => 'Decisions, trade-offs and what we learned from the people who use it.',
				'colors'      => array( '5f0f40', '9a031e', 'fb8b24' ),
			),
			'design'      => array(
				'name'        => 'Design',
				'description' => 'Interfaces, systems and the details that make them usable.',
				'colors'      => array( '3a0ca3', '7209b7', 'f72585' ),
			),
			'payments'    => array(
				'name'        => 'Payments',
				'description' => 'Checkout, ledgers, refunds and the plumbing between them.',
				'colors'      => array( '004b23', '007f5f', '80b918' ),
			),
			'search'      => array(
				'name'        => 'Search',
				'description' => 'Indexing, relevance and finding things in a growing archive.',
				'colors'      => array( '023047', '219ebc', 'ffb703' ),
			),
			'culture'     => array(
				'name'        => 'Culture',
				'description' => 'How the team works, hires, writes and learns.',
				'colors'      => array( '6a040f', 'd00000', 'ffba08' ),
			),
		);
	}

	/**
	 * Authors (the admin account writes too). Every demo account's password is "password".
	 *
	 * @return array<string, array{display_name: string, first_name: string, last_name: string, description: string}>
	 */
	public static function authors(): array {
		return array(
			'maya'   => array(
				'display_name' => 'Maya Okafor',
				'first_name'   => 'Maya',
				'last_name'    => 'Okafor',
				'description'  => 'Staff engineer on the platform team. Maya cares about latency budgets, boring deploys and error messages that name the next step.',
			),
			'daniel' => array(
				'display_name' => 'Daniel Reyes',
				'first_name'   => 'Daniel',
				'last_name'    => 'Reyes',
				'description'  => 'Product lead for checkout and the editor experience. Before Switchboard, Daniel ran support for a newsroom of two hundred people.',
			),
			'lena'   => array(
				'display_name' => 'Lena Vogel',
				'first_name'   => 'Lena',
				'last_name'    => 'Vogel',
				'description'  => 'Design director. Lena sketches on paper first, tests with real content second and argues for larger type always.',
			),
			'sam'    => array(
				'display_name' => 'Sam Chen',
				'first_name'   => 'Sam',
				'last_name'    => 'Chen',
				'description'  => 'Engineer working on payments and search infrastructure. Sam has opinions about idempotency keys and keeps a list of every timezone bug seen in production.',
			),
		);
	}

	/**
	 * Tags: slug => name.
	 *
	 * @return array<string, string>
	 */
	public static function tags(): array {
		return array(
			'performance'       => 'Performance',
			'accessibility'     => 'Accessibility',
			'caching'           => 'Caching',
			'php'               => 'PHP',
			'typescript'        => 'TypeScript',
			'gutenberg'         => 'Gutenberg',
			'interactivity-api' => 'Interactivity API',
			'rest-api'          => 'REST API',
			'microservices'     => 'Microservices',
			'observability'     => 'Observability',
			'security'          => 'Security',
			'stripe'            => 'Stripe',
			'checkout'          => 'Checkout',
			'relevance'         => 'Relevance',
			'indexing'          => 'Indexing',
			'design-systems'    => 'Design systems',
			'onboarding'        => 'Onboarding',
			'hiring'            => 'Hiring',
			'remote-work'       => 'Remote work',
			'open-source'       => 'Open source',
			'testing'           => 'Testing',
			'reliability'       => 'Reliability',
		);
	}

	/**
	 * Posts, newest first within each category. "topic" feeds the sentence templates so that posts of one
	 * category still read differently.
	 *
	 * @return list<array{slug: string, category: string, author: string, title: string, topic: string, excerpt: string, tags: list<string>}>
	 */
	public static function posts(): array {
		$rows = array(
			// Engineering.
			array( 'engineering', 'maya', 'Moving block rendering to the server without losing interactivity', 'server-side rendering', 'We moved every service-backed block to render.php. Pages now work before JavaScript loads, and the interactive parts hydrate on top of real markup instead of replacing it.', array( 'performance', 'gutenberg', 'interactivity-api' ) ),
			array( 'engineering', 'sam', 'What a circuit breaker taught us about timeouts', 'the circuit breaker', 'A slow dependency is worse than a dead one. How a per-service breaker, strict timeouts and a fallback per route kept pages fast while the search service was struggling.', array( 'reliability', 'microservices', 'observability' ) ),
			array( 'engineering', 'maya', 'The outbox pattern in WordPress: durable events in the same request', 'the content outbox', 'Publishing a post and telling the search index about it should not be two separate hopes. Writing events to an outbox table in the same request made delivery boring, which is the goal.', array( 'reliability', 'php', 'microservices' ) ),
			array( 'engineering', 'sam', 'Measuring p50 and p99 for a REST route that boots all of WordPress', 'latency measurement', 'A proxy route that loads WordPress can never beat a constant route on the same machine. So we measure both, side by side, and report the ratio instead of an absolute number.', array( 'performance', 'rest-api', 'observability' ) ),
			array( 'engineering', 'maya', 'Typed REST payloads from PHP to TypeScript', 'typed payloads', 'One shape, declared once, checked twice. How we keep the gateway\'s PHP responses and the blocks\' TypeScript types from drifting apart without a code generator.', array( 'typescript', 'php', 'rest-api' ) ),
			array( 'engineering', 'sam', 'Retry budgets: knowing when not to try again', 'retry budgets', 'Retries feel safe until every layer does three of them. We replaced ad hoc retries with a budget per route and only retry what is idempotent by design.', array( 'reliability', 'microservices', 'performance' ) ),
			array( 'engineering', 'maya', 'Running WordPress in CI without Docker', 'CI without containers', 'Our CI machines have PHP and Node but no container engine. A native PHP server, SQLite and a provisioned core give us a real WordPress in under two seconds per job.', array( 'testing', 'php', 'open-source' ) ),
			array( 'engineering', 'sam', 'Signed webhooks, replay windows and clocks that drift', 'webhook signatures', 'An HMAC over the id, timestamp and body, a constant-time comparison and a five-minute window. The details that turned our webhook endpoint from trusting to verifying.', array( 'security', 'microservices', 'rest-api' ) ),
			// Product.
			array( 'product', 'daniel', 'Editors should see what visitors get', 'editor previews', 'A block that looks different in the editor than on the page erodes trust one surprise at a time. Why every Switchboard block previews live data through the same routes visitors use.', array( 'gutenberg', 'onboarding', 'rest-api' ) ),
			array( 'product', 'daniel', 'Shipping a feed that is safe to cache for everyone', 'the cacheable feed', 'Personalized pages and full-page caches rarely get along. We split the feed into a shared first paint and a personal layer that arrives after consent.', array( 'caching', 'performance', 'interactivity-api' ) ),
			array( 'product', 'lena', 'Three customer interviews that changed our roadmap', 'customer interviews', 'We went in to validate a dashboard and came out building a search block. What three editors at growing publications told us about the work they actually do.', array( 'onboarding', 'design-systems', 'open-source' ) ),
			array( 'product', 'daniel', 'Defaults are a product decision', 'sensible defaults', 'Most sites never change a setting. That makes every default a decision we make on their behalf, and it deserves the same care as a feature.', array( 'onboarding', 'accessibility', 'performance' ) ),
			array( 'product', 'daniel', 'How we decide what not to build', 'saying no', 'Our list of things we chose not to build is longer than the changelog. The questions we ask before anything reaches the roadmap, and the ones that usually end the conversation.', array( 'microservices', 'hiring', 'open-source' ) ),
			array( 'product', 'lena', 'Personalization after consent, not before', 'consent-first personalization', 'The cached HTML never holds one visitor\'s data. Personal recommendations load only after consent, in the browser, through the same gateway as everything else.', array( 'security', 'caching', 'interactivity-api' ) ),
			array( 'product', 'daniel', 'Writing release notes people actually read', 'release notes', 'Release notes are a product surface. We stopped listing commits and started answering the one question readers have: what changes for me on Monday?', array( 'onboarding', 'open-source', 'remote-work' ) ),
			array( 'product', 'daniel', 'From publishing site to web app: a migration checklist', 'the migration checklist', 'The twelve questions we ask every team that wants checkout, search and personal feeds on a site that started as a blog.', array( 'microservices', 'checkout', 'performance' ) ),
			// Design.
			array( 'design', 'lena', 'Designing loading states for blocks that call services', 'loading states', 'Skeletons, spinners or nothing at all? How we chose loading states for blocks whose data comes from a service that is usually fast and occasionally is not.', array( 'design-systems', 'accessibility', 'performance' ) ),
			array( 'design', 'lena', 'A type scale for long reads and dense dashboards', 'the type scale', 'One scale had to serve a five-thousand-word essay and a settings panel. The fluid type scale we settled on, and the two sizes we removed.', array( 'design-systems', 'accessibility', 'gutenberg' ) ),
			array( 'design', 'lena', 'Error messages that tell people what to do next', 'error messages', 'Every error message in the product now names what happened, whether anything was lost and what to do next. The rewrite took a week; support tickets dropped within a month.', array( 'accessibility', 'design-systems', 'checkout' ) ),
			array( 'design', 'lena', 'Color tokens that survive dark mode', 'color tokens', 'Naming colors after their role instead of their hue made dark mode a configuration change instead of a redesign. The token structure we use in theme.json.', array( 'design-systems', 'accessibility', 'gutenberg' ) ),
			array( 'design', 'daniel', 'The pay button is the most important pixel on the page', 'the pay button', 'Contrast, size, label and what happens after the click. Everything we tested on a single button, and the one change that moved conversion.', array( 'checkout', 'accessibility', 'stripe' ) ),
			array( 'design', 'lena', 'Motion with a purpose: when animation helps comprehension', 'purposeful motion', 'Animation should explain a change of state, not decorate it. Our rules for motion, including the reduced-motion path that every transition must have.', array( 'accessibility', 'design-systems', 'interactivity-api' ) ),
			array( 'design', 'lena', 'Designing search results people can scan', 'scannable results', 'Titles first, a snippet with the matched words, the date and nothing else. How we designed a results list that readers can scan in two seconds.', array( 'relevance', 'accessibility', 'design-systems' ) ),
			array( 'design', 'maya', 'Accessible focus styles without the outline wars', 'focus styles', 'Removing the focus outline is a bug. A focus style that fits the brand, passes contrast and appears only for keyboard users is a design task.', array( 'accessibility', 'design-systems', 'testing' ) ),
			// Payments.
			array( 'payments', 'sam', 'Idempotency keys, one per attempt', 'idempotency keys', 'A double click must never charge twice. Why every payment attempt gets exactly one idempotency key, where it is created and how long we keep it.', array( 'stripe', 'checkout', 'reliability' ) ),
			array( 'payments', 'daniel', 'Why the browser never chooses the price', 'server-side pricing', 'The visitor picks a product; the server looks up the price from the saved block. A short story about a price field that was editable in the developer tools.', array( 'security', 'checkout', 'rest-api' ) ),
			array( 'payments', 'sam', 'Reconciling payments when a webhook goes missing', 'payment reconciliation', 'Webhooks are delivered at least once, usually. The reconciler that settles payments whose confirmation never arrived, and the alert that tells us it had to.', array( 'stripe', 'reliability', 'observability' ) ),
			array( 'payments', 'sam', 'Loading Stripe.js only when visitors show intent', 'deferred payment scripts', 'Loading a payment library on every page costs every visitor. We load it when someone focuses the pay button, and the checkout still opens instantly.', array( 'stripe', 'performance', 'checkout' ) ),
			array( 'payments', 'daniel', 'A ledger you can explain to an accountant', 'the payments ledger', 'Append-only entries, one currency per row and no floating point. The ledger design that made our first audit a two-hour meeting instead of a two-week project.', array( 'checkout', 'reliability', 'security' ) ),
			array( 'payments', 'sam', 'Refunds, disputes and the states in between', 'refund states', 'A payment is not simply paid or unpaid. The state machine behind refunds and disputes, and the transitions we refuse to allow.', array( 'stripe', 'checkout', 'testing' ) ),
			array( 'payments', 'sam', 'Testing payments without touching a real card network', 'payment testing', 'A local server that speaks the payment API\'s shapes lets us test declines, timeouts and duplicate webhooks on every commit, offline.', array( 'testing', 'stripe', 'microservices' ) ),
			array( 'payments', 'daniel', 'Currency, rounding and the cent that went missing', 'currency rounding', 'Integers in the smallest unit, rounding in one place and a test for every currency with zero or three decimals. How one missing cent led to all three rules.', array( 'checkout', 'testing', 'php' ) ),
			// Search.
			array( 'search', 'sam', 'BM25 explained with a publishing archive', 'BM25 ranking', 'Term frequency, inverse document frequency and length normalization, explained with real queries against eight years of articles.', array( 'relevance', 'indexing', 'performance' ) ),
			array( 'search', 'maya', 'Trigram matching for typos in product names', 'trigram matching', 'Readers misspell product names in creative ways. Trigram indexes catch most of them without a dictionary, at a storage cost we measured.', array( 'relevance', 'indexing', 'typescript' ) ),
			array( 'search', 'maya', 'Search results that work without JavaScript', 'server-rendered search', 'The search block renders real results for the query in the URL, so it works under a full-page cache, in a text browser and before scripts load.', array( 'accessibility', 'caching', 'gutenberg' ) ),
			array( 'search', 'sam', 'Keeping the search index in sync with a content outbox', 'index synchronization', 'Every publish, update and trash becomes an event. How the search service consumes them in order, and how a full re-index repairs anything that drifted.', array( 'indexing', 'reliability', 'microservices' ) ),
			array( 'search', 'maya', 'Relevance tuning with a judgment list', 'judgment lists', 'Tuning relevance by feel makes one query better and three worse. A list of two hundred queries with expected results turned tuning into a test suite.', array( 'relevance', 'testing', 'observability' ) ),
			array( 'search', 'sam', 'Highlighting snippets without breaking markup', 'snippet highlighting', 'Highlighting matched words is easy until the match crosses an HTML entity. How we build snippets from plain text and escape exactly once.', array( 'relevance', 'security', 'typescript' ) ),
			array( 'search', 'maya', 'When to fall back to WP_Query', 'search fallbacks', 'If the search service is down, visitors should still find things. The fallback that answers with WordPress\'s own search, and how we tell readers the results may be less precise.', array( 'reliability', 'php', 'relevance' ) ),
			array( 'search', 'daniel', 'Zero-result searches are a roadmap', 'zero-result queries', 'Every search that finds nothing tells us what readers expected to exist. We review them every week, and they have shaped a third of last quarter\'s articles.', array( 'relevance', 'observability', 'onboarding' ) ),
			// Culture.
			array( 'culture', 'maya', 'Writing design docs that get read', 'design docs', 'A design doc is a tool for deciding, not a record of a decision already made. The template we use, and the section most people skip that matters most.', array( 'remote-work', 'onboarding', 'open-source' ) ),
			array( 'culture', 'sam', 'On-call without heroics', 'on-call rotations', 'If an incident needs a hero, the system needs work. How we made on-call quiet enough that people volunteer for it.', array( 'reliability', 'observability', 'remote-work' ) ),
			array( 'culture', 'lena', 'What we learned from a year of remote pairing', 'remote pairing', 'Pairing across time zones works, with rules: short sessions, rotating drivers and a written summary at the end of each one.', array( 'remote-work', 'hiring', 'onboarding' ) ),
			array( 'culture', 'daniel', 'Onboarding a new engineer in five days', 'onboarding week', 'Day one ends with a merged change. The five-day plan that gets new engineers from laptop to production without a single undocumented step.', array( 'onboarding', 'hiring', 'testing' ) ),
			array( 'culture', 'maya', 'Blameless postmortems, with examples', 'blameless postmortems', 'Three real postmortems, lightly edited, and what made each of them useful: a timeline, the contributing factors and actions with owners.', array( 'reliability', 'observability', 'remote-work' ) ),
			array( 'culture', 'sam', 'Contributing upstream to WordPress core', 'upstream contributions', 'When we hit a limit in core, we try to fix it there first. What we learned shipping patches to the block editor and the REST API.', array( 'open-source', 'gutenberg', 'php' ) ),
			array( 'culture', 'lena', 'Hiring for curiosity', 'curiosity in hiring', 'We stopped asking candidates to solve puzzles and started asking them to explain something they learned recently. The conversations got better and so did the hires.', array( 'hiring', 'remote-work', 'onboarding' ) ),
			array( 'culture', 'admin', 'The weekly demo: small, real and unpolished', 'the weekly demo', 'Every Friday anyone can show what they made, finished or not. Why unpolished demos beat status reports, and the one rule that keeps them short.', array( 'remote-work', 'open-source', 'design-systems' ) ),
		);

		$posts = array();
		foreach ( $rows as $row ) {
			list( $category, $author, $title, $topic, $excerpt, $tags ) = $row;
			$posts[] = array(
				'slug'     => self::slugify( $title ),
				'category' => $category,
				'author'   => $author,
				'title'    => $title,
				'topic'    => $topic,
				'excerpt'  => $excerpt,
				'tags'     => $tags,
			);
		}
		return $posts;
	}

	/**
	 * Pages: slug => [title, block markup].
	 *
	 * @return array<string, array{title: string, content: string}>
	 */
	public static function pages(): array {
		$about   = array(
			'Switchboard is a publication about building web apps on top of WordPress: payments, search, personal feeds and the services behind them.',
			'We write about what we ship and what we got wrong. Most articles come from the engineers, designers and product people who did the work, and every one of them was reviewed by someone who was not in the room.',
			'If you want to reach the team, the contact details are on our company page. We read everything, and we answer most of it.',
		);
		$content = '';
		foreach ( $about as $paragraph ) {
			$content .= TextGenerator::paragraph( $paragraph );
		}
		$content .= TextGenerator::heading( 'What we write about' );
		$content .= TextGenerator::items(
			array(
				'Engineering: rendering, reliability and measurement.',
				'Product and design: decisions, interfaces and the evidence behind them.',
				'Payments and search: the two services readers notice most when they fail.',
				'Culture: how a small team writes, hires and stays on call without heroics.',
			)
		);

		return array(
			'about'   => array(
				'title'   => 'About',
				'content' => $content,
			),
			'search'  => array(
				'title'   => 'Search',
				'content' => TextGenerator::paragraph( 'Search every article in the archive.' )
					. "<!-- wp:switchboard/search {\"instant\":true,\"facets\":[\"category\",\"post_tag\",\"author\",\"date\"]} /-->\n",
			),
			// The payment block's demo: a fixed block id, as the editor would have saved it.
			'support' => array(
				'title'   => 'Support our journalism',
				'content' => TextGenerator::paragraph( 'Switchboard is free to read. If an article saved you a week of work, you can help keep it that way.' )
					. '<!-- wp:switchboard/payment ' . wp_json_encode(
						array(
							'blockId'           => 'support-newsroom',
							'title'             => 'Support the newsroom',
							'description'       => 'A one-time contribution, charged once.',
							'currency'          => 'usd',
							'amounts'           => array( 500, 1500, 5000 ),
							'allowCustomAmount' => true,
							'minAmount'         => 300,
							'maxAmount'         => 100000,
							'successMessage'    => 'Thank you! Your support keeps the archive open.',
						)
					) . " /-->\n",
			),
		);
	}

	/**
	 * A URL slug from a title; stable and independent of WordPress (so it can key items before WordPress runs).
	 *
	 * @param string $title A post title.
	 */
	public static function slugify( string $title ): string {
		$slug = strtolower( $title );
		$slug = (string) preg_replace( '/[^a-z0-9]+/', '-', $slug );
		return trim( $slug, '-' );
	}
}
