import type { Command, LoggedCommand, WorldConfig } from './world.ts';
import { World } from './world.ts';

/**
 * Time travel without snapshots: a run is its config plus its command log (the timeline), so
 * any earlier moment is rebuilt by deterministic replay, and moving forward from the past
 * re-applies the logged commands at the points where they were first given. An action is one
 * command or one scheduled event; replay walks the same actions in the same order.
 */
export type ApplyFn = (command: Command) => void;

/** Performs the next action along `timeline`. Returns false when nothing is left. */
export function nextAction(world: World, timeline: readonly LoggedCommand[], apply: ApplyFn = (c) => world.apply(c)): boolean {
  const next = timeline[world.commands.length];
  if (next && (world.processed >= next.after || world.idle)) {
    if (next.at > world.now) world.now = next.at;
    apply(next.command);
    return true;
  }
  return world.step();
}

/** Advances `world` along `timeline` to virtual time `timeMs`. */
export function advanceAlong(world: World, timeline: readonly LoggedCommand[], timeMs: number, apply?: ApplyFn): void {
  for (let next = timeline[world.commands.length]; next && next.at <= timeMs; next = timeline[world.commands.length]) {
    nextAction(world, timeline, apply);
  }
  world.advanceTo(timeMs);
}

/** Rebuilds the run of `timeline` as it was at virtual time `timeMs`. */
export function rebuildAt(config: WorldConfig, timeline: readonly LoggedCommand[], timeMs: number): World {
  const world = new World(config);
  advanceAlong(world, timeline, timeMs);
  return world;
}

/**
 * Rebuilds the run of `timeline` just before the action that made its trace reach
 * `traceLength` events: one step back from a state whose trace has that length.
 */
export function rebuildBefore(config: WorldConfig, timeline: readonly LoggedCommand[], traceLength: number): World {
  const probe = new World(config);
  let actions = 0;
  while (probe.trace.length < traceLength && nextAction(probe, timeline)) {
    if (probe.trace.length < traceLength) actions++;
  }
  const world = new World(config);
  for (let k = 0; k < actions; k++) nextAction(world, timeline);
  return world;
}
