/**
 * The body map's regions: where a mark is, named as a DSL would write it, from the child's side
 * (on the front view the child's left is on the viewer's right; on the back view it is not).
 */
import {
  BODY_MAP_LIMITS,
  BODY_MAP_SIZE,
  BODY_OUTLINE,
  BODY_VIEWS,
  describeBodyMapChanges,
  markLabel,
  regionAt,
  type BodyMark,
  type BodyView,
} from '../../../../bot/src/domain/incidents/body-map';

describe('naming the place a mark is on', () => {
  it.each<[BodyView, number, number, string | undefined]>([
    //  view     x    y    region
    ['front', 50, 15, 'face'],
    ['back', 50, 15, 'back of the head'],
    ['front', 50, 32, 'neck'],
    ['front', 50, 50, 'chest'],
    ['back', 50, 50, 'upper back'],
    ['front', 50, 70, 'abdomen'],
    ['back', 50, 70, 'lower back'],
    ['back', 50, 95, 'buttocks'],
    ['front', 36, 38, 'right shoulder'], // the viewer's left on the front is the child's right
    ['front', 27, 80, 'right forearm'],
    ['front', 73, 80, 'left forearm'],
    ['back', 27, 80, 'left forearm'], // from behind, the child's left is on the viewer's left
    ['back', 73, 80, 'right forearm'],
    ['front', 27, 69, 'right elbow'],
    ['front', 73, 100, 'left hand'],
    ['front', 42, 120, 'right thigh'],
    ['front', 58, 143, 'left knee'],
    ['front', 42, 160, 'right shin'],
    ['back', 42, 160, 'left calf'],
    ['back', 58, 190, 'right foot'],
    ['front', 5, 100, undefined], // beside the body
    ['front', 50, 150, undefined], // between the legs, below the body
    ['front', 85, 80, undefined], // beside the body, on the viewer's right
    // The head is round: the corners of the box around it are off the outline, its edge is on it.
    ['front', 40, 5, undefined],
    ['front', 38, 17, undefined],
    ['front', 50, 4, 'face'],
    ['front', 45, 17, 'face'],
    // The other parts are square-cornered, edges included.
    ['front', 34, 63, 'abdomen'],
    ['front', 21, 50, 'right upper arm'],
    ['front', 79, 50, 'left upper arm'],
    ['front', 25, 37, 'right upper arm'],
    ['front', 25, 30, undefined], // above the shoulder
    ['front', 40, 196, 'right foot'],
  ])('%s at (%i, %i): %s', (view, x, y, expected) => {
    expect(regionAt(view, x, y)).toBe(expected);
  });

  it('names every part of the outline it draws', () => {
    for (const { box } of BODY_OUTLINE) {
      const [x0, y0, x1, y1] = box;
      for (const view of ['front', 'back'] as const)
        expect({ view, box, region: regionAt(view, (x0 + x1) / 2, (y0 + y1) / 2) }).toEqual({ view, box, region: expect.any(String) });
    }
  });

  it('draws every named point: a mark the DSL can name is on the silhouette (head, neck, body, two arms, two legs)', () => {
    expect(BODY_OUTLINE).toHaveLength(7);
    const offTheDrawing: string[] = [];
    for (const view of ['front', 'back'] as const)
      for (let x = 0; x <= 100; x += 1)
        for (let y = 0; y <= 200; y += 1) {
          const drawn = BODY_OUTLINE.some(({ box: [x0, y0, x1, y1] }) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
          if (regionAt(view, x, y) && !drawn) offTheDrawing.push(`${view} (${x}, ${y})`);
        }
    expect(offTheDrawing).toEqual([]);
  });

  it('labels a mark with its region and view, as the list and the report show it', () => {
    expect(markLabel({ view: 'front', x: 73, y: 80 })).toBe('left forearm, front');
    expect(markLabel({ view: 'back', x: 2, y: 2 })).toBe('off the outline, back');
  });
});

describe('what the chronology says about a saved body map', () => {
  const bruise: BodyMark = { id: 'm1', view: 'front', x: 73, y: 80, note: 'Bruise, about 3 cm, yellowish' };
  it.each<[string, BodyMark[], BodyMark[], string[]]>([
    ['a mark added', [], [bruise], ['Body map: marked left forearm, front: Bruise, about 3 cm, yellowish']],
    [
      'a mark moved to another region',
      [bruise],
      [{ ...bruise, y: 69 }],
      ['Body map: the mark at left forearm, front moved to left elbow, front'],
    ],
    ['a mark moved within its region', [bruise], [{ ...bruise, y: 81 }], ['Body map: the mark at left forearm, front moved within it']],
    ['a mark moved sideways only', [bruise], [{ ...bruise, x: 74 }], ['Body map: the mark at left forearm, front moved within it']],
    [
      'a mark moved to the other view',
      [bruise],
      [{ ...bruise, view: 'back' }],
      ['Body map: the mark at left forearm, front moved to right forearm, back'],
    ],
    [
      'a note changed',
      [bruise],
      [{ ...bruise, note: 'Bruise, 4 cm' }],
      ['Body map: the note at left forearm, front changed to: Bruise, 4 cm'],
    ],
    ['a mark removed', [bruise], [], ['Body map: the mark at left forearm, front removed (it said: Bruise, about 3 cm, yellowish)']],
    ['nothing changed', [bruise], [{ ...bruise }], []],
  ])('%s', (_, before, after, lines) => {
    expect(describeBodyMapChanges(before, after)).toEqual(lines);
  });
});

/** Each region's name as the DSL's log and the printed report show it (s.8: the DSL keeps the log). */
describe('every region of the body map, named word for word (s.8)', () => {
  it.each<[BodyView, number, number, string]>([
    ['front', 50, 95, 'pelvis'],
    ['back', 50, 32, 'back of the neck'],
    ['back', 36, 38, 'left shoulder'],
    ['back', 27, 50, 'left upper arm'],
    ['back', 73, 69, 'right elbow'],
    ['back', 27, 100, 'left hand'],
    ['back', 42, 120, 'left thigh'],
    ['back', 42, 143, 'left knee'],
    ['front', 58, 160, 'left shin'],
    ['front', 42, 190, 'right foot'],
  ])('%s view at (%d, %d) is "%s"', (view, x, y, name) => {
    expect(regionAt(view, x, y)).toBe(name);
  });

  it('the views, the size of the drawing and the limits on marks', () => {
    expect(BODY_VIEWS).toEqual(['front', 'back']);
    expect(BODY_MAP_SIZE).toEqual({ width: 100, height: 200 });
    expect(BODY_MAP_LIMITS).toEqual({ marks: 30, note: 500 });
  });
});
