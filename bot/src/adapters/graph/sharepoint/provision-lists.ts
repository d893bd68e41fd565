import type { GraphApi } from '../graph-api';
import type { ColumnSpec, ListSpec } from './list-spec';
import { LISTS, MEDIA_LIBRARY } from './lists';
import { graphStatus, unavailable } from '../graph-api';
import { findListIds } from './sharepoint-stores';

interface ExistingColumn {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  choice?: { choices?: string[] };
}

/**
 * Creates the app's lists and columns on the site, idempotently: a second run changes nothing,
 * and a column added in code is added to its list. Filter columns are created indexed.
 * Returns one line per change made.
 */
export async function provisionLists(graph: GraphApi, siteId: string, lists: Record<string, ListSpec<never>> = LISTS): Promise<string[]> {
  const done: string[] = [];
  const found = await findListIds(graph, siteId);
  for (const spec of Object.values(lists)) {
    const listId = found.get(spec.displayName);
    if (!listId) {
      await createList(graph, siteId, { displayName: spec.displayName, description: spec.description, columns: spec.columns.map(columnDefinition), list: { template: 'genericList' } });
      done.push(`Created list "${spec.displayName}" with ${spec.columns.length} columns.`);
      continue;
    }
    const existing = (await call(() => graph.get<{ value: ExistingColumn[] }>(`/sites/${siteId}/lists/${listId}/columns`))).value;
    for (const column of spec.columns) {
      const current = existing.find((candidate) => candidate.name.toLowerCase() === column.name.toLowerCase());
      if (!current) {
        await call(() => graph.post(`/sites/${siteId}/lists/${listId}/columns`, columnDefinition(column)));
        done.push(`Added column "${column.name}" to "${spec.displayName}".`);
        continue;
      }
      if ((column.indexed && !current.indexed) || (column.unique && !current.enforceUniqueValues)) {
        await call(() => graph.patch(`/sites/${siteId}/lists/${listId}/columns/${current.id}`, { indexed: true, enforceUniqueValues: Boolean(column.unique) }));
        done.push(`Indexed column "${column.name}" of "${spec.displayName}".`);
      }
      const missingChoices = (column.choices ?? []).filter((choice) => !(current.choice?.choices ?? []).includes(choice));
      if (column.type === 'choice' && missingChoices.length) {
        await call(() => graph.patch(`/sites/${siteId}/lists/${listId}/columns/${current.id}`, { choice: { choices: [...(current.choice?.choices ?? []), ...missingChoices] } }));
        done.push(`Added choices ${missingChoices.join(', ')} to column "${column.name}" of "${spec.displayName}".`);
      }
    }
  }
  if (lists === LISTS && !found.has(MEDIA_LIBRARY.displayName)) {
    await createList(graph, siteId, { displayName: MEDIA_LIBRARY.displayName, description: MEDIA_LIBRARY.description, list: { template: 'documentLibrary' } });
    done.push(`Created document library "${MEDIA_LIBRARY.displayName}".`);
  }
  return done;
}

function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const base = { name: column.name, displayName: column.displayName, indexed: Boolean(column.indexed || column.unique), enforceUniqueValues: Boolean(column.unique) };
  switch (column.type) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: 255 } };
    case 'note':
    case 'json':
      return { ...base, text: { allowMultipleLines: true, linesForEditing: 6, textType: 'plain' } };
    case 'number':
      return { ...base, number: {} };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'date':
      return { ...base, dateTime: { format: 'dateOnly' } };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime' } };
    case 'choice':
      return { ...base, choice: { choices: [...(column.choices ?? [])] } };
  }
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

async function call<R>(work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    throw unavailable(error);
  }
}
