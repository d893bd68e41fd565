import { Body1, Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, makeStyles } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { getJson, sendJson, type Credentials } from '../api';
import { DataTable, type Column } from '../ui/DataTable';
import { GrowingBadge } from '../ui/GrowingBadge';
import { schoolToday } from '../school-today';
import { shortDate } from '../ui/dates';
import { useFirstAnswer } from '../ui/first-answer';

interface Device {
  id: string;
  version: number;
  name: string;
  type: string;
  approvedByName: string;
  approvedOn: string;
  active: boolean;
  retired?: { on: string; byName: string };
}

type Errors = Partial<Record<'name' | 'type' | 'approvedOn', string>>;

const TYPES: [string, string][] = [
  ['tablet', 'Tablet'],
  ['camera', 'Camera'],
  ['phone', 'Phone'],
  ['laptop', 'Laptop'],
  ['other', 'Other'],
];
const TYPE_LABELS = new Map(TYPES);

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '16px' },
  form: { display: 'grid', gap: '12px', maxWidth: '480px' },
  buttons: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

/** The approved school devices (policy s.4): staff read it; the online safety lead approves and retires devices. */
export function DevicesPage({ credentials, canManage }: { credentials: Credentials; canManage: boolean }) {
  const styles = useStyles();
  const [first, alreadyRead] = useFirstAnswer<{ devices: Device[] }>('/api/devices', credentials);
  const [devices, setDevices] = useState(first?.devices);
  const [message, setMessage] = useState<{ intent: 'success' | 'error' | 'warning'; text: string }>();
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState({ name: '', type: 'tablet', approvedOn: schoolToday() });
  const [errors, setErrors] = useState<Errors>({});
  const nameField = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const load = () =>
    getJson<{ devices: Device[] }>('/api/devices', credentials).then(
      (result) => setDevices(result.devices),
      (failure: Error) => setMessage({ intent: 'error', text: failure.message }),
    );
  useEffect(() => {
    if (!alreadyRead()) void load();
  }, [credentials]);
  useEffect(() => {
    if (adding) nameField.current?.focus();
  }, [adding]);

  const save = async () => {
    const result = await sendJson<{ device?: Device; error?: string; errors?: Errors }>('POST', '/api/devices', credentials, draft);
    if (!result.ok) {
      setErrors(result.body.errors ?? {});
      setMessage({ intent: 'error', text: result.body.error ?? 'Nothing was saved.' });
      return;
    }
    setMessage({ intent: 'success', text: `${result.body.device!.name} is approved for photos and videos.` });
    setErrors({});
    setAdding(false);
    setDraft({ ...draft, name: '' });
    await load();
    addButton.current?.focus();
  };

  const retire = async (device: Device) => {
    const result = await sendJson<{ error?: string }>('POST', `/api/devices/${device.id}/retire`, credentials, { version: device.version });
    setMessage(
      result.ok
        ? { intent: 'success', text: `${device.name} is retired: requests can no longer name it.` }
        : { intent: result.status === 409 ? 'warning' : 'error', text: result.body.error ?? 'Nothing was changed.' },
    );
    await load();
  };

  const columns: Column<Device>[] = [
    { header: 'Device', cell: (device) => device.name },
    { header: 'Type', cell: (device) => TYPE_LABELS.get(device.type) ?? device.type },
    { header: 'Approved by', cell: (device) => device.approvedByName },
    { header: 'Approved on', cell: (device) => shortDate(device.approvedOn) },
    {
      header: 'Status',
      cell: (device) => (
        <GrowingBadge color={device.active ? 'success' : 'informative'}>
          {device.active ? 'Approved' : `Retired ${shortDate(device.retired?.on ?? device.approvedOn)}`}
        </GrowingBadge>
      ),
    },
    ...(canManage
      ? [
          {
            header: 'Change',
            cell: (device: Device) =>
              device.active ? (
                <Button size="small" aria-label={`Retire ${device.name}`} onClick={() => void retire(device)}>
                  Retire
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <section className={styles.page} aria-label="Approved devices">
      <Body1>
        School devices the online safety lead has approved for taking photos and videos of pupils (Social Media Policy, section 4). A
        request to post names the device used; any other device fails the checks. Devices are retired, never deleted.
      </Body1>
      {message && (
        <MessageBar key={message.text} intent={message.intent}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {!devices && !message && <Spinner label="Loading devices…" />}
      {devices && devices.length === 0 && <Body1>No devices are approved yet.</Body1>}
      {devices && devices.length > 0 && (
        <DataTable
          label="Approved devices"
          columns={columns}
          rows={devices}
          rowKey={(device) => device.id}
          rowProps={() => ({ 'data-testid': 'device-row' })}
          size="medium"
        />
      )}
      {canManage && !adding && (
        <div>
          <Button appearance="primary" ref={addButton} onClick={() => setAdding(true)}>
            Approve a device
          </Button>
        </div>
      )}
      {canManage && adding && (
        <form
          className={styles.form}
          aria-label="Approve a device"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Field label="Device name (as labelled, for example Class 4B iPad)" validationMessage={errors.name} required>
            <Input ref={nameField} value={draft.name} maxLength={40} onChange={(_, data) => setDraft({ ...draft, name: data.value })} />
          </Field>
          <Field label="Type" validationMessage={errors.type} required>
            <Select value={draft.type} onChange={(_, data) => setDraft({ ...draft, type: data.value })}>
              {TYPES.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Approved on" validationMessage={errors.approvedOn} required>
            <Input type="date" value={draft.approvedOn} onChange={(_, data) => setDraft({ ...draft, approvedOn: data.value })} />
          </Field>
          <div className={styles.buttons}>
            <Button appearance="primary" type="submit">
              Approve
            </Button>
            <Button
              onClick={() => {
                setAdding(false);
                setErrors({});
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
