/**
 * What the go-live checklist and the health check can learn about the school's two SharePoint
 * sites: whether each opens, whether every list, column and index the app needs is there, and
 * which apps were granted the records site. Who the people with access are is not readable by an
 * app with Sites.Selected, so it is not here.
 */
export type SiteRole = 'working' | 'records';

export type SchemaProblemKind =
  | 'list missing'
  | 'column missing'
  | 'column of another type'
  | 'index missing'
  | 'unique values not enforced'
  | 'safeguarding list on the working site';

export interface SchemaProblem {
  kind: SchemaProblemKind;
  /** The list's display name. */
  list: string;
  column?: string;
  /** False for an index the app does not filter on (it helps SharePoint's own views of a big list). */
  required: boolean;
}

export type SiteSchema =
  { reachable: true; siteName: string; listCount: number; problems: SchemaProblem[] } | { reachable: false; why: string };

export interface AppGrant {
  appId: string;
  displayName: string;
  /** read, write, owner, fullcontrol (Graph's names for Sites.Selected grants). */
  roles: string[];
}

export type SiteGrants = { readable: true; grants: AppGrant[] } | { readable: false; why: string };

export interface SiteInspector {
  /** True when both roles point at the same site (a developer tenant only). */
  readonly oneSite: boolean;
  /** The app's own client id, to tell its grant from other apps'. */
  readonly appId: string;
  schema(site: SiteRole): Promise<SiteSchema>;
  grants(site: SiteRole): Promise<SiteGrants>;
}
