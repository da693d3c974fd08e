// @vitest-environment node
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK } from '../../src/sim/network.ts';
import { SHIVIZ_REGEX, toShiViz } from '../../src/sim/shiviz.ts';
import { World } from '../../src/sim/world.ts';
import { playUserRun, userRuns } from './run-generator.ts';

interface LogEvent {
  readonly host: string;
  readonly clock: Readonly<Record<string, number>>;
  readonly text: string;
}

/** Parses a ShiViz log the way ShiViz does: the first line is the regex, then a blank line, then the log. */
function parseShiViz(log: string): LogEvent[] {
  const [regex, blank, ...rest] = log.split('\n');
  expect(regex).toBe(SHIVIZ_REGEX);
  expect(blank).toBe('');
  const matcher = new RegExp(SHIVIZ_REGEX, 'g');
  const events: LogEvent[] = [];
  for (const match of rest.join('\n').matchAll(matcher)) {
    const groups = match.groups as Record<string, string>;
    events.push({ host: groups.host as string, clock: JSON.parse(groups.clock as string) as Record<string, number>, text: groups.event as string });
  }
  return events;
}

/**
 * ShiViz's own checks: each host's entry counts its events 1, 2, 3…; every entry names a host
 * with that many events; and each clock is exactly the previous clock of its host joined with
 * the clocks of the events it newly learns of, plus one tick (Fidge–Mattern).
 */
function checkLikeShiViz(events: readonly LogEvent[]): void {
  const byHost = new Map<string, LogEvent[]>();
  for (const e of events) byHost.set(e.host, [...(byHost.get(e.host) ?? []), e]);
  for (const [host, list] of byHost) list.forEach((e, i) => expect(e.clock[host], `${host} event ${i + 1}`).toBe(i + 1));
  const last = new Map<string, Record<string, number>>();
  for (const e of events) {
    const previous = last.get(e.host) ?? {};
    const expected: Record<string, number> = { ...previous };
    for (const [other, time] of Object.entries(e.clock)) {
      expect(byHost.has(other), `unknown host ${other}`).toBe(true);
      expect(time).toBeLessThanOrEqual(byHost.get(other)?.length ?? 0);
      if (other === e.host || time <= (previous[other] ?? 0)) continue;
      const parent = (byHost.get(other) as LogEvent[])[time - 1] as LogEvent;
      for (const [k, v] of Object.entries(parent.clock)) expected[k] = Math.max(expected[k] ?? 0, v);
    }
    expected[e.host] = (previous[e.host] ?? 0) + 1;
    expect(e.clock).toEqual(expected);
    last.set(e.host, e.clock);
  }
}

describe('ShiViz export', () => {
  it('writes the seed example with Fidge–Mattern event clocks', () => {
    const world = new World({ nodeCount: 3, seed: 1, policy: 'causal', network: { ...DEFAULT_NETWORK, delay: { kind: 'fixed', ms: 1000 } } });
    world.apply({ kind: 'send', node: 0, text: 'Hello' });
    world.runToQuiet();
    const log = toShiViz(world.toTrace());
    expect(log.split('\n').slice(2, 8)).toEqual(['A {"A":1}', 'send A1 "Hello" t=0', 'A {"A":2}', 'deliver A1 t=0', 'B {"A":1, "B":1}', 'receive A1 t=1000']);
    checkLikeShiViz(parseShiViz(log));
  });

  it('gives logs ShiViz accepts for random runs', () => {
    expect(() =>
      fc.assert(
        fc.property(userRuns, (user) => {
          const { world } = playUserRun(user);
          world.runToQuiet();
          checkLikeShiViz(parseShiViz(toShiViz(world.toTrace())));
        }),
        { numRuns: 100 },
      ),
    ).not.toThrow();
  });

  it('keeps a message text with line breaks on one line', () => {
    const world = new World({ nodeCount: 2, seed: 1, policy: 'causal', network: DEFAULT_NETWORK });
    world.apply({ kind: 'send', node: 0, text: 'two\nlines' });
    expect(toShiViz(world.toTrace())).toContain('send A1 "two lines" t=0');
  });
});
