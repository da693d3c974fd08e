// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runSchedule, type Schedule } from '../../bench/engine-driver.ts';
import { NaiveEngine, NullEngine, ProjectEngine } from '../../bench/engines.ts';

const heapUsed = (): number => 0;

describe('engine benchmark harness', () => {
  for (const tail of [false, true]) {
    it(`has every engine deliver all M·(N−1) messages with the same hashes${tail ? ' (tail delays)' : ''}`, () => {
      const schedule: Schedule = { nodes: 5, messages: 400, seed: 7, meanGapMs: 0.5, tail };
      const project = runSchedule(schedule, (tally) => new ProjectEngine(5, tally), heapUsed);
      const naive = runSchedule(schedule, (tally) => new NaiveEngine(5, tally), heapUsed);
      const floor = runSchedule(schedule, (tally) => new NullEngine(5, tally), heapUsed);
      for (const result of [project, naive, floor]) expect(result.deliveries).toBe(400 * 4);
      expect(naive.ids).toBe(project.ids);
      expect(floor.ids).toBe(project.ids);
      expect(naive.stamps).toBe(project.stamps);
      expect(project.totalBuffered).toBe(naive.totalBuffered);
      expect(project.peakBuffered).toBe(naive.peakBuffered);
      expect(project.totalBuffered).toBeGreaterThan(0);
      expect(project.comparisons / project.deliveries).toBeLessThanOrEqual(5 + 1);
    });
  }

  it('tells runs with different schedules apart by their hashes', () => {
    const a = runSchedule({ nodes: 4, messages: 200, seed: 1, meanGapMs: 0.5, tail: false }, (tally) => new ProjectEngine(4, tally), heapUsed);
    const b = runSchedule({ nodes: 4, messages: 200, seed: 2, meanGapMs: 0.5, tail: false }, (tally) => new ProjectEngine(4, tally), heapUsed);
    expect(a.deliveries).toBe(b.deliveries);
    expect(a.stamps).not.toBe(b.stamps);
  });
});
