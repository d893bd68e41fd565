import type { ColumnSpec } from './list-spec';

/**
 * A column as Graph creates it (https://learn.microsoft.com/graph/api/resources/columndefinition):
 * exactly one type facet; filter and unique columns indexed, as SharePoint requires.
 */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const base = {
    name: column.name,
    displayName: column.displayName,
    indexed: Boolean(column.indexed || column.unique),
    enforceUniqueValues: Boolean(column.unique),
  };
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
      // YYYY-MM-DD as text: the same day whatever the site's regional settings.
      return { ...base, text: { allowMultipleLines: false, maxLength: 10 } };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime' } };
    case 'choice':
      return { ...base, choice: { choices: [...(column.choices ?? [])] } };
  }
}

/** The type facet Graph reports for the column (`text`, `number`, `dateTime`…), and whether text is multi-line. */
export function facetOf(definition: Record<string, unknown>): { facet: string; multiLine: boolean } {
  const facet = ['text', 'number', 'boolean', 'dateTime', 'choice'].find((name) => definition[name] !== undefined) ?? 'unknown';
  const settings = definition[facet] as { allowMultipleLines?: boolean } | undefined;
  return { facet, multiLine: settings?.allowMultipleLines === true };
}
