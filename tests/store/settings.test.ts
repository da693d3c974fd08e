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
    expect(notices[1]).toContain('between 1 and 60000 ms');
  });

  it('reads an exponential delay typed into the address, where + arrives as a space', () => {
    expect(parseSettingsQuery('?delay=exp:100+800').settings.delay).toEqual({ kind: 'exponential', minMs: 100, meanMs: 800 });
    expect(parseSettingsQuery('?delay=exp%3A100%2B800').settings.delay).toEqual({ kind: 'exponential', minMs: 100, meanMs: 800 });
  });

  it('names the classroom view’s own limit when a delay is too long', () => {
    // The engine's limit (an hour) once appeared here, though the view takes at most a minute.
    expect(parseSettingsQuery('?delay=0-99999999').notices).toEqual(['Ignored delay=0-99999999: delay must be between 1 and 60000 ms.']);
    expect(parseSettingsQuery('?delay=exp:100+70000').notices).toEqual(['Ignored delay=exp:100+70000: delay must be between 1 and 60000 ms.']);
  });
});
