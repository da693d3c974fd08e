import { describe, expect, it } from 'vitest';
import { describeEvent, listSomeInWords } from '../../src/components/format.ts';
import { DEFAULT_NETWORK } from '../../src/sim/network.ts';
import { nearbyIds } from '../../src/components/Inspector.tsx';

const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `A${i + 1}`);

describe('listSomeInWords', () => {
  it('lists a short list whole', () => {
    expect(listSomeInWords(['A1'], 3)).toBe('A1');
    expect(listSomeInWords(['A1', 'B1', 'C1'], 3)).toBe('A1, B1 and C1');
    expect(listSomeInWords(['A1', 'B1', 'C1'], 3, 'last')).toBe('A1, B1 and C1');
  });

  it('names the first ones of a long list and counts the rest', () => {
    expect(listSomeInWords(ids(1500), 3)).toBe('A1, A2, A3 and 1,497 more');
  });

  it('names the last ones when asked, after counting the earlier ones', () => {
    expect(listSomeInWords(ids(1500), 3, 'last')).toBe('1,497 earlier, then A1498, A1499 and A1500');
  });
});

describe('nearbyIds', () => {
  it('offers every other message of a short run', () => {
    expect(nearbyIds(ids(5), 'A3', undefined)).toEqual({ ids: ['A1', 'A2', 'A4', 'A5'], more: false });
  });

  it('offers the 15 messages on each side in a long run, and says others exist', () => {
    const near = nearbyIds(ids(1000), 'A500', undefined);
    expect(near.ids).toEqual([...ids(514).slice(484, 499), ...ids(515).slice(500)]);
    expect(near.more).toBe(true);
  });

  it('offers the 15 on the one side at either end of a long run', () => {
    expect(nearbyIds(ids(1000), 'A1', undefined).ids).toEqual(ids(16).slice(1));
    expect(nearbyIds(ids(1000), 'A1000', undefined).ids).toEqual(ids(999).slice(984));
  });

  it('adds the message being compared with when it is further away', () => {
    const near = nearbyIds(ids(1000), 'A1', 'A900');
    expect(near.ids.at(-1)).toBe('A900');
    expect(near.ids).toHaveLength(16);
    expect(nearbyIds(ids(1000), 'A900', 'A1').ids[0]).toBe('A1');
    expect(nearbyIds(ids(1000), 'A1', 'A2').ids).toHaveLength(15);
  });
});

describe('describeEvent', () => {
  it('names each link’s own settings in a network change, as the Faults panel set them', () => {
    const { links: _links, ...settings } = DEFAULT_NETWORK;
    expect(describeEvent({ t: 0, type: 'network', network: settings })).toBe('network changed: delay 300–2500 ms');
    const links = { '0>2': { lossRate: 1 }, '1>0': { delay: { kind: 'fixed', ms: 3000 }, dupRate: 0.5 } } as const;
    expect(describeEvent({ t: 0, type: 'network', network: { ...DEFAULT_NETWORK, lossRate: 0.3, links } })).toBe(
      'network changed: delay 300–2500 ms, loss 30%; A→C: loss 100%; B→A: delay 3000 ms, duplication 50%',
    );
  });
});
