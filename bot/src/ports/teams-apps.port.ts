/**
 * The Teams app as the organisation's catalogue knows it, and installing it for people so the bot
 * can message them (Microsoft's "proactive installation": Graph installs only apps published to the
 * organisation's catalogue or the Store).
 */
export interface CatalogueApp {
  /** The id links and installations use: not the manifest's id, unless the app is in the Store. */
  catalogueId: string;
  manifestId: string;
  displayName: string;
  /** `organization`, `store` or `sideloaded`. */
  distributionMethod: string;
  version?: string;
  /** `published`, or `submitted` while a Teams administrator has not yet approved it. */
  publishingState?: string;
}

export interface TeamsAppCatalogue {
  /** The app published with this manifest id; undefined when the catalogue does not list it (yet). */
  find(manifestId: string): Promise<CatalogueApp | undefined>;
}

/** Why the app could not be installed for a person, in words an administrator can act on. */
export type InstallFailure = 'noSuchPerson' | 'notAllowed' | 'appNotFound' | 'throttled' | 'unavailable' | 'refused';

export type InstallResult =
  { outcome: 'installed' | 'alreadyInstalled'; chatId?: string } | { outcome: 'failed'; reason: InstallFailure; status?: number };

export interface AppInstaller {
  /** Installs the app in the person's personal scope; installing it twice is not a failure. */
  installFor(aadObjectId: string, catalogueId: string): Promise<InstallResult>;
}

/** The last attempt to install the app for a person: who could not be reached, and why. */
export interface AppInstallation {
  id: string;
  /** One record per person. */
  aadObjectId: string;
  personId: string;
  outcome: InstallResult['outcome'];
  reason?: InstallFailure;
  /** Graph's status code when it refused: never a message or a name. */
  status?: number;
  /** The personal chat the installation opened, for messages before Teams tells the bot of it. */
  chatId?: string;
  attempts: number;
  triedAt: string;
}
