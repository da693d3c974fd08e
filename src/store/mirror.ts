import type { DeliveryPolicy } from '../sim/message.ts';
import type { FlightView } from '../sim/view.ts';
import { replayWorld, type Command, type World } from '../sim/world.ts';

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
 * Builds the comparison run: the main run's commands replayed under `policy`, then brought to
 * the same instant. Same seed, same sends, same network draws: the policy is the only difference.
 */
export function buildMirror(main: World, policy: DeliveryPolicy): World {
  const mirror = replayWorld({ ...main.config, policy }, main.commands, main.processed);
  mirror.advanceTo(main.now);
  return mirror;
}
