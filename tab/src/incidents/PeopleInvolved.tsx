import { Body1, Body1Strong, Button, Card, Field, Input, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { Credentials } from '../api';
import { api, PARTS, type Link, type Part, type Person, type RosterPupil, type Step } from './incidents-api';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  item: {
    display: 'flex',
    gap: '8px',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: '8px',
  },
  who: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: '12em', flexGrow: 1 },
  part: { fontWeight: tokens.fontWeightSemibold },
  named: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  forms: { display: 'flex', flexDirection: 'column', gap: '12px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'flex-end' },
  name: { padding: 0, minWidth: 0, height: 'auto', justifyContent: 'flex-start', textAlign: 'start' },
  toggle: { alignSelf: 'flex-start' },
});

type Save = (step: Step) => Promise<boolean>;

/**
 * Who the incident involves, each with their part in it, always in words ("alleged to have caused
 * harm"): pupils (their name opens their chronology), staff and others. A pupil the reporter named
 * shows "part not yet confirmed" until someone chooses it. Changing a part or unlinking is a line in
 * the chronology. Pupils are linked from the whole roster, leavers included.
 */
export function PeopleInvolved({
  credentials,
  links,
  staff,
  canEdit,
  saving,
  onSave,
  onOpenPupil,
}: {
  credentials: Credentials;
  links: Link[];
  staff: Person[];
  canEdit: boolean;
  saving: boolean;
  onSave: Save;
  onOpenPupil?(pupilId: string): void;
}) {
  const styles = useStyles();
  const [linking, setLinking] = useState(false);
  return (
    <Card data-testid="people-involved">
      <Subtitle2 as="h3" block>
        People involved
      </Subtitle2>
      {links.length === 0 ? (
        <Body1>Nobody is linked to this incident yet.</Body1>
      ) : (
        <ul className={styles.list} aria-label="People involved">
          {links.map((link) => (
            <li key={link.id} className={styles.item} data-testid="linked-person">
              <div className={styles.who}>
                {link.kind === 'pupil' && link.pupilId && onOpenPupil ? (
                  <Button
                    appearance="transparent"
                    className={styles.name}
                    onClick={() => onOpenPupil(link.pupilId!)}
                    aria-label={`${link.name}: open their chronology`}
                  >
                    {link.name}
                  </Button>
                ) : (
                  <Body1Strong>{link.name}</Body1Strong>
                )}
                <Body1>
                  {describe(link)}: <span className={link.role === 'named' ? styles.named : styles.part}>{link.roleLabel}</span>
                </Body1>
              </div>
              {canEdit && <LinkControls key={`${link.id}-${link.role}`} link={link} saving={saving} onSave={onSave} />}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <Button className={`${styles.toggle} no-print`} aria-expanded={linking} onClick={() => setLinking(!linking)}>
          {linking ? 'Close the forms to link someone' : 'Link someone to this incident…'}
        </Button>
      )}
      {canEdit && linking && <LinkForms credentials={credentials} staff={staff} saving={saving} onSave={onSave} />}
    </Card>
  );
}

function describe(link: Link): string {
  if (link.kind === 'pupil') return `Pupil${link.className ? `, ${link.className}` : ''}`;
  return link.kind === 'staff' ? 'Staff' : 'Named person';
}

function LinkControls({ link, saving, onSave }: { link: Link; saving: boolean; onSave: Save }) {
  const styles = useStyles();
  const [part, setPart] = useState<Part | ''>(link.role === 'named' ? '' : link.role);
  const unchanged = part === '' || part === link.role;
  return (
    <form
      className={`${styles.row} no-print`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!saving && !unchanged) void onSave({ type: 'linkRole', linkId: link.id, role: part as Part });
      }}
    >
      <PartChoice label={`Part of ${link.name}`} value={part} onChange={setPart} />
      <Button type="submit" disabledFocusable={saving || unchanged}>
        {link.role === 'named' ? 'Confirm the part' : 'Change the part'}
      </Button>
      <Button disabledFocusable={saving} onClick={() => void onSave({ type: 'unlink', linkId: link.id })}>
        Unlink {link.name}
      </Button>
    </form>
  );
}

/** The part is always chosen: there is no default that could tag a pupil wrongly. */
function PartChoice({ label, value, onChange }: { label: string; value: Part | ''; onChange(part: Part | ''): void }) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, data) => onChange(data.value as Part | '')}>
        <option value="">Choose their part…</option>
        {PARTS.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function LinkForms({ credentials, staff, saving, onSave }: { credentials: Credentials; staff: Person[]; saving: boolean; onSave: Save }) {
  const styles = useStyles();
  const [roster, setRoster] = useState<RosterPupil[]>();
  const [className, setClassName] = useState('');
  const [pupilId, setPupilId] = useState('');
  const [personId, setPersonId] = useState('');
  const [name, setName] = useState('');
  const [parts, setParts] = useState<Record<'pupil' | 'staff' | 'other', Part | ''>>({ pupil: '', staff: '', other: '' });
  useEffect(() => {
    api.roster(credentials).then(setRoster, () => setRoster([]));
  }, [credentials]);
  const classes = [...new Set((roster ?? []).map((pupil) => pupil.className))].sort();
  const inClass = (roster ?? []).filter((pupil) => pupil.className === className);
  const link =
    (kind: 'pupil' | 'staff' | 'other', who: Extract<Step, { type: 'link' }>['who'], reset: () => void) => async (event: FormEvent) => {
      event.preventDefault();
      const part = parts[kind];
      if (saving || !part) return;
      if (await onSave({ type: 'link', who, role: part })) {
        reset();
        setParts((current) => ({ ...current, [kind]: '' }));
      }
    };
  const form = (
    kind: 'pupil' | 'staff' | 'other',
    ready: boolean,
    submit: (event: FormEvent) => Promise<void>,
    fields: ReactNode,
    title: string,
  ) => (
    <form className={styles.row} onSubmit={(event) => void submit(event)} aria-label={title}>
      {fields}
      <PartChoice label="Their part" value={parts[kind]} onChange={(part) => setParts((current) => ({ ...current, [kind]: part }))} />
      <Button type="submit" disabledFocusable={saving || !ready || !parts[kind]}>
        {title}
      </Button>
    </form>
  );
  return (
    <div className={`${styles.forms} no-print`}>
      {form(
        'pupil',
        pupilId !== '',
        link('pupil', { pupilId }, () => setPupilId('')),
        <>
          <Field label="Class">
            <Select
              value={className}
              onChange={(_, data) => {
                setClassName(data.value);
                setPupilId('');
              }}
            >
              <option value="">Choose a class…</option>
              {classes.map((one) => (
                <option key={one} value={one}>
                  {one}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Pupil">
            <Select value={pupilId} onChange={(_, data) => setPupilId(data.value)} disabled={!className}>
              <option value="">Choose a pupil…</option>
              {inClass.map((pupil) => (
                <option key={pupil.id} value={pupil.id}>
                  {pupil.displayName}
                  {pupil.left ? ' (has left)' : ''}
                </option>
              ))}
            </Select>
          </Field>
        </>,
        'Link the pupil',
      )}
      {form(
        'staff',
        personId !== '',
        link('staff', { personId }, () => setPersonId('')),
        <Field label="Member of staff or governor">
          <Select value={personId} onChange={(_, data) => setPersonId(data.value)}>
            <option value="">Choose someone…</option>
            {staff.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </Select>
        </Field>,
        'Link the member of staff',
      )}
      {form(
        'other',
        name.trim() !== '',
        link('other', { name: name.trim() }, () => setName('')),
        <Field label="Someone else (a parent, someone outside school)" hint="Their name, and who they are.">
          <Input value={name} onChange={(_, data) => setName(data.value)} maxLength={200} />
        </Field>,
        'Link them',
      )}
    </div>
  );
}
