import { Link, Subtitle2 } from '@fluentui/react-components';
import { GrowingBadge } from './GrowingBadge';

/** The top of a record's page: the way back to the list it was opened from, and what it is with its status. */
export function RecordHeading({
  id,
  title,
  status,
  tone,
  backLabel,
  onBack,
}: {
  id: string;
  title: string;
  status: string;
  tone: 'brand' | 'warning' | 'danger';
  backLabel: string;
  onBack(): void;
}) {
  return (
    <>
      <div>
        <Link as="button" onClick={onBack}>
          {backLabel}
        </Link>
      </div>
      <Subtitle2 as="h2" id={id}>
        {title} <GrowingBadge color={tone}>{status}</GrowingBadge>
      </Subtitle2>
    </>
  );
}
