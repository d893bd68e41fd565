import { Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { Credentials } from '../api';
import { MUST_READ_LABELS, publishVersion, type PolicyLibrary, type VersionDraft, type VersionErrors } from './policies-api';

const useStyles = makeStyles({
  form: { display: 'grid', gap: '12px', maxWidth: '560px' },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

/** The headteacher publishes a new version: which policy, its number, approval date, what changed, who must read it, the document. */
export function PublishVersionForm({
  credentials,
  library,
  onPublished,
  onCancel,
}: {
  credentials: Credentials;
  library: PolicyLibrary;
  onPublished(message: string): void;
  onCancel(): void;
}) {
  const styles = useStyles();
  const [draft, setDraft] = useState<VersionDraft>({
    policyId: library.register[0]?.id ?? '',
    number: '',
    approvedOn: library.today,
    changes: '',
    mustRead: 'staff',
  });
  const [file, setFile] = useState<File>();
  const [errors, setErrors] = useState<VersionErrors>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (changes: Partial<VersionDraft>) => setDraft({ ...draft, ...changes });

  const submit = async () => {
    if (!file) {
      setErrors({ file: 'Choose the policy document (PDF or Word).' });
      return;
    }
    setBusy(true);
    const result = await publishVersion(credentials, draft, file).finally(() => setBusy(false));
    if (!result.ok) {
      setErrors(result.body.fields ?? {});
      setError(result.body.error);
      return;
    }
    const title = library.register.find((policy) => policy.id === draft.policyId)?.title ?? 'The policy';
    onPublished(
      `${title}: version ${result.body.version!.number} is published${draft.mustRead === 'nobody' ? '.' : '; everyone who must read it has been asked to.'}`,
    );
  };

  return (
    <form
      className={styles.form}
      aria-label="Publish a new version"
      noValidate
      onSubmit={(event) => (event.preventDefault(), void submit())}
    >
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Field label="Policy">
        <Select value={draft.policyId} onChange={(_, data) => set({ policyId: data.value })}>
          {library.register.map((policy) => (
            <option key={policy.id} value={policy.id}>
              {policy.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Version number" validationMessage={errors.number} required>
        <Input value={draft.number} onChange={(_, data) => set({ number: data.value })} />
      </Field>
      <Field label="Approved on" validationMessage={errors.approvedOn} required>
        <Input type="date" value={draft.approvedOn} max={library.today} onChange={(_, data) => set({ approvedOn: data.value })} />
      </Field>
      <Field label="Summary of changes" validationMessage={errors.changes} required hint="Staff see this when they are asked to read it.">
        <Textarea value={draft.changes} resize="vertical" onChange={(_, data) => set({ changes: data.value })} />
      </Field>
      <Field label="Who must read it and say they have understood it" validationMessage={errors.mustRead}>
        <Select value={draft.mustRead} onChange={(_, data) => set({ mustRead: data.value })}>
          {Object.entries(MUST_READ_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="The document (PDF or Word, up to 20 MB)" validationMessage={errors.file} required>
        <input
          type="file"
          aria-label="The document (PDF or Word, up to 20 MB)"
          aria-invalid={Boolean(errors.file)}
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(event) => setFile(event.target.files?.[0])}
        />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Publish version
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
