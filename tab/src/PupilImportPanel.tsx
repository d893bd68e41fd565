import { Body1, Button, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens, useAnnounce } from '@fluentui/react-components';
import { useEffect, useRef, useState, type Ref } from 'react';
import type { Credentials } from './api';
import { PupilFileDrop } from './PupilFileDrop';
import { problemsText, PupilColumnMapping, PupilImportErrors } from './PupilImportChecks';
import { countsText, PupilImportProgress } from './PupilImportProgress';
import {
  importJob,
  MAX_FILE_BYTES,
  PUPIL_FIELDS,
  readCsvFile,
  sendPupilFile,
  type CheckResult,
  type ColumnMapping,
  type ImportJob,
  type PupilField,
} from './pupil-import-api';

const useStyles = makeStyles({
  tight: { margin: 0 },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: '16px',
    padding: '16px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    '@media (max-width: 640px)': { padding: '8px' },
  },
});

const POLL_MS = 500;
const NEEDS_MAPPING = 'Choose the column for each item above; the file is checked as soon as every item has one.';

/**
 * The admin team imports pupils from the school's MIS export: choose or drop the file,
 * check the columns, see every problem by row, then import with progress and a summary.
 */
export function PupilImportPanel({
  credentials,
  onImported,
  chooseFileRef,
}: {
  credentials: Credentials;
  onImported: () => void;
  chooseFileRef?: Ref<HTMLButtonElement>;
}) {
  const styles = useStyles();
  const [file, setFile] = useState<{ name: string; csv: string }>();
  const [check, setCheck] = useState<CheckResult>();
  const [mapping, setMapping] = useState<Partial<ColumnMapping>>({});
  const [busy, setBusy] = useState<string>();
  const [job, setJob] = useState<ImportJob>();
  const [problem, setProblem] = useState<string>();
  const [chosenBefore, setChosenBefore] = useState<ColumnMapping>();
  const running = job?.state === 'running';
  const { announce } = useAnnounce();
  // Only the answer to the latest request counts: the columns stay usable while a check runs.
  const latest = useRef(0);
  const progress = useRef<HTMLDivElement>(null);

  /** Sends the file to the server, with a spinner saying what is happening. */
  const send = async (label: string, body: { csv: string; mapping?: ColumnMapping; apply?: boolean }) => {
    const mine = ++latest.current;
    setBusy(label);
    announce(label);
    setProblem(undefined);
    try {
      const first = await sendPupilFile(credentials, body);
      // A corrected file with the same columns keeps the columns the admin chose for the last one.
      const sameColumns =
        first.status === 'needs-mapping' && chosenBefore && Object.values(chosenBefore).every((column) => first.header.includes(column));
      const result = sameColumns ? await sendPupilFile(credentials, { ...body, mapping: chosenBefore }) : first;
      if (mine !== latest.current) return;
      if (result.status === 'started') return setJob(result.job);
      setCheck(result);
      // Results in a message bar announce themselves; these two are shown otherwise.
      if (result.status === 'needs-mapping') announce(NEEDS_MAPPING);
      if (result.status === 'invalid')
        announce(`${problemsText(result.errorCount)} to fix in the file — nothing has been imported. They are listed by row.`);
      if ('mapping' in result && result.mapping) setMapping(result.mapping);
      if ((result.status === 'preview' || result.status === 'invalid') && isComplete(result.mapping)) setChosenBefore(result.mapping);
    } catch (failure) {
      if (mine === latest.current) setProblem((failure as Error).message);
    } finally {
      if (mine === latest.current) setBusy(undefined);
    }
  };

  const chooseFile = async (chosen: File) => {
    setJob(undefined);
    setCheck(undefined);
    setFile(undefined);
    setMapping({});
    setProblem(undefined);
    if (!/\.csv$/i.test(chosen.name) && chosen.type !== 'text/csv')
      return setProblem(
        `"${chosen.name}" is not a CSV file. In the MIS or in Excel, save the list of pupils as CSV, then choose that file.`,
      );
    if (chosen.size > MAX_FILE_BYTES)
      return setProblem('The file is larger than 4 MB. Export only the pupils\u2019 columns from the MIS and try again.');
    const csv = await readCsvFile(chosen);
    setFile({ name: chosen.name, csv });
    await send('Checking the file…', { csv });
  };

  const changeMapping = (field: PupilField, column: string) => {
    const next = { ...mapping, [field]: column || undefined };
    setMapping(next);
    if (file && isComplete(next)) void send('Checking the file…', { csv: file.csv, mapping: next });
  };

  const startImport = () => {
    if (file && check?.status === 'preview') void send('Starting the import…', { csv: file.csv, mapping: check.mapping, apply: true });
  };

  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(() => {
      importJob(credentials, job.id).then(
        (next) => {
          setJob(next);
          if (next.state !== 'running') onImported();
        },
        (failure: Error) =>
          setProblem(`Could not follow the import: ${failure.message} Look at the register; importing the same file again is safe.`),
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);

  // Once the import starts, the focus goes to its progress (the Import button has gone).
  useEffect(() => {
    if (job?.id) progress.current?.focus();
  }, [job?.id]);

  const header = check && 'header' in check ? check.header : [];
  return (
    <section className={styles.panel} aria-label="Import pupils">
      <Subtitle2 as="h2" block className={styles.tight}>
        Import pupils from the MIS
      </Subtitle2>
      <Body1 as="p" className={styles.tight}>
        Use the whole school's export (one row per pupil). Pupils are matched by their reference, so importing again updates them without
        duplicates; pupils missing from the file are marked as left, never deleted.
      </Body1>
      <PupilFileDrop
        fileName={file?.name}
        disabled={Boolean(busy) || running}
        onFile={(chosen) => void chooseFile(chosen)}
        chooseRef={chooseFileRef}
      />
      {busy && <Spinner size="tiny" label={busy} />}
      {problem && (
        <MessageBar key={problem} intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {check?.status === 'refused' && (
        <MessageBar key={check.error} intent="error">
          <MessageBarBody>{check.error}</MessageBarBody>
        </MessageBar>
      )}
      {header.length > 0 && !job && <PupilColumnMapping header={header} mapping={mapping} onChange={changeMapping} />}
      {check?.status === 'needs-mapping' && <Body1>{NEEDS_MAPPING}</Body1>}
      {check?.status === 'invalid' && <PupilImportErrors errors={check.errors} errorCount={check.errorCount} />}
      {check?.status === 'preview' && !job && <ImportPreview counts={check.counts} disabled={Boolean(busy)} onImport={startImport} />}
      {job && (
        <div ref={progress} tabIndex={-1} data-testid="import-running">
          <PupilImportProgress job={job} />
        </div>
      )}
    </section>
  );
}

function isComplete(mapping: Partial<ColumnMapping> | undefined): mapping is ColumnMapping {
  return PUPIL_FIELDS.every(({ field }) => mapping?.[field]);
}

function ImportPreview({
  counts,
  disabled,
  onImport,
}: {
  counts: { create: number; update: number; leave: number; unchanged: number };
  disabled: boolean;
  onImport: () => void;
}) {
  return (
    <>
      <MessageBar intent={counts.leave > 0 ? 'warning' : 'success'} data-testid="import-preview">
        <MessageBarBody>
          The file is ready to import: {countsText(counts)}.
          {counts.leave > 0 &&
            ` ${counts.leave.toLocaleString('en-GB')} pupils on roll now are not in this file and will be marked as left (kept with their consent history, not deleted). If this file is only part of the school, do not import it.`}
        </MessageBarBody>
      </MessageBar>
      <div>
        <Button appearance="primary" disabledFocusable={disabled} onClick={onImport}>
          Import
        </Button>
      </div>
    </>
  );
}
