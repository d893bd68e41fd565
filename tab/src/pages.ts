import type { View } from './views';

/** Each page's own bundle, loaded when the page is first opened (App.tsx shows them). */
export const LOAD_PAGE = {
  waiting: () => import('./waiting/WaitingPage'),
  requests: () => import('./RequestsPage'),
  unblocks: () => import('./unblocks/UnblocksPage'),
  incidents: () => import('./incidents/IncidentsPage'),
  consent: () => import('./ConsentPage'),
  accounts: () => import('./AccountsPage'),
  training: () => import('./TrainingPage'),
  policies: () => import('./policies/PoliciesPage'),
  devices: () => import('./devices/DevicesPage'),
  settings: () => import('./settings/SettingsPage'),
  readiness: () => import('./ReadinessPage'),
  governance: () => import('./governance/GovernancePage'),
  filteringReview: () => import('./governance/FilteringReviewPage'),
  posting: () => import('./posting/PostingRequestPage'),
  access: () => import('./waiting/AccessRequestPage'),
} satisfies Record<View, () => Promise<unknown>>;

/**
 * Starts loading a page's bundle now (a bundle asked for twice is loaded once). Loading code shows
 * nothing: the server still says who may see the page, and checks every call.
 */
export function preloadPage(view: View): void {
  void LOAD_PAGE[view]().catch(() => undefined); // a failure shows when the page itself is opened
}
