import { Button, Input, Select, makeStyles } from '@fluentui/react-components';
import { type Ref } from 'react';
import { Labelled } from '../ui/Labelled';
import type { Filters } from './incidents-api';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: '12px', alignItems: 'flex-end', flexWrap: 'wrap' },
});

const STATUSES: [string, string][] = [
  ['new', 'New'],
  ['inProgress', 'In progress'],
  ['actionTaken', 'Action taken'],
  ['closed', 'Closed'],
];
const CATEGORIES: [string, string][] = [
  ['abuseAboutSchool', 'Comment or abuse about the school'],
  ['cyberbullying', 'Cyberbullying'],
  ['pupilDisclosure', 'Disclosure by a pupil'],
  ['staffConduct', "Staff member's online conduct"],
  ['friendFollowStaff', "'Friend' or 'follow' of staff"],
  ['contentOnSchoolEquipment', 'Content on school equipment'],
  ['firewallCircumvention', 'Getting round the firewall'],
  ['illegalActivity', 'Possible illegal activity'],
  ['dataProtectionBreach', 'Data-protection breach'],
  ['other', 'Other'],
];
const ROUTES: [string, string][] = [
  ['dsl', 'DSL'],
  ['headteacher', 'Headteacher'],
  ['chairOfGovernors', 'Chair of governors'],
  ['onlineSafetyLead', 'Online safety lead'],
  ['dataProtectionLead', 'Data protection lead'],
];
const SORTS: [string, string][] = [
  ['reportedAt', 'Date reported'],
  ['occurredOn', 'Date it happened'],
  ['status', 'Status'],
  ['category', 'Category'],
  ['routedTo', 'Routed to'],
];

/** The log's search, filters and sort; "Clear filters" shows only while something is filtered. */
export function IncidentFilters({
  filters,
  typed,
  onType,
  onChange,
  onClear,
  filtered,
  searchRef,
}: {
  filters: Filters;
  typed: string;
  onType(text: string): void;
  onChange(key: keyof Filters, value: string): void;
  onClear(): void;
  filtered: boolean;
  searchRef: Ref<HTMLInputElement>;
}) {
  const styles = useStyles();
  const set = (key: keyof Filters) => (value: string) => onChange(key, value);
  return (
    <div className={styles.filters} role="search">
      <Labelled label="Search">
        {(id) => (
          <Input
            id={id}
            ref={searchRef}
            type="search"
            placeholder="Words, name or C-00042"
            value={typed}
            onChange={(_, data) => onType(data.value)}
          />
        )}
      </Labelled>
      <Choice label="Status" value={filters.status} options={STATUSES} onChange={set('status')} />
      <Choice label="Category" value={filters.category} options={CATEGORIES} onChange={set('category')} />
      <Choice label="Routed to" value={filters.routedTo} options={ROUTES} onChange={set('routedTo')} />
      <Choice label="Timescales" value={filters.late} options={[['1', 'Past their timescales']]} onChange={set('late')} />
      <Labelled label="Reported from">
        {(id) => <Input id={id} type="date" value={filters.from} onChange={(_, data) => set('from')(data.value)} />}
      </Labelled>
      <Labelled label="to">
        {(id) => <Input id={id} type="date" value={filters.to} onChange={(_, data) => set('to')(data.value)} />}
      </Labelled>
      <Choice label="Sort by" value={filters.sort} options={SORTS} onChange={set('sort')} any={false} />
      <Choice
        label="Order"
        value={filters.dir}
        options={[
          ['desc', 'Newest or Z first'],
          ['asc', 'Oldest or A first'],
        ]}
        onChange={set('dir')}
        any={false}
      />
      {filtered && <Button onClick={onClear}>Clear filters</Button>}
    </div>
  );
}

function Choice({
  label,
  value,
  options,
  onChange,
  any = true,
}: {
  label: string;
  value: string;
  options: [string, string][];
  onChange(value: string): void;
  any?: boolean;
}) {
  return (
    <Labelled label={label}>
      {(id) => (
        <Select id={id} value={value} onChange={(_, data) => onChange(data.value)}>
          {any && <option value="">Any</option>}
          {options.map(([key, text]) => (
            <option key={key} value={key}>
              {text}
            </option>
          ))}
        </Select>
      )}
    </Labelled>
  );
}
