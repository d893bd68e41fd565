/**
 * Where a message's button leads: the app's static tab inside Teams (a deep link whose entity id is
 * the view's name in the manifest) when the app's id for links is known — the id the
 * organisation's catalogue gave it, which is not the manifest's (msteams-docs `deep-link-application`)
 * — otherwise the tab page on the app's own address.
 */
export function tabLink(teamsAppId: string | undefined, appUrl: string, view: string): string {
  if (teamsAppId) return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${encodeURIComponent(view)}`;
  return `${appUrl}/tab/?view=${encodeURIComponent(view)}`;
}
