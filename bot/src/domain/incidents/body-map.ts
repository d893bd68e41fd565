/**
 * The body map: front and back outlines of a child on which the DSL marks where an injury was
 * SEEN, with a note per mark. Safeguarding practice records what was seen and never photographs.
 * One definition of the outline and its named regions serves the server (checks, chronology lines)
 * and the tab (drawing, the region a mark is on as it moves).
 *
 * Coordinates: x 0–100 left to right as the viewer sees the drawing, y 0–200 from the top of the head.
 */
export const BODY_VIEWS = ['front', 'back'] as const;
export type BodyView = (typeof BODY_VIEWS)[number];

export interface BodyMark {
  id: string;
  view: BodyView;
  x: number;
  y: number;
  /** What was seen there, in the DSL's words. */
  note: string;
}

export const BODY_MAP_SIZE = { width: 100, height: 200 } as const;
export const BODY_MAP_LIMITS = { marks: 30, note: 500 } as const;

type Box = readonly [x0: number, y0: number, x1: number, y1: number];
type Name = string | { front: string; back: string };

/**
 * The named regions, first match wins. `sided` regions are given on the viewer's left and mirrored;
 * their name gets the child's side, which is the viewer's left on the back and right on the front.
 */
const REGIONS: { name: Name; box: Box; sided?: true; round?: true }[] = [
  { name: { front: 'face', back: 'back of the head' }, box: [39, 4, 61, 30], round: true },
  { name: { front: 'neck', back: 'back of the neck' }, box: [44, 29, 56, 36] },
  { name: 'shoulder', box: [33, 35, 42, 45], sided: true },
  { name: { front: 'chest', back: 'upper back' }, box: [33, 35, 67, 62] },
  { name: { front: 'abdomen', back: 'lower back' }, box: [33, 62, 67, 84] },
  { name: { front: 'pelvis', back: 'buttocks' }, box: [33, 84, 67, 101] },
  { name: 'upper arm', box: [21, 37, 33, 66], sided: true },
  { name: 'elbow', box: [21, 66, 33, 72], sided: true },
  { name: 'forearm', box: [21, 72, 33, 94], sided: true },
  { name: 'hand', box: [21, 94, 33, 108], sided: true },
  { name: 'thigh', box: [34, 100, 49, 138], sided: true },
  { name: 'knee', box: [34, 138, 49, 148], sided: true },
  { name: { front: 'shin', back: 'calf' }, box: [34, 148, 49, 182], sided: true },
  { name: 'foot', box: [34, 182, 49, 196], sided: true },
];

/** The silhouette the tab draws: a head, neck, body, two arms and two legs, rounded. */
export const BODY_OUTLINE: readonly { box: Box; radius: number }[] = [
  { box: [39, 4, 61, 30], radius: 11 },
  { box: [44, 26, 56, 38], radius: 2 },
  { box: [33, 35, 67, 101], radius: 9 },
  { box: [21, 37, 33, 108], radius: 6 },
  { box: [67, 37, 79, 108], radius: 6 },
  { box: [34, 96, 49, 196], radius: 6 },
  { box: [51, 96, 66, 196], radius: 6 },
];

const mirror = ([x0, y0, x1, y1]: Box): Box => [BODY_MAP_SIZE.width - x1, y0, BODY_MAP_SIZE.width - x0, y1];

function inside([x0, y0, x1, y1]: Box, x: number, y: number, round: boolean): boolean {
  if (!round) return x >= x0 && x <= x1 && y >= y0 && y <= y1;
  const [cx, cy, rx, ry] = [(x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2];
  return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
}

/** The child's side for a point: on the front view the child's right is on the viewer's left. */
function sideOf(view: BodyView, x: number): 'left' | 'right' {
  const viewersLeft = x < BODY_MAP_SIZE.width / 2;
  return view === 'front' ? (viewersLeft ? 'right' : 'left') : viewersLeft ? 'left' : 'right';
}

/** The region under a point ("left forearm"), or undefined off the outline. */
export function regionAt(view: BodyView, x: number, y: number): string | undefined {
  for (const region of REGIONS) {
    const boxes = region.sided ? [region.box, mirror(region.box)] : [region.box];
    if (!boxes.some((box) => inside(box, x, y, region.round === true))) continue;
    const name = typeof region.name === 'string' ? region.name : region.name[view];
    return region.sided ? `${sideOf(view, x)} ${name}` : name;
  }
  return undefined;
}

/** How a mark is named in lists, the chronology and the printed report: "left forearm, front". */
export function markLabel(mark: Pick<BodyMark, 'view' | 'x' | 'y'>): string {
  return `${regionAt(mark.view, mark.x, mark.y) ?? 'off the outline'}, ${mark.view}`;
}

/** What the chronology says about a saved change to the body map: one line per mark changed. */
export function describeBodyMapChanges(before: readonly BodyMark[], after: readonly BodyMark[]): string[] {
  const lines: string[] = [];
  const old = new Map(before.map((mark) => [mark.id, mark]));
  for (const mark of after) {
    const was = old.get(mark.id);
    if (!was) {
      lines.push(`Body map: marked ${markLabel(mark)}: ${mark.note}`);
      continue;
    }
    if (was.view !== mark.view || was.x !== mark.x || was.y !== mark.y) {
      const [from, to] = [markLabel(was), markLabel(mark)];
      lines.push(from === to ? `Body map: the mark at ${to} moved within it` : `Body map: the mark at ${from} moved to ${to}`);
    }
    if (was.note !== mark.note) lines.push(`Body map: the note at ${markLabel(mark)} changed to: ${mark.note}`);
  }
  const kept = new Set(after.map((mark) => mark.id));
  for (const mark of before) if (!kept.has(mark.id)) lines.push(`Body map: the mark at ${markLabel(mark)} removed (it said: ${mark.note})`);
  return lines;
}
