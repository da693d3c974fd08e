// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runSchedule, type Schedule } from '../../bench/engine-driver.ts';
import { LeanEngine, NaiveEngine, NullEngine, ProjectEngine } from '../../bench/engines.ts';

const heapUsed = (): number => 0;

describe('engine benchmark harness', () => {
  for (const tail of [false, true]) {
    it(`has every engine deliver all M·(N−1) messages with the same hashes${tail ? ' (tail delays)' : ''}`, () => {
      const schedule: Schedule = { nodes: 5, messages: 400, seed: 7, meanGapMs: 0.5, tail };
      const project = runSchedule(schedule, (tally) => new ProjectEngine(5, tally), heapUsed);
      const naive = runSchedule(schedule, (tally) => new NaiveEngine(5, tally), heapUsed);
      const floor = runSchedule(schedule, (tally) => new NullEngine(5, tally), heapUsed);
      const lean = runSchedule(schedule, (tally) => new LeanEngine(5, tally), heapUsed);
      for (const result of [project, naive, floor, lean]) expect(result.deliveries).toBe(400 * 4);
      for (const result of [naive, floor, lean]) expect(result.ids).toBe(project.ids);
      for (const result of [naive, lean]) {
        expect(result.stamps).toBe(project.stamps);
        expect(result.totalBuffered).toBe(project.totalBuffered);
        expect(result.peakBuffered).toBe(project.peakBuffered);
      }
      expect(project.totalBuffered).toBeGreaterThan(0);
      expect(project.comparisons / project.deliveries).toBeLessThanOrEqual(5 + 1);
      expect(lean.comparisons / lean.deliveries).toBeLessThanOrEqual(5 + 1);
    });
  }

  it('tells runs with different schedules apart by their hashes', () => {
    const a = runSchedule({ nodes: 4, messages: 200, seed: 1, meanGapMs: 0.5, tail: false }, (tally) => new ProjectEngine(4, tally), heapUsed);
    const b = runSchedule({ nodes: 4, messages: 200, seed: 2, meanGapMs: 0.5, tail: false }, (tally) => new ProjectEngine(4, tally), heapUsed);
    expect(a.deliveries).toBe(b.deliveries);
    expect(a.stamps).not.toBe(b.stamps);
  });
});
