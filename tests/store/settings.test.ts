// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettingsQuery } from '../../src/store/settings.ts';

describe('settings from the address bar', () => {
  it('reads nodes, seed, policy and delay', () => {
    expect(parseSettingsQuery('?nodes=4&seed=7&policy=fifo&delay=100-900')).toEqual({
      settings: { nodeCount: 4, seed: 7, policy: 'fifo', delay: { kind: 'uniform', minMs: 100, maxMs: 900 } },
      notices: [],
    });
  });

  it('ignores each invalid value with a notice and keeps the default', () => {
    const { settings, notices } = parseSettingsQuery('?nodes=99&seed=-3&policy=chaos&delay=900-100');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(notices).toEqual([
      'Ignored nodes=99: choose 2 to 8 nodes.',
      'Ignored seed=-3: a seed is a whole number from 0 to 4294967295.',
      'Ignored policy=chaos: choose causal, fifo, none, total.',
      'Ignored delay=900-100: delay range 900-100 has its minimum above its maximum.',
    ]);
  });

  it('refuses delays too slow to watch and HTML in values is only echoed as text', () => {
    const { notices } = parseSettingsQuery('?delay=100-999999&nodes=<b>3</b>');
    expect(notices[0]).toContain('Ignored nodes=<b>3</b>');
    expect(notices[1]).toContain('too slow to watch');
  });
});
