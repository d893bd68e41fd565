import { Body1, Button, Input, Select, makeStyles, useAnnounce } from '@fluentui/react-components';
import { useState } from 'react';
import { download as downloadFile, type Credentials } from './api';
import { schoolToday } from './school-today';
import { Labelled } from './ui/Labelled';

const useStyles = makeStyles({
  row: { display: 'flex', gap: '12px', alignItems: 'flex-end', flexWrap: 'wrap' },
});

/** The register as CSV (admin team): one class or the whole school, as it stood on a date. */
export function ConsentExport({ credentials, className }: { credentials: Credentials; className?: string }) {
  const styles = useStyles();
  const [scope, setScope] = useState<'class' | 'school'>('class');
  const [date, setDate] = useState(schoolToday());
  const [status, setStatus] = useState<string>();
  const { announce } = useAnnounce();

  const chosen = className ? scope : 'school';

  const download = async () => {
    setStatus(undefined);
    const query = new URLSearchParams({ date, ...(chosen === 'class' && className ? { className } : {}) });
    try {
      const name = await downloadFile(`/api/consent.csv?${query.toString()}`, credentials, 'consent.csv');
      setStatus(`Downloaded ${name}.`);
      announce(`Downloaded ${name}.`);
    } catch (failure) {
      setStatus((failure as Error).message);
      announce((failure as Error).message, { alert: true });
    }
  };

  return (
    <section className={styles.row} aria-label="Export the register">
      <Labelled label="Export">
        {(id) => (
          <Select
            id={id}
            aria-label="Export which pupils"
            value={chosen}
            onChange={(_, data) => setScope(data.value as 'class' | 'school')}
          >
            {className && <option value="class">Class {className}</option>}
            <option value="school">Whole school</option>
          </Select>
        )}
      </Labelled>
      <Labelled label="As at">
        {(id) => <Input id={id} type="date" aria-label="Register as at" value={date} onChange={(_, data) => setDate(data.value)} />}
      </Labelled>
      <Button disabled={!date} onClick={() => void download()}>
        Download CSV
      </Button>
      {status && <Body1 data-testid="export-status">{status}</Body1>}
    </section>
  );
}
