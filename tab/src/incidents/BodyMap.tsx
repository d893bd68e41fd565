import { Body1, Body1Strong, Button, Card, Field, Subtitle2, Textarea, makeStyles, tokens, useAnnounce } from '@fluentui/react-components';
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { BODY_MAP_LIMITS, BODY_MAP_SIZE, BODY_OUTLINE, BODY_VIEWS, markLabel, regionAt } from '../../../bot/src/domain/incidents/body-map';
import type { Mark, View } from './incidents-api';

const useStyles = makeStyles({
  views: { display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: '32px', maxWidth: '440px' },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: '4px' },
  svg: { width: '100%', height: 'auto', touchAction: 'none', cursor: 'crosshair' },
  mark: {
    cursor: 'grab',
    ':focus': { outline: 'none' },
    ':focus-visible > circle:first-child': { stroke: tokens.colorStrokeFocus2, strokeWidth: 2 },
  },
  list: { margin: 0, paddingInlineStart: '1.5em', display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'flex-end' },
  hint: { color: tokens.colorNeutralForeground3 },
});

type Draft = Mark & { key: string };
const STEP = 1;
const BIG_STEP = 5;
const START = { x: 50, y: 50 };

let keys = 0;
const newKey = () => `mark-${++keys}`;
const draftOf = (marks: Mark[]): Draft[] => marks.map((mark) => ({ ...mark, key: mark.id ?? newKey() }));
const sameMarks = (a: Mark[], b: Mark[]) =>
  JSON.stringify(a.map(({ id, view, x, y, note }) => ({ id, view, x, y, note }))) ===
  JSON.stringify(b.map(({ id, view, x, y, note }) => ({ id, view, x, y, note })));

/**
 * Front and back outlines of a child, on which the DSL marks where an injury was seen, with a note
 * per mark. Every mark is also listed as text with the place it is on ("left forearm, front"). From
 * the keyboard: add a mark, then move it with the arrow keys (Shift for bigger steps); each new
 * place is announced. With a pointer: click the outline to add a mark, drag a mark to move it.
 * Nothing is saved until "Save the body map"; each change saved is a line in the chronology.
 */
export function BodyMap({
  saved,
  canEdit,
  saving,
  onSave,
}: {
  saved: Mark[];
  canEdit: boolean;
  saving: boolean;
  onSave(marks: Mark[]): Promise<boolean>;
}) {
  const styles = useStyles();
  const { announce } = useAnnounce();
  const [marks, setMarks] = useState<Draft[]>(() => draftOf(saved));
  const dragging = useRef<string>();
  const elements = useRef(new Map<string, SVGGElement>());
  const focusNext = useRef<string>();
  useEffect(() => setMarks(draftOf(saved)), [saved]);
  useEffect(() => {
    if (focusNext.current) elements.current.get(focusNext.current)?.focus();
    focusNext.current = undefined;
  });

  const changed = !sameMarks(marks, saved);
  const numberOf = (key: string) => marks.findIndex((mark) => mark.key === key) + 1;
  const update = (key: string, change: Partial<Mark>) =>
    setMarks((current) => current.map((mark) => (mark.key === key ? { ...mark, ...change } : mark)));

  const add = (view: View, at = START) => {
    if (marks.length >= BODY_MAP_LIMITS.marks) return announce(`A body map holds at most ${BODY_MAP_LIMITS.marks} marks.`);
    const key = newKey();
    focusNext.current = key;
    setMarks((current) => [...current, { key, view, ...at, note: '' }]);
    announce(`Mark ${marks.length + 1} added: ${markLabel({ view, ...at })}. Move it with the arrow keys, then say what was seen.`);
  };
  const move = (mark: Draft, x: number, y: number) => {
    const to = { x: clamp(Math.round(x), 0, BODY_MAP_SIZE.width), y: clamp(Math.round(y), 0, BODY_MAP_SIZE.height) };
    if (markLabel(mark) !== markLabel({ ...mark, ...to })) announce(markLabel({ ...mark, ...to }));
    update(mark.key, to);
  };
  const onKey = (mark: Draft) => (event: KeyboardEvent) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const by: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const delta = by[event.key];
    if (!delta || !canEdit) return;
    event.preventDefault();
    move(mark, mark.x + delta[0], mark.y + delta[1]);
  };
  const remove = (mark: Draft) => {
    setMarks((current) => current.filter((other) => other.key !== mark.key));
    announce(`Mark ${numberOf(mark.key)} at ${markLabel(mark)} removed.`);
  };
  // The incident's page announces the result (or the error) once saved.
  const save = () => onSave(marks.map(({ key: _key, ...mark }) => mark));

  const pointAt = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * VIEW_BOX.width + VIEW_BOX.x,
      y: ((event.clientY - box.top) / box.height) * VIEW_BOX.height + VIEW_BOX.y,
    };
  };
  const onPointerDown = (view: View) => (event: PointerEvent<SVGSVGElement>) => {
    if (!canEdit || dragging.current) return;
    const at = pointAt(event);
    if (regionAt(view, at.x, at.y)) add(view, { x: Math.round(at.x), y: Math.round(at.y) });
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const mark = marks.find((candidate) => candidate.key === dragging.current);
    if (!mark) return;
    const at = pointAt(event);
    move(mark, at.x, at.y);
  };

  return (
    <Card data-testid="body-map">
      <Subtitle2 as="h3" block>
        Body map
      </Subtitle2>
      <Body1 className={`${styles.hint} no-print`}>
        Mark where an injury was seen and say what was seen. Record only what you saw: never photograph injuries.
      </Body1>
      <div className={styles.views}>
        {BODY_VIEWS.map((view) => (
          <figure key={view} className={styles.figure}>
            <svg
              className={styles.svg}
              viewBox={`${VIEW_BOX.x} ${VIEW_BOX.y} ${VIEW_BOX.width} ${VIEW_BOX.height}`}
              role="group"
              aria-label={`Outline of a child, ${view}`}
              onPointerDown={onPointerDown(view)}
              onPointerMove={onPointerMove}
              onPointerUp={() => (dragging.current = undefined)}
              onPointerLeave={() => (dragging.current = undefined)}
            >
              <Outline />
              <SideLabels view={view} />
              {marks.map(
                (mark, index) =>
                  mark.view === view && (
                    <g
                      key={mark.key}
                      ref={(element) => (element ? elements.current.set(mark.key, element) : elements.current.delete(mark.key))}
                      className={styles.mark}
                      role={canEdit ? 'button' : 'img'}
                      tabIndex={canEdit ? 0 : undefined}
                      aria-roledescription={canEdit ? 'movable mark' : undefined}
                      aria-label={`Mark ${index + 1}: ${markLabel(mark)}${canEdit ? '. Move it with the arrow keys.' : ''}`}
                      data-testid="body-mark"
                      onKeyDown={onKey(mark)}
                      onPointerDown={(event) => {
                        event.stopPropagation();
                        if (canEdit) dragging.current = mark.key;
                      }}
                    >
                      <circle
                        cx={mark.x}
                        cy={mark.y}
                        r={4.5}
                        fill={tokens.colorPaletteRedBackground3}
                        stroke={tokens.colorNeutralForegroundInverted}
                        strokeWidth={1}
                      />
                      <text
                        x={mark.x}
                        y={mark.y + 2}
                        textAnchor="middle"
                        fontSize={5.5}
                        fontWeight={700}
                        fill={tokens.colorNeutralForegroundOnBrand}
                        aria-hidden="true"
                      >
                        {index + 1}
                      </text>
                    </g>
                  ),
              )}
            </svg>
            <figcaption>{view === 'front' ? 'Front' : 'Back'}</figcaption>
          </figure>
        ))}
      </div>
      {marks.length === 0 ? (
        <Body1 data-testid="body-map-empty">No marks: nothing has been recorded on the body map.</Body1>
      ) : (
        <ol className={styles.list} data-testid="body-map-marks" aria-label="Marks on the body map">
          {marks.map((mark, index) => (
            <li key={mark.key}>
              <Body1Strong>{markLabel(mark)}</Body1Strong>
              {canEdit ? (
                <div className={`${styles.row} no-print`}>
                  <Field label={`What was seen at mark ${index + 1}`} style={{ flexGrow: 1 }}>
                    <Textarea
                      value={mark.note}
                      onChange={(_, data) => update(mark.key, { note: data.value })}
                      maxLength={BODY_MAP_LIMITS.note}
                      resize="vertical"
                    />
                  </Field>
                  <Button onClick={() => remove(mark)}>Remove mark {index + 1}</Button>
                </div>
              ) : null}
              <Body1 className={canEdit ? 'print-only' : undefined}>{mark.note}</Body1>
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <div className={`${styles.row} no-print`}>
          <Button onClick={() => add('front')}>Add a mark on the front</Button>
          <Button onClick={() => add('back')}>Add a mark on the back</Button>
          <Button appearance="primary" disabledFocusable={saving || !changed} onClick={() => void save()}>
            Save the body map
          </Button>
          {changed && <Button onClick={() => setMarks(draftOf(saved))}>Discard changes</Button>}
        </div>
      )}
    </Card>
  );
}

/** Room around the outline for the side labels. */
const VIEW_BOX = { x: -6, y: -2, width: BODY_MAP_SIZE.width + 12, height: BODY_MAP_SIZE.height + 4 };

/** The silhouette: every part stroked first, then filled over, so only its edge shows. */
function Outline() {
  const parts = BODY_OUTLINE.map(({ box: [x0, y0, x1, y1], radius }) => ({ x: x0, y: y0, width: x1 - x0, height: y1 - y0, rx: radius }));
  return (
    <g aria-hidden="true">
      {parts.map((part, i) => (
        <rect key={`edge-${i}`} {...part} fill="none" stroke={tokens.colorNeutralStroke1} strokeWidth={1.6} />
      ))}
      {parts.map((part, i) => (
        <rect key={`fill-${i}`} {...part} fill={tokens.colorNeutralBackground3} />
      ))}
    </g>
  );
}

/** The child's right and left: on the front, the child's right is on the viewer's left. */
function SideLabels({ view }: { view: View }) {
  const [left, right] = view === 'front' ? ['Right', 'Left'] : ['Left', 'Right'];
  return (
    <g aria-hidden="true" fontSize={6} fill={tokens.colorNeutralForeground2}>
      <text x={-4} y={8}>
        {left}
      </text>
      <text x={BODY_MAP_SIZE.width + 4} y={8} textAnchor="end">
        {right}
      </text>
    </g>
  );
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
