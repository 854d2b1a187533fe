<?php
/**
 * Loads the demo content classes. There is no autoloader: this folder is required from the native
 * installer (bin/wp-server), the development mu-plugin under wp-env, and tests alike.
 *
 * @package Switchboard
 */

declare(strict_types=1);

require_once __DIR__ . '/src/Random.php';
require_once __DIR__ . '/src/SentenceBank.php';
require_once __DIR__ . '/src/TextGenerator.php';
require_once __DIR__ . '/src/Catalog.php';
require_once __DIR__ . '/src/ImageGenerator.php';
require_once __DIR__ . '/src/Seeder.php';
