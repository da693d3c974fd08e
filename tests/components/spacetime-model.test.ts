// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { diagramOf } from '../../src/components/spacetime-model.ts';
import type { TraceEvent } from '../../src/sim/trace.ts';

describe('the space-time diagram model', () => {
  it('draws an arrow per arrival and the buffered wait from arrival to delivery', () => {
    const trace: TraceEvent[] = [
      { t: 0, type: 'send', node: 'A', msg: 'A1', vc: [1, 0, 0], text: 'q' },
      { t: 0, type: 'deliver', node: 'A', msg: 'A1', vc: [1, 0, 0] },
      { t: 100, type: 'receive', node: 'B', msg: 'A1' },
      { t: 100, type: 'deliver', node: 'B', msg: 'A1', vc: [1, 0, 0] },
      { t: 100, type: 'send', node: 'B', msg: 'B1', vc: [1, 1, 0], text: 'a' },
      { t: 100, type: 'deliver', node: 'B', msg: 'B1', vc: [1, 1, 0] },
      { t: 150, type: 'receive', node: 'C', msg: 'B1' },
      { t: 150, type: 'buffer', node: 'C', msg: 'B1', waitingFor: ['A1'] },
      { t: 200, type: 'drop', node: 'A', msg: 'B1', reason: 'loss' },
      { t: 300, type: 'receive', node: 'C', msg: 'A1' },
      { t: 300, type: 'deliver', node: 'C', msg: 'A1', vc: [1, 0, 0] },
      { t: 300, type: 'deliver', node: 'C', msg: 'B1', vc: [1, 1, 0] },
    ];
    const model = diagramOf(trace, trace.length, ['A', 'B', 'C']).window(-Infinity, Infinity, 300);
    expect(model.arrows.map((a) => `${a.msg}:${a.from}>${a.to}${a.lost ? ' lost' : ''}`)).toEqual(['A1:0>1', 'B1:1>2', 'B1:1>0 lost', 'A1:0>2']);
    expect(model.waits).toEqual([{ msg: 'B1', node: 2, from: 150, until: 300 }]);
    expect(model.events.filter((e) => e.kind === 'deliver')).toHaveLength(5);
  });
});
