import { Badge, makeStyles, mergeClasses, type BadgeProps } from '@fluentui/react-components';

const useStyles = makeStyles({
  // Fluent's badge is one 20 px line; on a phone or zoomed in, "None recorded" must wrap inside the pill, not spill out of it.
  grow: { height: 'auto', minHeight: '20px', paddingBlock: '1px', whiteSpace: 'normal', textAlign: 'center', overflowWrap: 'normal' },
});

/** A Fluent badge that grows to fit its words at any width or zoom. */
export function GrowingBadge({ className, ...props }: BadgeProps) {
  const styles = useStyles();
  return <Badge appearance="tint" {...props} className={mergeClasses(styles.grow, className)} />;
}
