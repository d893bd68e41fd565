import { Dropdown, Field, Option } from '@fluentui/react-components';

export interface Persona {
  id: string;
  displayName: string;
  roles: string[];
}

/** Local mode only: try the tab as any person of the demo school. */
export function PersonaPicker({ current, personas, onPick }: { current: Persona; personas: Persona[]; onPick(id: string): void }) {
  return (
    <Field label="Demo persona (local mode only)">
      <Dropdown
        aria-label="Demo persona"
        value={current.displayName}
        selectedOptions={[current.id]}
        onOptionSelect={(_, data) => data.optionValue && onPick(data.optionValue)}
      >
        {personas.map((persona) => (
          <Option key={persona.id} value={persona.id} text={persona.displayName}>
            {`${persona.displayName} — ${persona.roles.join(', ')}`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
