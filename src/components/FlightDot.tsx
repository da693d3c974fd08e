import { m, useIsPresent, useReducedMotion, useTransform, type MotionValue } from 'framer-motion';
import { memo } from 'react';
import type { FlightView } from '../sim/view.ts';
import { showClock } from './format.ts';
import { flightProgress, labelPlacement, pointOnLink, type Point } from './geometry.ts';
import { nodeColor } from './palette.ts';

interface FlightDotProps {
  flight: FlightView;
  names: readonly string[];
  from: Point;
  to: Point;
  now: MotionValue<number>;
  selected: boolean;
  /** Selects the flight (and its message), or clears the selection when it was selected. */
  onSelect: (id: number | undefined, messageId: string) => void;
}

/** Clip the progress so a dot sits just outside the node circles at both ends. */
const EDGE = 0.1;

/**
 * A message in transit, drawn as a labelled dot. Its position is derived every frame from
 * virtual time (sent at, arrives at, now) through a motion value, without re-rendering.
 */
export const FlightDot = memo(function FlightDot({
  flight,
  names,
  from,
  to,
  now,
  selected,
  onSelect,
}: FlightDotProps) {
  const { message, status, sentAt, arriveAt } = flight;
  /** A stopped duplicate waits a little behind its original, so both can be seen and picked. */
  const behind = flight.duplicate && status !== 'flying' ? 0.14 : 0;
  const progress = (t: number): number => {
    const p = flightProgress(status, sentAt, arriveAt, t);
    return hops && status === 'flying' ? Math.floor(Math.min(1, Math.max(0, p)) * 4) / 4 : p;
  };
  const place = (t: number): Point => pointOnLink(from, to, EDGE + (1 - 2 * EDGE) * (progress(t) - behind));
  const present = useIsPresent();
  /** With reduced motion a dot moves in quarter-way hops instead of sweeping along its link. */
  const hops = useReducedMotion() === true;
  const label = labelPlacement(from, to);
  const x = useTransform(now, (t) => place(t).x);
  const y = useTransform(now, (t) => place(t).y);
  const fromName = names[flight.from] ?? '?';
  const toName = names[flight.to] ?? '?';
  const copy = flight.duplicate ? ', a duplicate copy' : '';
  const what =
    flight.control === 'order'
      ? `sequence number ${flight.seq ?? '?'} for ${message.id}`
      : flight.control === 'ack'
        ? `acknowledgement of ${message.id}`
        : `${message.id} ${showClock(message.vc)}`;
  const shortLabel = flight.control === 'order' ? `#${flight.seq ?? '?'} ${message.id}` : flight.control === 'ack' ? `ack ${message.id}` : undefined;
  const where = status === 'parked' ? ', waiting to be let in' : status === 'held' ? ', held at a cut link' : '';
  return (
    <m.g
      className={`flight ${status}${selected ? ' selected' : ''}`}
      data-testid={present ? 'flight' : 'flight-leaving'}
      data-msg={message.id}
      data-from={fromName}
      data-to={toName}
      aria-hidden={!present}
      pointerEvents={present ? 'auto' : 'none'}
      // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- SVG has no <button>; role, tabIndex and keys make it one
      role="button"
      tabIndex={present ? 0 : -1}
      aria-label={`${what} from ${fromName} to ${toName}${copy}${where}`}
      {...(flight.control ? { 'data-control': flight.control } : {})}
      aria-pressed={selected}
      style={{ x, y }}
      initial={{ opacity: 0 }}
      animate={{ opacity: 1 }}
      exit={{ opacity: 0, transition: { duration: 0.3 } }}
      onClick={() => onSelect(selected ? undefined : flight.id, message.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(selected ? undefined : flight.id, message.id);
        }
      }}
    >
      <circle r={12} className="flight-hit" />
      {flight.control ? (
        <rect x={-5} y={-5} width={10} height={10} fill="#fff" className="flight-dot control" />
      ) : (
        <circle r={selected ? 9 : 7} fill={nodeColor(message.sender)} className="flight-dot" />
      )}
      <text className="flight-label" x={label.dx} y={label.dy} textAnchor={label.anchor}>
        {shortLabel ?? (names.length > 4 ? message.id : `${message.id} ${showClock(message.vc).replaceAll(' ', '')}`)}
        {flight.duplicate ? ' (copy)' : ''}
      </text>
    </m.g>
  );
}, sameFlight);


/** Snapshots rebuild flight objects on every change; a dot re-renders only when its own flight does. */
function sameFlight(a: FlightDotProps, b: FlightDotProps): boolean {
  const f = a.flight;
  const g = b.flight;
  return (
    f.id === g.id &&
    f.status === g.status &&
    f.sentAt === g.sentAt &&
    f.arriveAt === g.arriveAt &&
    f.duplicate === g.duplicate &&
    a.selected === b.selected &&
    a.names === b.names &&
    a.from === b.from &&
    a.to === b.to &&
    a.now === b.now &&
    a.onSelect === b.onSelect
  );
}
