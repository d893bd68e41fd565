import type { Clock } from '../../ports/clock.port';
import { DuplicateRecordError, StaleRecordError, type Versioned } from '../../ports/collection.port';
import type { Directory } from '../../ports/directory.port';
import type { Stores } from '../../ports/stores.port';
import type { AppInstallation, AppInstaller, CatalogueApp, InstallResult } from '../../ports/teams-apps.port';
import type { Logger } from '../app-deps';

export interface InstallDeps {
  stores: Pick<Stores, 'conversations' | 'appInstallations'>;
  directory: Directory;
  installer: AppInstaller;
  teamsApp: { current(): Promise<CatalogueApp | undefined> };
  clock: Clock;
  /** Waits for the next slot: installs are paced well under Graph's limits for Teams calls. */
  pace(): Promise<void>;
  log: Logger;
}

/** What a run did, in counts only (never names). */
export interface InstallReport {
  alreadyReachable: number;
  installed: number;
  alreadyInstalled: number;
  failed: number;
  /** Tried less than a day ago: left for the next run. */
  waiting: number;
  /** Set when nothing could be tried: the app is not in the organisation's catalogue (yet). */
  notInCatalogue?: true;
}

/** A person the app failed to reach is tried again on the next day's run, not sooner. */
const TRY_AGAIN_AFTER_MS = 20 * 3_600_000;

/**
 * Installs the app for everyone it must be able to message (everyone the directory knows: staff,
 * governors, every role holder) who has no chat with the bot yet, one at a time at the given pace,
 * and records who could not be reached and why. Installing twice is harmless (Graph answers 409,
 * taken as installed), so a run can be repeated or overlap another; after an install Teams tells
 * the bot of the new chat and the bot keeps it (rememberConversation).
 */
export async function installForEveryone(deps: InstallDeps): Promise<InstallReport> {
  const report: InstallReport = { alreadyReachable: 0, installed: 0, alreadyInstalled: 0, failed: 0, waiting: 0 };
  const app = await deps.teamsApp.current();
  if (!app) return { ...report, notInCatalogue: true };
  const seen = new Set<string>();
  for (const person of await deps.directory.everyone()) {
    const aadObjectId = person.aadObjectId;
    if (!aadObjectId || seen.has(aadObjectId)) continue;
    seen.add(aadObjectId);
    const earlier = (await deps.stores.appInstallations.find({ where: { aadObjectId }, limit: 1 })).items[0];
    const conversations = await deps.stores.conversations.find({ where: { aadObjectId }, limit: 50 });
    if (conversations.items.some((candidate) => candidate.conversationType === 'personal')) {
      report.alreadyReachable++;
      continue;
    }
    if (earlier && deps.clock.now().getTime() - Date.parse(earlier.triedAt) < TRY_AGAIN_AFTER_MS) {
      report.waiting++;
      continue;
    }
    await deps.pace();
    const result = await deps.installer.installFor(aadObjectId, app.catalogueId);
    report[result.outcome]++;
    await record(deps, person.id, aadObjectId, result, earlier);
  }
  deps.log.info(
    `Installing the Teams app: ${Object.entries(report)
      .map(([what, n]) => `${what} ${n}`)
      .join(', ')}`,
  );
  return report;
}

async function record(
  deps: InstallDeps,
  personId: string,
  aadObjectId: string,
  result: InstallResult,
  earlier: Versioned<AppInstallation> | undefined,
): Promise<void> {
  const fields: Omit<AppInstallation, 'id'> = {
    aadObjectId,
    personId,
    outcome: result.outcome,
    ...(result.outcome === 'failed' ? { reason: result.reason, ...(result.status !== undefined ? { status: result.status } : {}) } : {}),
    ...(result.outcome !== 'failed' && result.chatId ? { chatId: result.chatId } : {}),
    attempts: (earlier?.attempts ?? 0) + 1,
    triedAt: deps.clock.now().toISOString(),
  };
  try {
    if (earlier)
      await deps.stores.appInstallations.update({ ...earlier, reason: undefined, status: undefined, chatId: undefined, ...fields });
    else await deps.stores.appInstallations.insert(fields);
  } catch (error) {
    // Another run recorded the same person meanwhile: its record stands.
    if (!(error instanceof DuplicateRecordError || error instanceof StaleRecordError)) throw error;
  }
}
