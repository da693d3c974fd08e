import type { DeliveryPolicy } from '../sim/message.ts';
import type { NetworkConfig } from '../sim/network.ts';
import type { RunRecord } from '../sim/run.ts';
import { World, type Command, type WorldConfig } from '../sim/world.ts';

/** One step of a scenario: when its actions happen, what they are and what to say about them. */
export interface ScenarioStep {
  /** A short heading for the step. */
  readonly title: string;
  readonly narration: string;
  /** Virtual time of the actions; without it, they happen once the run has gone quiet. */
  readonly atMs?: number;
  readonly actions: readonly Command[];
}

/** A scripted run as plain data: settings, seed and steps. */
export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly nodeCount: number;
  readonly seed: number;
  readonly policy: DeliveryPolicy;
  readonly network: NetworkConfig;
  /** A policy to show the same run under, side by side. */
  readonly compare?: DeliveryPolicy;
  readonly steps: readonly ScenarioStep[];
}

/**
 * Where playing step `step` stops: the moment the next step begins, if it has a set one (a
 * step timed "once the run is quiet" begins when nothing is left to play anyway). A step
 * plays on from its own moment and pauses there, so what its narration describes stays on
 * screen while the class reads it, and Next carries on from the same moment.
 */
export function stepEndsAt(scenario: Scenario, step: number): number | undefined {
  return scenario.steps[step + 1]?.atMs;
}

/** The engine config a scenario runs with. */
export function scenarioConfig(scenario: Scenario): WorldConfig {
  return { nodeCount: scenario.nodeCount, seed: scenario.seed, policy: scenario.policy, network: scenario.network };
}

/**
 * The run of a scenario as it stands right after step `step`'s actions: steps 0 to `step`
 * played in order, each at its `atMs` or when the run before it has gone quiet. The same
 * scenario and step always give the same run. `policy` replaces the scenario's own, as a
 * teacher who changed the delivery policy mid-scenario keeps it for the next steps.
 */
export function scenarioRun(scenario: Scenario, step: number, policy: DeliveryPolicy = scenario.policy): RunRecord {
  const config = { ...scenarioConfig(scenario), policy };
  const world = new World(config);
  const last = Math.min(Math.max(0, step), scenario.steps.length - 1);
  for (let i = 0; i <= last; i++) {
    const { atMs, actions } = scenario.steps[i] as ScenarioStep;
    if (atMs === undefined) world.runToQuiet();
    else world.advanceTo(atMs);
    for (const command of actions) world.apply(command);
  }
  return { config, commands: world.commands.slice(), processed: world.processed, now: world.now };
}
