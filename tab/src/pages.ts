import { bundle, type Bundle } from './ui/bundle';
import type { View } from './views';

/** Each page's own bundle, loaded when the page is first opened (App.tsx shows them). */
export const LOAD_PAGE = {
  waiting: bundle(() => import('./waiting/WaitingPage')),
  requests: bundle(() => import('./RequestsPage')),
  unblocks: bundle(() => import('./unblocks/UnblocksPage')),
  incidents: bundle(() => import('./incidents/IncidentsPage')),
  consent: bundle(() => import('./ConsentPage')),
  accounts: bundle(() => import('./AccountsPage')),
  training: bundle(() => import('./TrainingPage')),
  policies: bundle(() => import('./policies/PoliciesPage')),
  devices: bundle(() => import('./devices/DevicesPage')),
  settings: bundle(() => import('./settings/SettingsPage')),
  readiness: bundle(() => import('./ReadinessPage')),
  governance: bundle(() => import('./governance/GovernancePage')),
  filteringReview: bundle(() => import('./governance/FilteringReviewPage')),
  posting: bundle(() => import('./posting/PostingRequestPage')),
  access: bundle(() => import('./waiting/AccessRequestPage')),
} satisfies Record<View, Bundle<unknown>>;

/**
 * Starts loading a page's bundle now (a bundle asked for twice is loaded once). Loading code shows
 * nothing: the server still says who may see the page, and checks every call.
 */
export function preloadPage(view: View): Promise<unknown> {
  return LOAD_PAGE[view]().catch(() => undefined); // a failure shows when the page itself is opened
}
