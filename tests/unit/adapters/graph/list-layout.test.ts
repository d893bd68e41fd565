/** How records become SharePoint list items, checked without a tenant. */
import { filterLiteral, fromFields, toFields } from '../../../../bot/src/adapters/graph/sharepoint/field-mapping';
import { LISTS } from '../../../../bot/src/adapters/graph/sharepoint/lists';
import { columnDefinition } from '../../../../bot/src/adapters/graph/sharepoint/column-definition';
import { newAccessRequest } from '../../../../bot/src/domain/access/access-request';

const request = {
  ...newAccessRequest(
    { url: 'https://example.org/', siteContent: "Pupils' work", reasons: 'r', risksAndControls: 'c' },
    { personId: '7', name: 'Priya Shah' },
    'key-1',
    new Date('2026-11-24T10:30:00Z'),
  ),
  decision: { approved: true, reasons: '', signature: { personId: '3', name: 'Adele Vance', at: '2026-11-24T11:00:00.000Z' } },
};

describe('SharePoint list layout', () => {
  it('gives every list its Title, a record version and only indexable columns as indexes', () => {
    for (const spec of Object.values(LISTS)) {
      expect(spec.columns.map((column) => column.name)).toContain('RecordVersion');
      for (const column of spec.columns.filter((c) => c.indexed || c.unique)) {
        // SharePoint cannot index multi-line text; unique columns must be indexed.
        expect({ column: column.name, indexable: !['note', 'json'].includes(column.type) }).toEqual({
          column: column.name,
          indexable: true,
        });
      }
      const names = spec.columns.map((column) => column.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
      expect(names).not.toEqual(expect.arrayContaining(['title', 'id', 'created', 'modified', 'author', 'editor']));
    }
  });

  it('round-trips a record through item fields, nested values as JSON', () => {
    const fields = toFields(LISTS.accessRequests, request, 3, false);
    expect(fields).toMatchObject({
      Title: 'https://example.org/',
      RecordVersion: 3,
      state: 'withOnlineSafetyLead',
      decision: JSON.stringify(request.decision),
    });
    expect(fromFields(LISTS.accessRequests, '12', { ...fields, Created: '2026-11-24T10:30:00Z' }, '"{abc},3"')).toEqual({
      ...request,
      id: '12',
      version: 3,
      etag: '"{abc},3"',
    });
  });

  it('clears a field that became empty on update, and leaves it out on create', () => {
    const { decision: _decision, ...undecided } = request;
    expect(toFields(LISTS.accessRequests, undecided, 1, false)).not.toHaveProperty('decision');
    expect(toFields(LISTS.accessRequests, undecided, 2, true)).toHaveProperty('decision', null);
  });

  it('keeps calendar dates as YYYY-MM-DD text in columns of their own, and reads SharePoint times back as ISO instants', () => {
    const pupil = { displayName: 'Amelia Khan', className: '4B', yearGroup: 'Year 4', onRollFrom: '2022-09-05' };
    const fields = toFields(LISTS.pupils, pupil, 1, false);
    expect(fields.onRollFromText).toBe('2022-09-05');
    expect(fields).not.toHaveProperty('onRollFrom');
    expect(fromFields(LISTS.pupils, '1', fields, undefined)).toEqual({ ...pupil, id: '1', version: 1 });
    // An old date-only column of the field's name is not read: provisioning copies it into the text column.
    expect(fromFields(LISTS.pupils, '1', { ...fields, onRollFrom: '2022-09-04T23:00:00Z' }, undefined)).toMatchObject({
      onRollFrom: '2022-09-05',
    });
    expect(fromFields(LISTS.accessRequests, '1', { submittedAt: '2026-11-24T10:30:00Z' }, undefined)).toMatchObject({
      submittedAt: '2026-11-24T10:30:00.000Z',
    });
  });

  it('declares every date column as text that replaces the date-only column of the same field', () => {
    const dates = Object.values(LISTS).flatMap((spec) => spec.columns.filter((column) => column.type === 'date'));
    expect(dates.length).toBeGreaterThan(10);
    for (const column of dates) expect(column).toMatchObject({ name: `${column.replaces}Text`, replaces: column.field });
    expect(columnDefinition(dates[0]!)).toMatchObject({ text: { allowMultipleLines: false, maxLength: 10 } });
  });

  it.each([
    ["O'Neill", "'O''Neill'"],
    ["') or (fields/state eq '", "''') or (fields/state eq '''"],
  ])('escapes %s as an OData string literal', (value, literal) => {
    expect(
      filterLiteral(
        LISTS.accessRequests.columns.find((c) => c.field === 'requesterId')!,
        value,
      ),
    ).toBe(literal);
  });
});
