import type { GraphApi } from '../graph-api';
import { sameSite, type SharePointSites } from '../../../config';
import type { ColumnSpec, ListSpec } from './list-spec';
import { copyLegacyDates } from './date-columns';
import { columnDefinition } from './column-definition';
import { LISTS, listsOn, RECORDS_SITE_LIBRARIES, RECORDS_SITE_LISTS, WORKING_SITE_LIBRARIES, type DocumentLibrary } from './lists';
import type { SiteRole } from '../../../ports/site-inspection.port';
import { graphCall, graphStatus, unavailable } from '../graph-api';
import { findListIds, SiteLists } from './site-lists';
import { sharePointPosts } from './sharepoint-post-store';

interface ExistingColumn {
  id: string;
  name: string;
  displayName?: string;
  description?: string;
  dateTime?: object;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  choice?: { choices?: string[] };
}

export type ListsBySite = Partial<Record<SiteRole, Record<string, ListSpec<never>>>>;

const SITE_NAMES: Record<SiteRole, string> = { working: 'the working site', records: 'the records site' };

/**
 * Creates the app's lists and columns on both sites (the safeguarding records on the records
 * site, everything else on the working site), idempotently: a second run changes nothing, and a
 * column added in code is added to its list. Filter columns are created indexed. Returns one line
 * per change made, and a warning for safeguarding lists an earlier version left on the working site.
 */
export async function provisionLists(graph: GraphApi, sites: SharePointSites, only?: ListsBySite): Promise<string[]> {
  const done: string[] = [];
  const lists = only ?? { working: listsOn('working'), records: listsOn('records') };
  for (const site of ['working', 'records'] as const) {
    done.push(...(await provisionSite(graph, sites[site], lists[site] ?? {}, SITE_NAMES[site])));
  }
  // Everything the app keeps includes the library for photos and videos; a chosen set of lists does not.
  if (!only)
    done.push(
      ...(await provisionLibraries(graph, sites.records, RECORDS_SITE_LIBRARIES, 'records')),
      ...(await provisionLibraries(graph, sites.working, WORKING_SITE_LIBRARIES, 'working')),
      ...(await linkPostsToPupils(graph, sites)),
    );
  return [...done, ...(await recordsLeftOnWorkingSite(graph, sites))];
}

/** Safeguarding lists on the working site, made there by a version that kept everything on one site. */
async function recordsLeftOnWorkingSite(graph: GraphApi, sites: SharePointSites): Promise<string[]> {
  if (sameSite(sites.working, sites.records)) return [];
  const found = await findListIds(graph, sites.working);
  return RECORDS_SITE_LISTS.map((key) => LISTS[key].displayName)
    .filter((name) => found.has(name))
    .map(
      (name) =>
        `Warning: "${name}" is still on the working site, where everyone who can open that site can read it. Move its items to the records site and delete it from the working site (docs/sharepoint-sites-and-hosting.md).`,
    );
}

async function provisionSite(graph: GraphApi, siteId: string, lists: Record<string, ListSpec<never>>, where: string): Promise<string[]> {
  const done: string[] = [];
  const found = await findListIds(graph, siteId);
  for (const spec of Object.values(lists)) {
    const listId = found.get(spec.displayName);
    if (!listId) {
      await createList(graph, siteId, {
        displayName: spec.displayName,
        description: spec.description,
        columns: spec.columns.map(columnDefinition),
        list: { template: 'genericList' },
      });
      done.push(`Created list "${spec.displayName}" with ${spec.columns.length} columns on ${where}.`);
      continue;
    }
    const existing = (await graphCall(() => graph.get<{ value: ExistingColumn[] }>(`/sites/${siteId}/lists/${listId}/columns`))).value;
    for (const column of spec.columns) {
      const current = existing.find((candidate) => candidate.name.toLowerCase() === column.name.toLowerCase());
      if (!current) {
        const legacy = legacyDateColumn(existing, column);
        // The old date-only column keeps its values but steps aside, so the text column can take its place in SharePoint's views.
        if (legacy)
          await graphCall(() =>
            graph.patch(`/sites/${siteId}/lists/${listId}/columns/${legacy.id}`, {
              displayName: `${legacy.displayName ?? column.displayName} (old date column)`,
              description: `${COPYING_MARK} ${column.name}`,
            }),
          );
        await graphCall(() => graph.post(`/sites/${siteId}/lists/${listId}/columns`, columnDefinition(column)));
        done.push(`Added column "${column.name}" to "${spec.displayName}" on ${where}.`);
        if (legacy)
          done.push(
            await moveDates(
              graph,
              `/sites/${siteId}/lists/${listId}`,
              column,
              { ...legacy, description: `${COPYING_MARK} ${column.name}` },
              spec.displayName,
              where,
            ),
          );
        continue;
      }
      const unfinished = legacyDateColumn(existing, column);
      // A copy that stopped part-way (Graph down) is finished by the next run, and only then.
      if (unfinished?.description?.startsWith(COPYING_MARK))
        done.push(await moveDates(graph, `/sites/${siteId}/lists/${listId}`, column, unfinished, spec.displayName, where));
      if ((column.indexed && !current.indexed) || (column.unique && !current.enforceUniqueValues)) {
        await graphCall(() =>
          graph.patch(`/sites/${siteId}/lists/${listId}/columns/${current.id}`, {
            indexed: true,
            enforceUniqueValues: Boolean(column.unique),
          }),
        );
        done.push(`Indexed column "${column.name}" of "${spec.displayName}" on ${where}.`);
      }
      const missingChoices = (column.choices ?? []).filter((choice) => !(current.choice?.choices ?? []).includes(choice));
      if (column.type === 'choice' && missingChoices.length) {
        await graphCall(() =>
          graph.patch(`/sites/${siteId}/lists/${listId}/columns/${current.id}`, {
            choice: { choices: [...(current.choice?.choices ?? []), ...missingChoices] },
          }),
        );
        done.push(`Added choices ${missingChoices.join(', ')} to column "${column.name}" of "${spec.displayName}" on ${where}.`);
      }
    }
  }
  return done;
}

/** Marks an old date-only column whose values are still being copied to the text column. */
export const COPYING_MARK = 'Being copied to';

function legacyDateColumn(existing: ExistingColumn[], column: ColumnSpec): ExistingColumn | undefined {
  return column.replaces
    ? existing.find((candidate) => candidate.name.toLowerCase() === column.replaces!.toLowerCase() && candidate.dateTime)
    : undefined;
}

async function moveDates(
  graph: GraphApi,
  listPath: string,
  column: ColumnSpec,
  legacy: ExistingColumn,
  list: string,
  where: string,
): Promise<string> {
  const { copied, left } = await copyLegacyDates(graph, `${listPath}/items`, column, legacy.name);
  await graphCall(() =>
    graph.patch(`${listPath}/columns/${legacy.id}`, {
      description: `Copied to ${column.name}${left ? `, except ${left} item(s) changed while copying` : ''}.`,
    }),
  );
  const byHand = left ? `; ${left} item(s) kept changing while this ran: type their dates into "${column.displayName}" by hand` : '';
  return `Copied ${copied} date(s) from "${legacy.name}" to "${column.name}" in "${list}" on ${where}: dates are now kept as YYYY-MM-DD, whatever the site's time zone${byHand}.`;
}

/** Posts stored before the "Pupils in posts" list existed are linked to the pupils they show (after an upgrade). */
async function linkPostsToPupils(graph: GraphApi, sites: SharePointSites): Promise<string[]> {
  const linked = await sharePointPosts(graph, new SiteLists(graph, sites)).linkEveryPost();
  return linked > 0
    ? [`Linked ${linked} pupil(s) to the posts that show them in "${LISTS.postPupils.displayName}" on ${SITE_NAMES.working}.`]
    : [];
}

/**
 * The document libraries: on the records site the photos and videos of requests to post and
 * incidents' evidence (photos of pupils are seen by as few people as possible, and the app serves
 * them itself); on the working site the policies' documents.
 */
async function provisionLibraries(
  graph: GraphApi,
  siteId: string,
  libraries: readonly DocumentLibrary[],
  site: SiteRole,
): Promise<string[]> {
  const existing = await findListIds(graph, siteId);
  const done: string[] = [];
  for (const library of libraries) {
    if (existing.has(library.displayName)) continue;
    await createList(graph, siteId, {
      displayName: library.displayName,
      description: library.description,
      list: { template: 'documentLibrary' },
    });
    done.push(`Created document library "${library.displayName}" on ${SITE_NAMES[site]}.`);
  }
  return done;
}

/**
 * Creates a list. A retried request whose first attempt was applied but whose answer was lost
 * (a timeout on a slow site) meets its own list: 409 then means the list is there, as wanted.
 */
async function createList(graph: GraphApi, siteId: string, body: Record<string, unknown>): Promise<void> {
  try {
    await graph.post(`/sites/${siteId}/lists`, body);
  } catch (error) {
    if (graphStatus(error) !== 409) throw unavailable(error);
  }
}
