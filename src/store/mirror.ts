import type { DeliveryPolicy } from '../sim/message.ts';
import type { FlightView } from '../sim/view.ts';
import { SEQUENCE_TRAFFIC, World, type Command, type LoggedCommand, type WorldConfig } from '../sim/world.ts';

/** Identifies a transmission across two runs of the same sends: what it carries, and where. */
function flightKey(flight: FlightView): string {
  return `${flight.message.id}|${flight.from}>${flight.to}|${flight.control ?? 'data'}|${flight.seq ?? 0}|${flight.duplicate ? 'copy' : 'first'}`;
}

/**
 * Rewrites a command for the comparison run. Commands naming a transmission (release, drop,
 * duplicate) are matched by what the transmission carries and its link, since the two runs
 * number their transmissions alike only while their policies send the same control traffic.
 * Returns undefined when the comparison run has no such transmission.
 */
export function translateCommand(command: Command, mainFlights: readonly FlightView[], mirrorFlights: readonly FlightView[]): Command | undefined {
  if (command.kind !== 'release' && command.kind !== 'drop' && command.kind !== 'duplicate') return command;
  const original = mainFlights.find((f) => f.id === command.flight);
  if (!original) return undefined;
  const key = flightKey(original);
  // Copies share a key: prefer the one due at the same time (each copy the network makes draws its own delay, alike in both runs).
  const alike = mirrorFlights.filter((f) => flightKey(f) === key);
  const match = alike.find((f) => f.status === original.status && f.arriveAt === original.arriveAt) ?? alike.find((f) => f.status === original.status) ?? alike[0];
  return match ? { ...command, flight: match.id } : undefined;
}

/**
 * Brings the comparison run to the main run's position. Every event due before main's moment
 * is handled; of those due at that very moment, only as many of each as main has handled.
 * Arrivals and resend timers often share a millisecond (fixed delays give them all the time),
 * and Step handles them one at a time: a message sent between two of them must find both runs
 * at the same point, or the rows would differ for a reason that is not the policy. The first
 * event main has not reached holds the comparison back, with what comes after it; events only
 * the comparison has (total order's sequence numbers, when main runs another policy) do not.
 */
export function keepUp(main: World, mirror: World): void {
  const t = main.now;
  const mainDone = main.nextEventAt === t ? main.handledAt(t) : undefined;
  let mirrorDone: Map<string, number> | undefined;
  for (let next = mirror.nextEventAt; next !== undefined && next <= t; next = mirror.nextEventAt) {
    if (mainDone && next === t) {
      const key = mirror.nextEventKey as string;
      const onlyHere = main.config.policy !== 'total' && SEQUENCE_TRAFFIC.test(key);
      mirrorDone ??= new Map(mirror.handledAt(t));
      const done = mirrorDone.get(key) ?? 0;
      if (!onlyHere && done >= (mainDone.get(key) ?? 0)) break;
      mirrorDone.set(key, done + 1);
    }
    mirror.step();
  }
  if (t > mirror.now) mirror.now = t;
}

/**
 * Applies a command to the main run and its comparison at the same instant: the comparison is
 * first brought to the main run's position, then the command is matched to it and applied to
 * both. Every path that changes the two runs goes through here, so they stay in lockstep.
 */
export function applyToBoth(main: World, mirror: World | undefined, command: Command): void {
  if (mirror) keepUp(main, mirror);
  const translated = mirror ? translateCommand(command, main.view().flights, mirror.view().flights) : undefined;
  main.apply(command);
  if (!mirror) return;
  if (translated) mirror.apply(translated);
  // A command can free what held the comparison back (dropping the arrival it waited for).
  keepUp(main, mirror);
}

/**
 * Replays `commands` (a command log of a run under `config`) under `policy`, in lockstep with a
 * fresh run under `config`, exactly as the live runs were driven. Returns the run under `policy`
 * at the moment of the last command, and for each of its commands the index in `commands` of
 * the one it came from (a command with no counterpart under `policy` has none).
 */
function replayUnder(config: WorldConfig, commands: readonly LoggedCommand[], policy: DeliveryPolicy): { readonly world: World; readonly from: number[] } {
  const lead = new World(config);
  const mirror = new World({ ...config, policy });
  const from: number[] = [];
  for (const [index, logged] of commands.entries()) {
    while (lead.processed < logged.after && lead.step());
    if (logged.at > lead.now) lead.now = logged.at;
    const before = mirror.commands.length;
    applyToBoth(lead, mirror, logged.command);
    if (mirror.commands.length > before) from.push(index);
  }
  return { world: mirror, from };
}

/**
 * Builds the comparison run for `main` under `policy` by replaying main's command log in
 * lockstep with a fresh copy of main; then brings it to main's instant. Same seed, same sends,
 * same network draws: the policy is the only difference.
 */
export function buildMirror(main: World, policy: DeliveryPolicy): World {
  const { world: mirror } = replayUnder(main.config, main.commands, policy);
  keepUp(main, mirror);
  return mirror;
}

/**
 * A timeline as the user made it, kept across policy switches: a switch translates commands
 * that name a transmission, and drops those with no counterpart under the new policy (a
 * release of a sequencer's order under `total` has none under `causal`), so switching back
 * starts again from this, not from the translation. `from[i]` is the index here of the i-th
 * command of the timeline in force.
 */
export interface Origin {
  readonly policy: DeliveryPolicy;
  readonly timeline: readonly LoggedCommand[];
  readonly from: readonly number[];
}

/**
 * How many of `origin`'s commands lie before `main`'s position: all up to its last command that
 * `main` has applied, and after that those with no counterpart given by the position's moment,
 * up to the next command `main` has still to apply.
 */
function appliedInOrigin(main: World, origin: Origin): number {
  const done = main.commands.length;
  let applied = done > 0 ? (origin.from[done - 1] as number) + 1 : 0;
  const limit = origin.from[done] ?? origin.timeline.length;
  while (applied < limit && (origin.timeline[applied] as LoggedCommand).at <= main.now) applied++;
  return applied;
}

/**
 * Moves `main` to `policy` with its whole timeline, which runs past main's position after a
 * rewind: the new run stands at main's position, and its timeline is the old one replayed under
 * `policy`, so the recorded future plays on under the new policy. Its first commands are the
 * new run's own, since both replays apply the same commands in the same lockstep. With an
 * `origin` (main's timeline is itself a switch's translation), the replay starts from the
 * origin, so no command is lost by switching back and forth; the origin to keep is returned,
 * none once back under its own policy.
 */
export function switchPolicy(
  main: World,
  timeline: readonly LoggedCommand[],
  policy: DeliveryPolicy,
  origin?: Origin,
): { readonly world: World; readonly timeline: LoggedCommand[]; readonly origin: Origin | undefined } {
  const source = origin ?? { policy: main.config.policy, timeline, from: [] };
  const applied = origin ? appliedInOrigin(main, origin) : main.commands.length;
  const config = { ...main.config, policy: source.policy };
  const here = replayUnder(config, source.timeline.slice(0, applied), policy);
  keepUp(main, here.world);
  const whole = applied < source.timeline.length ? replayUnder(config, source.timeline, policy) : here;
  // The store's timeline array itself is kept: the store clears the origin before it appends to it.
  const kept = policy === source.policy ? undefined : { policy: source.policy, timeline: source.timeline, from: whole.from };
  return { world: here.world, timeline: [...whole.world.commands], origin: kept };
}
