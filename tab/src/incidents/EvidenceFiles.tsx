import {
  Body1,
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
  useAnnounce,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Credentials } from '../api';
import { api, formatDateTime, type Evidence } from './incidents-api';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '10px' },
  file: { display: 'flex', flexDirection: 'column', gap: '4px', overflowWrap: 'anywhere' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)' },
  preview: { maxWidth: '100%', maxHeight: '360px', objectFit: 'contain', backgroundColor: tokens.colorNeutralBackground3 },
  removed: { color: tokens.colorNeutralForeground3 },
});

const ACCEPT = 'image/jpeg,image/png,image/heic,.heic,video/mp4,video/quicktime,application/pdf,.docx,.xlsx,.pptx';

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The incident's evidence: each file with who added it and when, opened through the signed-in API
 * (a picture shown here, anything else saved); adding files; and, for the DSL, removing one with a
 * reason. The chronology says each time a file was added or removed.
 */
export function EvidenceFiles({
  credentials,
  incidentId,
  files,
  canRemove,
  onChanged,
}: {
  credentials: Credentials;
  incidentId: string;
  files: Evidence[];
  canRemove: boolean;
  onChanged(): Promise<unknown>;
}) {
  const styles = useStyles();
  const { announce } = useAnnounce();
  const picker = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ intent: 'success' | 'error'; text: string }>();

  const attach = async (chosen: File[]) => {
    setBusy(true);
    const lines: string[] = [];
    let failed = false;
    for (const file of chosen) {
      announce(`Uploading ${file.name}…`);
      try {
        await api.attachEvidence(credentials, incidentId, file);
        lines.push(`${file.name} is attached.`);
      } catch (failure) {
        failed = true;
        lines.push((failure as Error).message);
      }
    }
    await onChanged();
    setBusy(false);
    setOutcome({ intent: failed ? 'error' : 'success', text: lines.join(' ') });
  };

  return (
    <Card>
      <Subtitle2 as="h3" block>
        Evidence
      </Subtitle2>
      {files.length === 0 && <Body1>No files attached.</Body1>}
      {files.length > 0 && (
        <ul className={styles.list} data-testid="evidence">
          {files.map((file) => (
            <EvidenceItem
              key={file.id}
              credentials={credentials}
              incidentId={incidentId}
              file={file}
              canRemove={canRemove}
              onRemoved={async (text) => {
                await onChanged();
                setOutcome({ intent: 'success', text });
              }}
            />
          ))}
        </ul>
      )}
      {outcome && (
        <MessageBar key={outcome.text} intent={outcome.intent} className="no-print">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={`${styles.row} no-print`}>
        <input
          ref={picker}
          className={styles.hidden}
          tabIndex={-1}
          aria-label="Evidence files to attach"
          type="file"
          multiple
          accept={ACCEPT}
          onChange={(event) => {
            const chosen = [...(event.target.files ?? [])];
            event.target.value = '';
            if (chosen.length) void attach(chosen);
          }}
        />
        <Button disabled={busy} onClick={() => picker.current?.click()}>
          Attach evidence…
        </Button>
        <Body1>
          Screenshots and photos up to 20 MB, videos up to 250 MB, PDF, Word, Excel or PowerPoint up to 20 MB; judged by what is in them,
          not their names.
        </Body1>
        {busy && <Spinner size="tiny" label="Uploading…" />}
      </div>
    </Card>
  );
}

function EvidenceItem({
  credentials,
  incidentId,
  file,
  canRemove,
  onRemoved,
}: {
  credentials: Credentials;
  incidentId: string;
  file: Evidence;
  canRemove: boolean;
  onRemoved(text: string): Promise<void>;
}) {
  const styles = useStyles();
  const [picture, setPicture] = useState<string>();
  const [error, setError] = useState<string>();
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  useEffect(() => () => (picture ? URL.revokeObjectURL(picture) : undefined), [picture]);

  const open = async () => {
    setError(undefined);
    try {
      const blob = await api.evidenceBlob(credentials, incidentId, file.id);
      const url = URL.createObjectURL(blob);
      if (file.format === 'jpeg' || file.format === 'png') return setPicture(url);
      // Anything the tab cannot show is saved under its own name.
      const link = document.createElement('a');
      link.href = url;
      link.download = file.name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const remove = async () => {
    try {
      await api.removeEvidence(credentials, incidentId, file.id, reason);
      await onRemoved(`${file.name} was removed; the reason is in the chronology.`);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const added = `${file.label}, ${size(file.bytes)} — added by ${file.addedByName}, ${formatDateTime(file.addedAt)}`;
  if (file.removed) {
    return (
      <li className={`${styles.file} ${styles.removed}`}>
        <Body1>
          {file.name} ({added}) — removed by {file.removed.byName}, {formatDateTime(file.removed.at)}: {file.removed.reason}
        </Body1>
      </li>
    );
  }
  return (
    <li className={styles.file}>
      <Body1>
        <strong>{file.name}</strong> ({added})
      </Body1>
      <div className={`${styles.row} no-print`}>
        <Button size="small" aria-label={`Open ${file.name}`} onClick={() => void open()}>
          Open
        </Button>
        {canRemove && !removing && (
          <Button size="small" aria-label={`Remove ${file.name}…`} onClick={() => setRemoving(true)}>
            Remove…
          </Button>
        )}
      </div>
      {removing && (
        <div className={`${styles.row} no-print`}>
          <Field label={`Why is ${file.name} removed?`} hint="Kept in the chronology: evidence is never removed silently.">
            <Textarea value={reason} onChange={(_event, data) => setReason(data.value)} />
          </Field>
          <Button appearance="primary" disabled={!reason.trim()} onClick={() => void remove()}>
            Remove the file
          </Button>
          <Button onClick={() => setRemoving(false)}>Cancel</Button>
        </div>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {picture && <img className={styles.preview} src={picture} alt={`Evidence: ${file.name}`} data-testid="evidence-picture" />}
    </li>
  );
}
