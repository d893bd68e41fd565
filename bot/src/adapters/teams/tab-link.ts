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

/** Links from cards to one record in the tab. */
export interface TabLinks {
  /** A request to post, with its photos and videos in full. */
  postingRequest(requestId: string): string;
}

/**
 * In Teams, a deep link to the *My requests* static tab carrying the record as its sub-entity
 * (msteams-docs "Deep link to an application": `context={"subEntityId": …}`, read by the tab as
 * `context.page.subPageId`); elsewhere the tab's own address with the record in its query.
 */
export function tabLinks(teamsAppId: () => string | undefined, appUrl: () => string): TabLinks {
  return {
    postingRequest: (requestId) => {
      const appId = teamsAppId();
      return appId
        ? `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/requests?context=${encodeURIComponent(JSON.stringify({ subEntityId: `posting-${requestId}` }))}`
        : `${appUrl()}/tab/?view=posting&id=${encodeURIComponent(requestId)}`;
    },
  };
}
