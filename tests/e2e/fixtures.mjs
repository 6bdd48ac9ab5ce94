// Every end-to-end test runs on a pinned clock, so its result does not depend on the day it
// runs (the default "Gültig bis 31.12.2028" must stay in the future, file names carry the date).
// Time flows naturally from the pinned moment; timers run as usual.
import { test as base, expect } from '@playwright/test';

/** 22 November 2026, 10:00 in Berlin: the moment every test's browser believes it is. */
export const PINNED_TIME = new Date('2026-11-22T10:00:00+01:00');
/** The pinned day as the app writes it into file names. */
export const PINNED_DAY = '2026-11-22';

/** Pins the clock of a browser context a test creates itself. */
export async function pinClock(context) {
  await context.clock.install({ time: PINNED_TIME });
}

export const test = base.extend({
  context: async ({ context }, use) => {
    await pinClock(context);
    await use(context);
  },
});

export { expect };
