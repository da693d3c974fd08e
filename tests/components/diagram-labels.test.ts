import { describe, expect, it } from 'vitest';
import { placeLabels, type DiagramPlacement } from '../../src/components/DiagramMarks.tsx';
import type { DiagramEvent, DiagramWindow } from '../../src/components/spacetime-model.ts';

const NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/** Eight lines `rowGapPx` apart, 16 px from the top and 14 px from the bottom. */
function placement(rowGapPx: number): DiagramPlacement {
  return { originMs: 0, pxPerMs: 0.1, topPx: 16, rowGapPx, heightPx: 16 + 7 * rowGapPx + 14, labelPx: 10, names: NAMES, marks: new Map() };
}

/** Sends from `node` (B, a middle line, unless given) at the given times, each stamped with eight entries. */
function sends(times: readonly number[], node = 1): { shown: DiagramWindow; stamps: Map<string, { vc: number[] }> } {
  const events: DiagramEvent[] = times.map((t, i) => ({ kind: 'send', node, msg: `${NAMES[node]}${i + 1}`, t }));
  const stamps = new Map(events.map((e, i) => [e.msg, { vc: [i + 1, 14, 9, 16, 14, 14, 11, 21] }]));
  return { shown: { firstEvent: 0, events, arrows: [], waits: [] }, stamps };
}

describe('send labels in the space-time diagram', () => {
  it('puts labels far apart in the first slot', () => {
    const { shown, stamps } = sends([0, 3000, 6000]);
    const { slots } = placeLabels(shown, placement(60), stamps);
    expect([...slots.values()]).toEqual([0, 0, 0]);
  });

  it('moves a label that would run into the one before it to the next slot, and leaves it out when every slot is taken', () => {
    // A label such as `A1 [1,14,9,16,14,14,11,21]` is about 160 px wide; these sends are 30 px apart.
    const { shown, stamps } = sends([0, 300, 600, 900, 1200]);
    expect([...placeLabels(shown, placement(60), stamps).slots.values()]).toEqual([0, 1, 2, 3]);
    expect([...placeLabels(shown, placement(40), stamps).slots.values()]).toEqual([0, 1]);
    expect([...placeLabels(shown, placement(18), stamps).slots.values()]).toEqual([0]);
  });

  it('keeps the labels of the first and last lines inside the diagram', () => {
    const times = [0, 300, 600, 900, 1200];
    const first = sends(times, 0);
    const last = sends(times, 7);
    // Above the first line there is room for one slot, below the last for none.
    expect([...placeLabels(first.shown, placement(60), first.stamps).slots.values()]).toEqual([0, 1, 3]);
    expect([...placeLabels(last.shown, placement(60), last.stamps).slots.values()]).toEqual([0, 2]);
  });

  it('places labels the same whatever is selected, though a marked label is two characters longer', () => {
    // `B1 [1,14,9,16,14,14,11,21]` ends 8.8 px before B2's label starts: room for the 6 px spacing, but not for two more characters.
    const { shown, stamps } = sends([0, 1700]);
    const unmarked = [...placeLabels(shown, placement(60), stamps).slots];
    for (const mark of ['past', 'future', 'concurrent', 'selected'] as const) {
      const marked = { ...placement(60), marks: new Map([['B1', mark]]) };
      expect({ mark, slots: [...placeLabels(shown, marked, stamps).slots] }).toEqual({ mark, slots: unmarked });
    }
  });

  it('goes on from the slots an earlier layer used', () => {
    const { shown, stamps } = sends([0, 300]);
    const first = placeLabels({ ...shown, events: shown.events.slice(0, 1) }, placement(18), stamps);
    const second = placeLabels({ ...shown, events: shown.events.slice(1) }, placement(18), stamps, first.after);
    expect(first.slots.get('B1')).toBe(0);
    expect(second.slots.has('B2')).toBe(false);
  });

  it('scales with the label size: larger presenter labels need more room, and fewer slots fit between lines', () => {
    // B1's label needs 186 px (with its spacing) at 10 px, 260 px at 14 px; B2 is 200 px later.
    const { shown, stamps } = sends([0, 2000]);
    const big = { ...placement(60), labelPx: 14 };
    expect([...placeLabels(shown, placement(60), stamps).slots.values()]).toEqual([0, 0]);
    expect([...placeLabels(shown, big, stamps).slots.values()]).toEqual([0, 1]);
    const crowded = sends([0, 300, 600, 900, 1200]);
    expect([...placeLabels(crowded.shown, big, crowded.stamps).slots.values()]).toEqual([0, 1]);
  });
});
