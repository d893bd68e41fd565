import { utcDateOf } from '../../../domain/calendar/dates';
import { graphCall, graphStatus, unavailable, type GraphApi } from '../graph-api';
import type { Fields } from './field-mapping';
import type { ColumnSpec } from './list-spec';

const DAY_MS = 24 * 3600_000;

interface Item {
  id: string;
  eTag?: string;
  fields: Fields;
}

/**
 * The calendar date a SharePoint date-only column held. SharePoint keeps such a value as midnight
 * in the site's time zone and Graph answers it in UTC (reported in SharePoint/sp-dev-docs#6083 and
 * pnp/pnpjs#1890; Graph's dateTimeColumn page is silent): 4 September on a site in UK summer time
 * comes back as 3 September 23:00Z. Rounding to the nearest UTC midnight gives the site's own date
 * for any site time zone from UTC−11 to UTC+11, UK time included.
 */
export function legacyDate(value: unknown): string | undefined {
  const time = Date.parse(String(value ?? ''));
  return Number.isNaN(time) ? undefined : utcDateOf(Math.round(time / DAY_MS) * DAY_MS);
}

/**
 * Copies each item's date from the old date-only column into the date's text column, where the
 * text column is still empty. An item changed meanwhile (412) is read again and tried twice more;
 * answers how many were copied and how many kept changing.
 */
export async function copyLegacyDates(
  graph: GraphApi,
  itemsPath: string,
  column: ColumnSpec,
  legacyName: string,
): Promise<{ copied: number; left: number }> {
  let copied = 0;
  let left = 0;
  let path: string | undefined = `${itemsPath}?$expand=fields&$top=999`;
  while (path) {
    const current: string = path;
    const page = await graphCall(() => graph.get<{ value: Item[]; '@odata.nextLink'?: string }>(current));
    for (const item of page.value) {
      const outcome = await copyOne(graph, itemsPath, item, column, legacyName);
      if (outcome === 'copied') copied += 1;
      if (outcome === 'kept changing') left += 1;
    }
    path = page['@odata.nextLink'] ? graph.pathFromNextLink(page['@odata.nextLink']) : undefined;
  }
  return { copied, left };
}

async function copyOne(
  graph: GraphApi,
  itemsPath: string,
  first: Item,
  column: ColumnSpec,
  legacyName: string,
): Promise<'copied' | 'nothing to copy' | 'kept changing'> {
  let item = first;
  for (let attempt = 0; attempt < 3; attempt++) {
    const date = legacyDate(item.fields[legacyName]);
    if (!date || item.fields[column.name]) return 'nothing to copy';
    const etag = item.eTag ?? (item.fields['@odata.etag'] as string | undefined);
    try {
      await graph.patch(`${itemsPath}/${item.id}/fields`, { [column.name]: date }, etag ? { 'If-Match': etag } : {});
      return 'copied';
    } catch (error) {
      if (graphStatus(error) !== 412) throw unavailable(error);
      item = await graphCall(() => graph.get<Item>(`${itemsPath}/${item.id}?$expand=fields`));
    }
  }
  return 'kept changing';
}
