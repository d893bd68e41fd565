import { Body1, Button, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, useAnnounce } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { getJson, sendJson, type Credentials } from '../api';
import { RecordHeading } from '../ui/RecordHeading';
import { FactList } from '../ui/FactList';
import { POSTING_STEPS } from '../waiting/step-kinds';
import { StepForm, type StepAnswer } from '../waiting/StepForm';
import { MediaGallery } from './MediaGallery';
import { ACCEPT, uploadFile, type PostingDetail, type PostingFile } from './posting-api';
import { longDate, shortDateTime } from '../ui/dates';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px' },
  upload: { display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'center' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
});

type Outcome = { intent: 'success' | 'error' | 'warning'; lines: string[] };

/**
 * One request to post, as the headteacher (and the requester) see it: what will be posted, the
 * checks, and the photos and videos in full. The requester adds or removes files while the request
 * can still change.
 */
export function PostingRequestPage({
  requestId,
  credentials,
  backLabel,
  onBack,
}: {
  requestId: string;
  credentials: Credentials;
  backLabel: string;
  onBack(): void;
}) {
  const styles = useStyles();
  const { announce } = useAnnounce();
  const [request, setRequest] = useState<PostingDetail>();
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [decided, setDecided] = useState<{ intent: 'success' | 'warning'; text: string }>();
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setRequest(undefined);
    setError(undefined);
    getJson<PostingDetail>(`/api/posting-requests/${encodeURIComponent(requestId)}`, credentials).then(setRequest, (failure: Error) =>
      setError(failure.message),
    );
  }, [requestId, credentials]);

  const upload = async (files: File[]) => {
    setBusy(true);
    const lines: string[] = [];
    let failed = 0;
    for (const file of files) {
      announce(`Uploading ${file.name}…`);
      const result = await uploadFile(requestId, file, credentials);
      if (result.request) setRequest(result.request);
      if (!result.ok) failed++;
      lines.push(result.ok ? `${file.name} is attached.` : (result.error ?? `${file.name} was not attached.`));
    }
    setBusy(false);
    setOutcome({ intent: failed === 0 ? 'success' : failed === files.length ? 'error' : 'warning', lines });
  };

  const answered = (answer: StepAnswer) => {
    const now = answer.body.request as PostingDetail | undefined;
    if (now) setRequest(now);
    // An approval the checks blocked (consent withdrawn since the request was made) is not a decision.
    const blocked = answer.outcome === 'done' && answer.verb === 'approve' && now?.state === 'checksFailed';
    setDecided(
      answer.outcome === 'changed'
        ? { intent: 'warning', text: answer.message ?? '' }
        : blocked
          ? {
              intent: 'warning',
              text: 'Not approved: the checks, run again just now, found problems (listed below). The request has gone back to the requester to fix.',
            }
          : { intent: 'success', text: POSTING_STEPS.buttons[answer.verb]!.done },
    );
  };

  const remove = async (file: PostingFile) => {
    const result = await sendJson<{ request?: PostingDetail; error?: string }>(
      'DELETE',
      `/api/posting-requests/${requestId}/media/${file.id}`,
      credentials,
      {},
    );
    if (result.body.request) setRequest(result.body.request);
    setOutcome(
      result.ok
        ? { intent: 'success', lines: [`${file.name} was removed.`] }
        : { intent: 'error', lines: [result.body.error ?? `${file.name} was not removed.`] },
    );
    addButton.current?.focus();
  };

  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!request) return <Spinner label="Loading the request…" />;
  const facts: [string, string][] = [
    ['Status', request.stateLabel],
    ['Requested by', `${request.requesterName}, ${shortDateTime(request.submittedAt)}`],
    ['School account', request.accountLabel],
    ['Planned for', longDate(request.postingDate)],
    ['Text of the post', request.text],
    ...(request.groupLabel ? [['Group label', request.groupLabel] as [string, string]] : []),
    [
      'Pupils shown',
      request.pupils.length ? request.pupils.map((pupil) => `${pupil.displayName} (${pupil.className})`).join(', ') : 'None',
    ],
    ...(request.media.length
      ? [
          ['Taken on', request.deviceLabel ? `${request.deviceLabel}, an approved school device` : 'No approved device named yet'] as [
            string,
            string,
          ],
          [
            'Faces blurred',
            `${request.facesBlurred ? 'Yes' : 'No'}: the requester's own statement. The app does not check the pictures, so look at them.`,
          ] as [string, string],
        ]
      : []),
  ];
  return (
    <section className={styles.page} aria-labelledby="posting-title" data-testid="posting-request">
      <RecordHeading
        id="posting-title"
        title={`${request.kind === 'parentReminder' ? 'Reminder for parents' : 'Permission to post'} ${request.reference}`}
        status={request.stateLabel}
        tone={request.checks.length ? 'warning' : 'brand'}
        backLabel={backLabel}
        onBack={onBack}
      />
      {request.state === 'withHeadteacher' && request.steps.length === 0 && (
        <Body1>
          The headteacher approves or refuses it after looking at the photos and videos here, on this page or on its card in the Online
          Safety Desk chat.
        </Body1>
      )}
      {decided && (
        <MessageBar key={decided.text} intent={decided.intent}>
          <MessageBarBody>{decided.text}</MessageBarBody>
        </MessageBar>
      )}
      <FactList facts={facts} />
      {request.checks.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            The checks found {request.checks.length} problem{request.checks.length === 1 ? '' : 's'}: the headteacher cannot approve this
            until they are fixed.
            <ul>
              {request.checks.map((check) => (
                <li key={check}>{check}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Subtitle2 as="h3">Photos and videos</Subtitle2>
      {request.files.length === 0 && <Body1>None attached yet.</Body1>}
      <MediaGallery
        requestId={request.id}
        files={request.files}
        credentials={credentials}
        {...(request.canChangeMedia ? { onRemove: (file: PostingFile) => void remove(file) } : {})}
      />
      {outcome && (
        <MessageBar key={outcome.lines.join()} intent={outcome.intent} layout="multiline">
          <MessageBarBody>
            {outcome.lines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {request.canChangeMedia && (
        <div className={styles.upload}>
          <input
            ref={picker}
            id="media-picker"
            className={styles.hidden}
            tabIndex={-1}
            aria-label="Photos or videos to add"
            type="file"
            multiple
            accept={ACCEPT}
            onChange={(event) => {
              const chosen = [...(event.target.files ?? [])];
              event.target.value = '';
              if (chosen.length) void upload(chosen);
            }}
          />
          <Button ref={addButton} appearance="primary" disabled={busy} onClick={() => picker.current?.click()}>
            Add photos or videos…
          </Button>
          <Body1>JPEG, PNG or HEIC photos up to 20 MB, MP4 or MOV videos up to 250 MB; at most 20 files.</Body1>
          {busy && <Spinner size="tiny" label="Uploading…" />}
        </div>
      )}
      {request.steps.length > 0 && <Subtitle2 as="h3">What you can do now</Subtitle2>}
      <StepForm
        kind={POSTING_STEPS}
        recordId={request.id}
        reference={request.reference}
        version={request.version}
        steps={request.steps}
        credentials={credentials}
        onAnswer={answered}
      />
    </section>
  );
}
