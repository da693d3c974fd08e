import type { DeliveryPolicy } from '../sim/message.ts';
import type { FlightView } from '../sim/view.ts';
import { World, type Command, type LoggedCommand, type WorldConfig } from '../sim/world.ts';

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
  const match = mirrorFlights.find((f) => f.status === original.status && flightKey(f) === key) ?? mirrorFlights.find((f) => flightKey(f) === key);
  return match ? { ...command, flight: match.id } : undefined;
}

/**
 * Applies a command to the main run and its comparison at the same instant: the comparison is
 * first brought to the main run's time, then the command is matched to it and applied to both.
 * Every path that changes the two runs goes through here, so they stay in lockstep.
 */
export function applyToBoth(main: World, mirror: World | undefined, command: Command): void {
  if (mirror) mirror.advanceTo(main.now);
  const translated = mirror ? translateCommand(command, main.view().flights, mirror.view().flights) : undefined;
  main.apply(command);
  if (mirror && translated) mirror.apply(translated);
}

/**
 * Replays `commands` (a command log of a run under `config`) under `policy`, in lockstep with a
 * fresh run under `config`, exactly as the live runs were driven. Returns the run under `policy`
 * at the moment of the last command.
 */
function replayUnder(config: WorldConfig, commands: readonly LoggedCommand[], policy: DeliveryPolicy): World {
  const lead = new World(config);
  const mirror = new World({ ...config, policy });
  for (const logged of commands) {
    while (lead.processed < logged.after && lead.step());
    if (logged.at > lead.now) lead.now = logged.at;
    applyToBoth(lead, mirror, logged.command);
  }
  return mirror;
}

/**
 * Builds the comparison run for `main` under `policy` by replaying main's command log in
 * lockstep with a fresh copy of main; then brings it to main's instant. Same seed, same sends,
 * same network draws: the policy is the only difference.
 */
export function buildMirror(main: World, policy: DeliveryPolicy): World {
  const mirror = replayUnder(main.config, main.commands, policy);
  mirror.advanceTo(main.now);
  return mirror;
}

/**
 * Moves `main` to `policy` with its whole timeline, which runs past main's position after a
 * rewind: the new run stands at main's position, and its timeline is the old one replayed under
 * `policy`, so the recorded future plays on under the new policy. Its first commands are the
 * new run's own, since both replays apply the same commands in the same lockstep.
 */
export function switchPolicy(main: World, timeline: readonly LoggedCommand[], policy: DeliveryPolicy): { readonly world: World; readonly timeline: LoggedCommand[] } {
  const world = buildMirror(main, policy);
  const whole = timeline.length > main.commands.length ? replayUnder(main.config, timeline, policy) : world;
  return { world, timeline: [...whole.commands] };
}
