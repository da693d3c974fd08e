// @vitest-environment node
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isError, replayRun } from '../../src/sim/run.ts';
import { serializeTrace } from '../../src/sim/trace.ts';
import { importTrace, serializeRunTrace } from '../../src/sim/trace-file.ts';
import { World } from '../../src/sim/world.ts';
import { DEFAULT_NETWORK } from '../../src/sim/network.ts';
import { playUserRun, userRuns } from './run-generator.ts';

/** A short run with a question and a reply, exported. */
function sampleFile(): string {
  const { record } = playUserRun({
    nodeCount: 3,
    seed: 9,
    policy: 'causal',
    actions: [
      { kind: 'send', node: 0, text: 'Lunch at noon?' },
      { kind: 'wait', ms: 2600 },
      { kind: 'send', node: 1, text: 'Yes, room 2!' },
      { kind: 'wait', ms: 800 },
    ],
  });
  return serializeRunTrace(record);
}

describe('trace files', () => {
  it('run → export → import gives the identical trace and run', () => {
    fc.assert(
      fc.property(userRuns, (user) => {
        const { world, record } = playUserRun(user);
        const text = serializeRunTrace(record);
        const imported = importTrace(text);
        if (isError(imported)) throw new Error(`seed ${user.seed}: ${imported.error}`);
        expect(serializeTrace(imported.trace)).toBe(serializeTrace(world.toTrace()));
        expect(imported.run).toEqual(record);
        expect(serializeRunTrace(imported.run)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps per-link settings the run started with (a Reset keeps the faults set before it)', () => {
    const world = new World({ nodeCount: 3, seed: 1, policy: 'causal', network: { ...DEFAULT_NETWORK, links: { '0>2': { lossRate: 1 } } } });
    world.apply({ kind: 'send', node: 0, text: 'Lunch?' });
    world.runToQuiet();
    expect(world.trace.some((e) => e.type === 'drop')).toBe(true);
    const record = { config: world.config, commands: [...world.commands], processed: world.processed, now: world.now };
    const text = serializeRunTrace(record);
    expect(JSON.parse(text).config.links).toEqual({ '0>2': { lossRate: 1 } });
    const imported = importTrace(text);
    if (isError(imported)) throw new Error(imported.error);
    expect(serializeTrace(imported.trace)).toBe(serializeTrace(world.toTrace()));
    expect(imported.run.config.network.links).toEqual({ '0>2': { lossRate: 1 } });
  });

  it('a link set mid-run is in its network event, and a trace without a command log is rebuilt with it', () => {
    const world = new World({ nodeCount: 3, seed: 1, policy: 'causal', network: DEFAULT_NETWORK });
    world.apply({ kind: 'network', network: { ...DEFAULT_NETWORK, links: { '0>2': { lossRate: 1 } } } });
    world.apply({ kind: 'send', node: 0, text: 'Lunch?' });
    world.runToQuiet();
    const trace = world.toTrace();
    expect(trace.events[0]).toMatchObject({ type: 'network', network: { links: { '0>2': { lossRate: 1 } } } });
    expect(trace.events).toContainEqual(expect.objectContaining({ type: 'drop', node: 'C', reason: 'loss' }));
    // Settings without a link of their own write no links, as before.
    world.apply({ kind: 'network', network: DEFAULT_NETWORK });
    const last = world.toTrace().events.at(-1);
    expect(last?.type === 'network' && 'links' in last.network).toBe(false);
    const imported = importTrace(serializeTrace(world.toTrace()));
    if (isError(imported)) throw new Error(imported.error);
    expect(serializeTrace(imported.trace)).toBe(serializeTrace(world.toTrace()));
    // A file exported before network events carried links still opens, and replays them from its commands.
    const record = { config: world.config, commands: [...world.commands], processed: world.processed, now: world.now };
    const older = JSON.parse(serializeRunTrace(record));
    for (const event of older.events) if (event.type === 'network') delete event.network.links;
    const reopened = importTrace(JSON.stringify(older));
    if (isError(reopened)) throw new Error(reopened.error);
    expect(serializeTrace(reopened.trace)).toBe(serializeTrace(world.toTrace()));
  });

  it('a trace without a command log is rebuilt from its sends, cuts and heals', () => {
    fc.assert(
      fc.property(userRuns, (user) => {
        const actions = user.actions.filter((a) => a.kind === 'wait' || a.kind === 'send' || a.kind === 'toggle');
        const { world } = playUserRun({ ...user, actions });
        const imported = importTrace(serializeTrace(world.toTrace()));
        if (isError(imported)) throw new Error(`seed ${user.seed}: ${imported.error}`);
        expect(imported.trace.events).toEqual(world.toTrace().events);
      }),
      { numRuns: 100 },
    );
  });

  it('reads a headless trace with its workload', () => {
    const world = new World({ nodeCount: 4, seed: 42, policy: 'causal', network: DEFAULT_NETWORK, workload: { messages: 30, meanGapMs: 300 } });
    world.runToQuiet();
    const imported = importTrace(serializeTrace(world.toTrace()));
    if (isError(imported)) throw new Error(imported.error);
    expect(imported.run.commands).toEqual([]);
    expect(replayRun(imported.run).toTrace()).toEqual(world.toTrace());
  });

  it.each([
    ['', 'The file is empty.'],
    ['{"format": "causal-chat-trace", "version": 1, "nodes": ["A"', 'not valid JSON'],
    ['[1, 2, 3]', 'not a trace'],
    ['{"format": "other", "version": 1}', 'not a causal-chat trace: its format is "other"'],
    ['{"format": "causal-chat-trace", "version": 2}', 'version 2; only version 1'],
    ['{"format": "causal-chat-trace", "version": 1, "nodes": ["A","B"], "config": {"seed": 1e300, "policy": "causal"}, "events": []}', 'seed 1e+300'],
    ['{"format": "causal-chat-trace", "version": 1, "nodes": ["A","B","C","D","E","F","G","H","I"], "config": {"seed": 1, "policy": "causal"}, "events": []}', 'this view shows 2 to 8'],
  ])('refuses %j with a message naming the problem', (text, message) => {
    const result = importTrace(text, 8);
    expect(isError(result) && result.error).toContain(message);
  });

  it('refuses 10 MB of text before parsing it', () => {
    const result = importTrace(`{"x":"${'a'.repeat(10 * 1024 * 1024)}"}`);
    expect(isError(result) && result.error).toMatch(/10\.0 MB; traces of up to 5 MB/);
  });

  it('refuses huge numbers and events that do not match the replay', () => {
    const file = JSON.parse(sampleFile()) as { commands: { at: number }[]; events: { t: number; text?: string }[] };
    const huge = structuredClone(file);
    (huge.commands[1] as { at: number }).at = 1e308;
    expect(isError(importTrace(JSON.stringify(huge))) && (importTrace(JSON.stringify(huge)) as { error: string }).error).toContain('commands[1].at');
    const forged = structuredClone(file);
    (forged.events[0] as { text?: string }).text = '<img src=x onerror=alert(1)>';
    const result = importTrace(JSON.stringify(forged));
    expect(isError(result) && result.error).toContain('does not match a replay');
  });

  it('shows where an event differs from the replay, not two excerpts cut off before it', () => {
    const file = JSON.parse(sampleFile()) as { events: Record<string, unknown>[] };
    const deliver = file.events.findIndex((e) => e.type === 'deliver' && e.node === 'C');
    (file.events[deliver] as { vc: number[] }).vc = [9, 9, 9];
    const result = importTrace(JSON.stringify(file));
    if (!isError(result)) throw new Error('a forged clock was accepted');
    expect(result.error).toMatch(/it has ….*"vc":\[9,9,9\].* as event \d+, but the replay has ….*"vc":\[1,0,0\]/);
  });

  it('keeps HTML in message text as text', () => {
    const { record } = playUserRun({ nodeCount: 2, seed: 1, policy: 'causal', actions: [{ kind: 'send', node: 0, text: '<b>hi</b><script>alert(1)</script>' }] });
    const imported = importTrace(serializeRunTrace(record));
    if (isError(imported)) throw new Error(imported.error);
    expect(imported.trace.events[0]).toMatchObject({ type: 'send', text: '<b>hi</b><script>alert(1)</script>' });
  });

  it('never throws on random or mutated input', () => {
    const valid = sampleFile();
    const mutated = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.json(),
      fc.nat(valid.length).map((n) => valid.slice(0, n)),
      fc.tuple(fc.nat(valid.length - 1), fc.string({ minLength: 1, maxLength: 4 })).map(([at, s]) => valid.slice(0, at) + s + valid.slice(at + 1)),
      fc.tuple(fc.nat(valid.length - 1), fc.constantFrom('1e308', '-1', 'null', '"x"', '[]', '{}', '9007199254740993', 'true')).map(([at, s]) => {
        const digit = valid.slice(at).search(/\d/);
        if (digit < 0) return valid;
        const start = at + digit;
        const end = start + (/^\d+/.exec(valid.slice(start))?.[0].length ?? 1);
        return valid.slice(0, start) + s + valid.slice(end);
      }),
    );
    fc.assert(
      fc.property(mutated, (text) => {
        const result = importTrace(text, 8);
        const sound = isError(result) ? result.error.length < 400 : serializeTrace(replayRun(result.run).toTrace()) === serializeTrace(result.trace);
        expect(sound).toBe(true);
      }),
      { numRuns: 600 },
    );
  });
});
