import type { View } from './views';

/**
 * What each page reads first, asked for as the tab starts (with `/api/me`), while the page's code is
 * still loading: the page then finds its answer waiting instead of asking only once its code has run
 * and `/api/me` has answered. A path must be exactly the one the page asks for (tests count each
 * request: tests/e2e/tab-early-data.test.ts). It is asked for only once `/api/me` says the person
 * may see the page (early.ts); the server still checks every request.
 */
export const EARLY_DATA: Partial<Record<View, readonly string[]>> = {
  waiting: ['/api/waiting'],
  requests: ['/api/access-requests', '/api/posting-requests'],
  unblocks: ['/api/unblocks'],
  // The log with no filter, newest reported first (incidents-api.ts `NO_FILTERS`); filters kept from earlier in the session ask afresh.
  incidents: ['/api/incidents?sort=reportedAt&dir=desc'],
  consent: ['/api/classes'],
  accounts: ['/api/social-accounts'],
  training: ['/api/training'],
  policies: ['/api/policy-library'],
  devices: ['/api/devices'],
  settings: ['/api/settings'],
  readiness: ['/api/readiness'],
  governance: ['/api/governance'],
  filteringReview: ['/api/filtering-review'],
};

/** The photo consent page's register of one class (the page asks for exactly this path). */
export const consentRegisterPath = (className: string) => `/api/consent?className=${encodeURIComponent(className)}`;

/**
 * What a page reads next from its first answer, asked for as soon as that answer comes, still before
 * the page's code has run: the photo consent page opens on its first class's register.
 */
export const EARLY_NEXT: Partial<Record<View, { after: string; path: (answer: unknown) => string | undefined }>> = {
  consent: {
    after: '/api/classes',
    path: (answer) => {
      const [first] = (answer as { classes: string[] }).classes;
      return first === undefined ? undefined : consentRegisterPath(first);
    },
  },
};
