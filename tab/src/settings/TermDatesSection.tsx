import { Body1, Button, Field, Select, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import type { Credentials } from '../api';
import { TermDatesEditor } from './TermDatesEditor';
import { TermDatesImport } from './TermDatesImport';
import { TermDatesTable } from './TermDatesTable';
import { saveSetting, type SettingsData, type TermDateEntry } from './settings-api';
import { Buttons, OutcomeBar, SettingsSection, useFormFocus, useSave } from './SettingsParts';

/** `2026-27` for a day: school years run from 1 August to 31 July, as the server counts them. */
export function schoolYearOf(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const first = month >= 8 ? year : year - 1;
  return `${first}-${String((first + 1) % 100).padStart(2, '0')}`;
}

const nextYear = (year: string) => schoolYearOf(`${Number(year.slice(0, 4)) + 1}-09-01`);

/**
 * Terms and closures, by school year: typed here or imported from the local authority's CSV. In a
 * school year with no term dates every weekday counts as a working day, so nudges carry on.
 */
export function TermDatesSection({ data, credentials, onSaved }: { data: SettingsData; credentials: Credentials; onSaved(): void }) {
  const { entries, years, version } = data.termDates;
  const [editing, setEditing] = useState<{ year: string; lines: TermDateEntry[]; version: number | null }>();
  const [importing, setImporting] = useState(false);
  const [chosen, setChosen] = useState<string>();
  const save = useSave<{ version: number; terms: unknown[]; closures: unknown[] }>();
  const focus = useFormFocus(editing ? 'edit' : importing ? 'import' : undefined);
  const choices = [...new Set([...years, schoolYearOf(data.today), nextYear(years.at(-1) ?? schoolYearOf(data.today))])].sort();
  const year =
    chosen ?? choices.find((candidate) => candidate >= schoolYearOf(data.today) && !years.includes(candidate)) ?? schoolYearOf(data.today);
  const shown = years.filter((candidate) => candidate >= schoolYearOf(data.today));
  const earlier = years.filter((candidate) => !shown.includes(candidate));
  const others = (year: string) => entries.filter((entry) => schoolYearOf(entry.start) !== year);
  const open = (year: string) => {
    save.reset();
    setEditing({ year, lines: entries.filter((entry) => schoolYearOf(entry.start) === year), version });
  };
  const sent = editing ? [...others(editing.year), ...editing.lines] : [];
  const offset = editing ? others(editing.year).length : 0;
  const submit = () =>
    editing &&
    save.run(
      () =>
        saveSetting('PUT', '/api/settings/term-dates', credentials, {
          entries: sent,
          ...(editing.version ? { version: editing.version } : {}),
        }),
      {
        saved: () => {
          setEditing(undefined);
          onSaved();
          return `Saved the term dates for ${editing.year}.`;
        },
        conflict: (current) => {
          setEditing({ ...editing, version: current.version });
          onSaved();
          return `${current.terms.length} terms and ${current.closures.length} closures`;
        },
      },
    );
  const errorKeys = Object.keys(save.errors);
  const lineError = (key: string) => Number(key.split('.')[1]) >= offset;

  return (
    <SettingsSection
      id="term-dates"
      title="Term dates"
      intro="Terms and closures (half terms, INSET days, bank holidays) for this school year and the next. Nudges count working days from them; in a school year with no term dates every weekday counts, so nudges do not stop. The headteacher and the admin team keep them."
    >
      <OutcomeBar outcome={save.outcome} />
      {!editing && !importing && (
        <>
          {shown.length === 0 && (
            <Body1 as="p">No term dates for {schoolYearOf(data.today)} or later yet: every weekday counts as a working day.</Body1>
          )}
          {shown.map((year) => (
            <div key={year}>
              <Subtitle2 as="h3" block>
                {year}
              </Subtitle2>
              <TermDatesTable label={`Term dates ${year}`} entries={entries.filter((entry) => schoolYearOf(entry.start) === year)} />
            </div>
          ))}
          {earlier.length > 0 && <Body1 as="p">Earlier years ({earlier.join(', ')}) are kept; choose one below to see or change it.</Body1>}
          {data.can.termDates && (
            <Buttons>
              <Field label="School year to edit">
                <Select value={year} onChange={(_, select) => setChosen(select.value)}>
                  {choices.map((choice) => (
                    <option key={choice} value={choice}>
                      {choice}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button ref={focus.keep('edit')} onClick={() => open(year)}>
                Edit the term dates for {year}
              </Button>
              <Button
                ref={focus.keep('import')}
                appearance="primary"
                onClick={() => {
                  save.reset();
                  setImporting(true);
                }}
              >
                Import from a CSV file
              </Button>
            </Buttons>
          )}
        </>
      )}
      {editing && (
        <TermDatesEditor
          year={editing.year}
          lines={editing.lines}
          errorOf={(index, field) => save.errors[`entries.${index + offset}.${field}`]}
          otherErrors={errorKeys.filter((key) => !lineError(key)).map((key) => save.errors[key]!)}
          saving={save.saving}
          onChange={(lines) => setEditing({ ...editing, lines })}
          onSave={() => void submit()}
          onCancel={() => {
            setEditing(undefined);
            save.reset();
          }}
          firstFieldRef={focus.first}
        />
      )}
      {importing && (
        <TermDatesImport
          credentials={credentials}
          chooseRef={focus.first}
          onSaved={(message) => {
            setImporting(false);
            save.setOutcome({ intent: 'success', text: message });
            onSaved();
          }}
          onClose={() => setImporting(false)}
        />
      )}
    </SettingsSection>
  );
}
