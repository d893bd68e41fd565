import { Body1, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import type { ImportCounts, ImportJob } from './pupil-import-api';

const number = (value: number) => value.toLocaleString('en-GB');

/** "3 added, 1 updated, 2 marked as left, 15 unchanged". */
export function countsText(counts: ImportCounts): string {
  return `${number(counts.create)} added, ${number(counts.update)} updated, ${number(counts.leave)} marked as left, ${number(counts.unchanged)} unchanged`;
}

/** The import as it runs (done of total, from the server) and how it ended. */
export function PupilImportProgress({ job }: { job: ImportJob }) {
  const result = job.result;
  return (
    <>
      <Field
        label="Import progress"
        validationState="none"
        validationMessage={
          job.total === 0 ? 'Nothing in the register needed changing.' : `${number(job.done)} of ${number(job.total)} changes saved`
        }
      >
        <ProgressBar
          value={job.total === 0 ? 1 : job.done}
          max={job.total === 0 ? 1 : job.total}
          thickness="large"
          color={job.state === 'failed' ? 'error' : job.state === 'finished' ? 'success' : 'brand'}
          aria-label="Import progress"
          data-testid="import-progress"
        />
      </Field>
      {job.state === 'running' && <Body1>Importing… you can keep this page open; the import carries on at the server.</Body1>}
      {result?.status === 'imported' && (
        <MessageBar intent={result.notSaved.length ? 'warning' : 'success'} data-testid="import-result">
          <MessageBarBody>
            <MessageBarTitle>Import finished</MessageBarTitle>
            {countsText(result.counts)}.
            {result.notSaved.length > 0 &&
              ` These pupils were changed by someone else during the import and were not updated: ${result.notSaved.join(', ')}. Import the same file again to update them.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {result?.status === 'failed' && (
        <MessageBar intent="error" data-testid="import-result">
          <MessageBarBody>
            <MessageBarTitle>The import stopped part-way</MessageBarTitle>
            {result.message} {result.exact ? '' : 'At least '}
            {number(result.saved)} of {number(result.total)} changes were saved. Nothing is lost and nothing will be doubled: import the
            same file again to finish — pupils already saved are recognised by their reference and are not added twice.
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
