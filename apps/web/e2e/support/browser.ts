import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Chromium or Chrome usually is, when `CHROMIUM_PATH` does not say (Debian first). */
const KNOWN_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** The browser to drive: `CHROMIUM_PATH`, else the first installed one of `KNOWN_PATHS`. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || KNOWN_PATHS.find((candidate) => existsSync(candidate));
  if (!path) {
    throw new Error(
      'The browser tests need Chromium or Chrome: install it (Debian/Ubuntu: apt-get install chromium) ' +
        'or set CHROMIUM_PATH to its executable.',
    );
  }
  return path;
}

/** Chromium, headless, with nothing reaching out to the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
