/** The static tab's `entityId` in the app manifest, and its `?view=` in the tab pages. */
export const INCIDENTS_TAB_ENTITY = 'incidents';

/**
 * Where a notice about a new concern points: the Incidents tab inside Teams (a deep link to the
 * app's static tab) when the Teams app id is known, otherwise the tab page on this server.
 */
export function incidentsTabLink(teamsAppId: string | undefined, serverUrl: string): string {
  if (teamsAppId) return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${INCIDENTS_TAB_ENTITY}`;
  return `${serverUrl}/tab/?view=${INCIDENTS_TAB_ENTITY}`;
}
