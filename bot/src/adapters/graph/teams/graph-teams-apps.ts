import type { AppInstaller, CatalogueApp, InstallFailure, InstallResult, TeamsAppCatalogue } from '../../../ports/teams-apps.port';
import { graphStatus, type GraphApi } from '../graph-api';

interface TeamsApp {
  id: string;
  externalId?: string | null;
  displayName?: string | null;
  distributionMethod?: string | null;
  appDefinitions?: { version?: string; publishingState?: string }[];
}

const quoted = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The Teams app in the organisation's catalogue, and installing it for people, through Microsoft
 * Graph with the app's own identity (msteams-docs "Send proactive installation messages",
 * https://learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages).
 * Needs the application permissions AppCatalog.Read.All and
 * TeamsAppInstallation.ReadWriteSelfForUser.All (the manifest's webApplicationInfo names this app
 * registration, which is what "Self" means).
 */
export class GraphTeamsApps implements TeamsAppCatalogue, AppInstaller {
  constructor(
    private readonly graph: GraphApi,
    /** `https://graph.microsoft.com`: the base of the `teamsApp@odata.bind` link. */
    private readonly graphBaseUrl: string,
  ) {}

  /**
   * `GET /appCatalogs/teamsApps?$filter=externalId eq '{manifest id}'`
   * (https://learn.microsoft.com/graph/api/appcatalogs-list-teamsapps, example 3); an app in the
   * Store keeps the manifest's id as its own, so that is tried next. An app published to the
   * organisation wins over any other copy.
   */
  async find(manifestId: string): Promise<CatalogueApp | undefined> {
    const byManifest = await this.list(`externalId eq ${quoted(manifestId)}`);
    const apps = byManifest.length > 0 ? byManifest : await this.list(`id eq ${quoted(manifestId)}`);
    const app =
      apps.find((candidate) => candidate.distributionMethod === 'organization') ??
      apps.find((candidate) => candidate.distributionMethod !== 'sideloaded');
    if (!app) return undefined;
    const definition = app.appDefinitions?.at(-1);
    return {
      catalogueId: app.id,
      manifestId,
      displayName: app.displayName ?? '',
      distributionMethod: app.distributionMethod ?? '',
      ...(definition?.version ? { version: definition.version } : {}),
      ...(definition?.publishingState ? { publishingState: definition.publishingState } : {}),
    };
  }

  /**
   * Checks first (`GET …/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '{id}'`), then
   * `POST /users/{id}/teamwork/installedApps` (https://learn.microsoft.com/graph/api/userteamwork-post-installedapps);
   * a 409 means it was installed meanwhile. Then the chat's id
   * (`GET …/installedApps/{installation id}/chat`), so the bot can write before Teams tells it of
   * the new conversation.
   */
  async installFor(aadObjectId: string, catalogueId: string): Promise<InstallResult> {
    const user = `/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`;
    // A 404 before the install means the person; after it, the app.
    let personFound = false;
    try {
      let installation = await this.installation(user, catalogueId);
      personFound = true;
      let outcome: 'installed' | 'alreadyInstalled' = 'alreadyInstalled';
      if (!installation) {
        try {
          await this.graph.post(user, {
            'teamsApp@odata.bind': `${this.graphBaseUrl.replace(/\/$/, '')}/v1.0/appCatalogs/teamsApps/${encodeURIComponent(catalogueId)}`,
          });
          outcome = 'installed';
        } catch (error) {
          if (graphStatus(error) !== 409) throw error;
        }
        installation = await this.installation(user, catalogueId);
      }
      const chatId = installation ? await this.chatId(user, installation) : undefined;
      return { outcome, ...(chatId ? { chatId } : {}) };
    } catch (error) {
      const status = graphStatus(error);
      return {
        outcome: 'failed',
        reason: status === 404 && personFound ? 'appNotFound' : failure(status),
        ...(status !== undefined ? { status } : {}),
      };
    }
  }

  private async list(filter: string): Promise<TeamsApp[]> {
    return (
      await this.graph.get<{ value: TeamsApp[] }>(`/appCatalogs/teamsApps?$filter=${encodeURIComponent(filter)}&$expand=appDefinitions`)
    ).value;
  }

  private async installation(user: string, catalogueId: string): Promise<string | undefined> {
    const found = await this.graph.get<{ value: { id: string }[] }>(
      `${user}?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq ${quoted(catalogueId)}`)}`,
    );
    return found.value[0]?.id;
  }

  /** The chat is a convenience: without it the bot waits for Teams to tell it of the conversation. */
  private async chatId(user: string, installation: string): Promise<string | undefined> {
    try {
      return (await this.graph.get<{ id?: string }>(`${user}/${encodeURIComponent(installation)}/chat`)).id;
    } catch {
      return undefined;
    }
  }
}

function failure(status: number | undefined): InstallFailure {
  if (status === undefined || status >= 500) return 'unavailable';
  if (status === 429) return 'throttled';
  if (status === 401 || status === 403) return 'notAllowed';
  if (status === 404) return 'noSuchPerson';
  return 'refused';
}
