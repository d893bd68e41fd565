import { Body1, Button, Link, MessageBar, MessageBarBody, Select, Spinner, makeStyles } from '@fluentui/react-components';
import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { getJson, type ClassConsent, type ConsentState, type Credentials } from './api';
import { consentRegisterPath } from './early-data';
import { ConsentExport } from './ConsentExport';
import { DataTable, type Column } from './ui/DataTable';
import { GrowingBadge } from './ui/GrowingBadge';
import { Labelled } from './ui/Labelled';
import { lazyComponent } from './ui/lazy';
import { useFirstAnswer } from './ui/first-answer';

// A pupil's history and the pupil import open on a click: they are not loaded with the register.
const PupilConsentPanel = lazyComponent(() => import('./PupilConsentPanel'), 'PupilConsentPanel');
const PupilImportPanel = lazyComponent(() => import('./PupilImportPanel'), 'PupilImportPanel');

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px' },
  controls: { display: 'flex', gap: '16px', alignItems: 'flex-end', flexWrap: 'wrap' },
  adminTools: { display: 'flex', gap: '24px', alignItems: 'flex-end', flexWrap: 'wrap', justifyContent: 'space-between' },
});

const MARKS: Record<ConsentState, { label: string; color: 'success' | 'danger' | 'warning' | 'informative' }> = {
  given: { label: '✓ Yes', color: 'success' },
  refused: { label: '✗ No', color: 'danger' },
  withdrawn: { label: 'Withdrawn', color: 'warning' },
  none: { label: 'None recorded', color: 'danger' },
};

type Pupil = NonNullable<ClassConsent['pupils']>[number];

/** The consent register (policy s.4): what staff check before taking photos; the admin team keeps it up to date. */
export function ConsentPage({
  credentials,
  canRecord,
  canImport = false,
  canExport = false,
}: {
  credentials: Credentials;
  canRecord: boolean;
  canImport?: boolean;
  canExport?: boolean;
}) {
  const styles = useStyles();
  const [firstClasses, classesRead] = useFirstAnswer<{ classes: string[] }>('/api/classes', credentials);
  const [classes, setClasses] = useState(firstClasses?.classes);
  const [className, setClassName] = useState(firstClasses?.classes[0]);
  const [firstRegister, registerRead] = useFirstAnswer<ClassConsent>(
    className === undefined ? '' : consentRegisterPath(className),
    credentials,
  );
  const [register, setRegister] = useState(firstRegister);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [openPupil, setOpenPupil] = useState<string>();
  const [error, setError] = useState<string>();
  const [importing, setImporting] = useState(false);
  // Once opened, the import stays mounted (only hidden) so that closing it never loses a running import's progress.
  const [importOpened, setImportOpened] = useState(false);
  const [imports, setImports] = useState(0);
  const chooseFile = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (classesRead()) return;
    getJson<{ classes: string[] }>('/api/classes', credentials)
      .then(({ classes: found }) => {
        setClasses(found);
        // After an import the class shown may have gone (everyone in it left): show the first class instead.
        setClassName((current) => (current && found.includes(current) ? current : found[0]));
      })
      .catch((failure: Error) => setError(failure.message));
  }, [credentials, imports]);

  // A refresh keeps the table (and the open pupil's panel, with its result) on the screen; another class replaces it.
  const load = (name: string) =>
    getJson<ClassConsent>(consentRegisterPath(name), credentials).then(setRegister, (failure: Error) => setError(failure.message));
  useEffect(() => {
    if (registerRead()) return;
    setRegister(undefined);
    setOpenPupil(undefined);
    if (className) void load(className);
  }, [className, credentials, imports]);

  // Opening the import takes the focus to its first step rather than leaving it seven Tabs away: when its
  // code has loaded the first time, again each time it is opened after that.
  const chooseFileShown = useCallback((button: HTMLButtonElement | null) => {
    chooseFile.current = button;
    button?.focus();
  }, []);
  useEffect(() => {
    if (importing) chooseFile.current?.focus();
  }, [importing]);

  const pupils = (register?.pupils ?? []).filter(
    (pupil) => !onlyMissing || pupil.consent.images !== 'given' || pupil.consent.videos !== 'given',
  );
  const panelId = (pupil: Pupil) => `consent-history-${pupil.pupilId}`;
  const columns: Column<Pupil>[] = [
    {
      header: 'Pupil',
      cell: (pupil) => (
        <Link
          as="button"
          aria-expanded={openPupil === pupil.pupilId}
          aria-controls={openPupil === pupil.pupilId ? panelId(pupil) : undefined}
          onClick={() => setOpenPupil(openPupil === pupil.pupilId ? undefined : pupil.pupilId)}
        >
          {pupil.displayName}
        </Link>
      ),
    },
    ...(['images', 'videos'] as const).map((media): Column<Pupil> => ({
      header: media === 'images' ? 'Images' : 'Videos',
      cell: (pupil) => <GrowingBadge color={MARKS[pupil.consent[media]].color}>{MARKS[pupil.consent[media]].label}</GrowingBadge>,
    })),
  ];

  return (
    <section className={styles.page} aria-label="Photo and video consent">
      <Body1>Only pupils marked ✓ may appear in that medium on school accounts (Social Media Policy, section 4).</Body1>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {(canImport || canExport) && (
        <div className={styles.adminTools}>
          {canImport && (
            <Button
              appearance={importing ? 'secondary' : 'primary'}
              aria-expanded={importing}
              onClick={() => {
                setImporting(!importing);
                setImportOpened(true);
              }}
            >
              {importing ? 'Close the pupil import' : 'Import pupils (CSV)…'}
            </Button>
          )}
          {canExport && <ConsentExport credentials={credentials} className={className} />}
        </div>
      )}
      {importOpened && (
        <div hidden={!importing}>
          <Suspense fallback={<Spinner size="tiny" label="Loading the pupil import…" />}>
            <PupilImportPanel
              credentials={credentials}
              chooseFileRef={chooseFileShown}
              onImported={() => setImports((count) => count + 1)}
            />
          </Suspense>
        </div>
      )}
      <div className={styles.controls}>
        <Labelled label="Class">
          {(id) => (
            <Select id={id} value={className ?? ''} onChange={(_, data) => data.value && setClassName(data.value)}>
              {(classes ?? []).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          )}
        </Labelled>
        <Labelled label="Show">
          {(id) => (
            <Select id={id} value={onlyMissing ? 'missing' : 'all'} onChange={(_, data) => setOnlyMissing(data.value === 'missing')}>
              <option value="all">Every pupil</option>
              <option value="missing">Only pupils without full consent</option>
            </Select>
          )}
        </Labelled>
      </div>
      {!register && !error && <Spinner label="Loading the register…" />}
      {register && pupils.length > 0 && (
        <DataTable
          label="Consent register"
          columns={columns}
          rows={pupils}
          rowKey={(pupil) => pupil.pupilId}
          rowProps={() => ({ 'data-testid': 'consent-row' })}
          stack={false}
          after={(pupil) =>
            openPupil === pupil.pupilId && (
              <Suspense fallback={<Spinner size="tiny" label="Loading…" />}>
                <PupilConsentPanel
                  id={panelId(pupil)}
                  pupil={pupil}
                  credentials={credentials}
                  canRecord={canRecord}
                  onRecorded={() => className && load(className)}
                />
              </Suspense>
            )
          }
        />
      )}
      {register && pupils.length === 0 && <Body1>Every pupil in {className} has consent for images and videos.</Body1>}
    </section>
  );
}
