// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { runSchedule, Tally, type BenchEngine, type Schedule } from '../../bench/engine-driver.ts';
import { LeanEngine, NaiveEngine, NullEngine, ProjectEngine } from '../../bench/engines.ts';

const heapUsed = (): number => 0;

/**
 * Passes every stamp and delivery on to the driver's tally, and checks each delivery against
 * the causal rule: the hashes are order-independent, so they cannot see a wrong order.
 */
class CausalOrderCheck extends Tally {
  readonly violations: string[] = [];
  private readonly inner: Tally;
  private readonly timestamps = new Map<string, number[]>();
  /** Per node, how many of each node's messages it has (its own: sent). */
  private readonly known: number[][];

  constructor(inner: Tally, nodes: number) {
    super(nodes);
    this.inner = inner;
    this.known = Array.from({ length: nodes }, () => new Array<number>(nodes).fill(0));
  }

  override stamped(sender: number, seq: number, vc?: ArrayLike<number>): void {
    if (vc) this.timestamps.set(`${sender}:${seq}`, Array.from(vc));
    (this.known[sender] as number[])[sender] = seq;
    this.inner.stamped(sender, seq, vc);
  }

  override delivered(to: number, sender: number, seq: number): void {
    const known = this.known[to] as number[];
    if (seq !== (known[sender] as number) + 1) this.violations.push(`${to} got ${sender}:${seq} after ${sender}:${known[sender]}`);
    const stamp = this.timestamps.get(`${sender}:${seq}`) ?? [];
    stamp.forEach((v, k) => {
      if (k !== sender && v > (known[k] as number)) this.violations.push(`${to} got ${sender}:${seq} before ${k}:${v}`);
    });
    known[sender] = seq;
    this.inner.delivered(to, sender, seq);
  }
}

/** Runs every engine on `schedule`, those with clocks under a causal-order check. */
function runAll(schedule: Schedule) {
  const checks: CausalOrderCheck[] = [];
  const run = (Engine: new (size: number, tally: Tally) => BenchEngine, checked: boolean) =>
    runSchedule(
      schedule,
      (tally) => {
        if (!checked) return new Engine(schedule.nodes, tally);
        const check = new CausalOrderCheck(tally, schedule.nodes);
        checks.push(check);
        return new Engine(schedule.nodes, check);
      },
      heapUsed,
    );
  return {
    project: run(ProjectEngine, true),
    naive: run(NaiveEngine, true),
    floor: run(NullEngine, false),
    lean: run(LeanEngine, true),
    violations: checks.flatMap((check) => check.violations),
  };
}

describe('engine benchmark harness', () => {
  const schedules: Schedule[] = [
    { nodes: 5, messages: 400, seed: 7, meanGapMs: 0.5, tail: false },
    { nodes: 5, messages: 400, seed: 7, meanGapMs: 0.5, tail: true },
    { nodes: 16, messages: 600, seed: 3, meanGapMs: 0.1, tail: true },
  ];
  for (const schedule of schedules) {
    const { nodes, messages, tail } = schedule;
    it(`has every engine deliver all M·(N−1) messages in causal order with the same hashes (N=${nodes}${tail ? ', tail delays' : ''})`, () => {
      const { project, naive, floor, lean, violations } = runAll(schedule);
      expect(violations).toEqual([]);
      for (const result of [project, naive, floor, lean]) expect(result.deliveries).toBe(messages * (nodes - 1));
      for (const result of [naive, floor, lean]) expect(result.ids).toBe(project.ids);
      for (const result of [naive, lean]) {
        expect(result.stamps).toBe(project.stamps);
        expect(result.totalBuffered).toBe(project.totalBuffered);
        expect(result.peakBuffered).toBe(project.peakBuffered);
      }
      expect(project.totalBuffered).toBeGreaterThan(0);
      expect(project.comparisons / project.deliveries).toBeLessThanOrEqual(nodes + 1);
      expect(lean.comparisons / lean.deliveries).toBeLessThanOrEqual(nodes + 1);
    });
  }

  it('tells runs with different schedules apart by their hashes', () => {
    const a = runSchedule({ nodes: 4, messages: 200, seed: 1, meanGapMs: 0.5, tail: false }, (tally) => new ProjectEngine(4, tally), heapUsed);
    const b = runSchedule({ nodes: 4, messages: 200, seed: 2, meanGapMs: 0.5, tail: false }, (tally) => new ProjectEngine(4, tally), heapUsed);
    expect(a.deliveries).toBe(b.deliveries);
    expect(a.stamps).not.toBe(b.stamps);
  });
});
