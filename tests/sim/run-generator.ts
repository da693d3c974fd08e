import * as fc from 'fast-check';
import type { DeliveryPolicy } from '../../src/sim/message.ts';
import { DEFAULT_NETWORK, type NetworkConfig } from '../../src/sim/network.ts';
import type { RunRecord } from '../../src/sim/run.ts';
import { World, type Command } from '../../src/sim/world.ts';

/** One thing a user may do between two stretches of time passing. */
export type Action =
  | { readonly kind: 'wait'; readonly ms: number }
  | { readonly kind: 'send'; readonly node: number; readonly text: string }
  | { readonly kind: 'toggle'; readonly from: number; readonly to: number }
  | { readonly kind: 'flight'; readonly op: 'release' | 'drop' | 'duplicate'; readonly pick: number }
  | { readonly kind: 'network'; readonly lossRate: number; readonly dupRate: number; readonly manual: boolean; readonly reliable: boolean; readonly slowLink: boolean };

/** A run as a user would make it: settings, then actions. */
export interface UserRun {
  readonly nodeCount: number;
  readonly seed: number;
  readonly policy: DeliveryPolicy;
  readonly actions: readonly Action[];
}

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3000 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), node: fc.nat(7), text: fc.string({ minLength: 1, maxLength: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('toggle' as const), from: fc.nat(7), to: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flight' as const), op: fc.constantFrom('release' as const, 'drop' as const, 'duplicate' as const), pick: fc.nat(50) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('network' as const),
      lossRate: fc.constantFrom(0, 0.3),
      dupRate: fc.constantFrom(0, 0.2),
      manual: fc.boolean(),
      reliable: fc.boolean(),
      slowLink: fc.boolean(),
    }),
  },
);

/** Random user runs: 2 to 5 nodes, any policy, up to 25 actions. */
export const userRuns: fc.Arbitrary<UserRun> = fc.record({
  nodeCount: fc.integer({ min: 2, max: 5 }),
  seed: fc.nat(0xffffffff),
  policy: fc.constantFrom<DeliveryPolicy>('causal', 'fifo', 'none', 'total'),
  actions: fc.array(action, { maxLength: 25 }),
});

/** The commands an action gives in `world`, if any (a flight action picks a flight in the air). */
function commandsFor(world: World, a: Action, network: NetworkConfig): Command[] {
  const n = world.names.length;
  switch (a.kind) {
    case 'wait':
      return [];
    case 'send':
      return [{ kind: 'send', node: a.node % n, text: a.text }];
    case 'toggle': {
      const from = a.from % n;
      const to = a.to % n;
      if (from === to) return [];
      return [{ kind: world.isCut(from, to) ? 'heal' : 'cut', from, to }];
    }
    case 'flight': {
      const flights = world.view().flights;
      const flight = flights[a.pick % Math.max(1, flights.length)];
      return flight ? [{ kind: a.op, flight: flight.id }] : [];
    }
    case 'network':
      return [
        {
          kind: 'network',
          network: { ...network, lossRate: a.lossRate, dupRate: a.dupRate, manual: a.manual, reliable: a.reliable, links: a.slowLink ? { '0>1': { delay: { kind: 'fixed', ms: 4000 } } } : {} },
        },
      ];
  }
}

/** Plays a user run in a world and returns it with the record of it. */
export function playUserRun(run: UserRun): { world: World; record: RunRecord } {
  const config = { nodeCount: run.nodeCount, seed: run.seed, policy: run.policy, network: DEFAULT_NETWORK };
  const world = new World(config);
  let network: NetworkConfig = DEFAULT_NETWORK;
  for (const a of run.actions) {
    if (a.kind === 'wait') {
      world.advanceTo(world.now + a.ms);
      continue;
    }
    for (const command of commandsFor(world, a, network)) {
      if (command.kind === 'network') network = command.network;
      world.apply(command);
    }
  }
  return { world, record: { config, commands: world.commands.slice(), processed: world.processed, now: world.now } };
}
