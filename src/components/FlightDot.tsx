import { memo, useCallback } from 'react';
import type { FlightView } from '../sim/view.ts';
import { CONTROL_HALF, DOT_RADIUS, PICK_RADIUS } from './flight-canvas.ts';
import { showClock } from './format.ts';
import type { Point } from './geometry.ts';
import { nodeColor } from './palette.ts';
import { countRender } from './render-count.ts';
import { pressesMark } from './shortcuts.ts';
import type { AttachFlight } from './useFlightMotion.ts';

interface FlightDotProps {
  flight: FlightView;
  names: readonly string[];
  from: Point;
  to: Point;
  selected: boolean;
  /** Selects the flight (and its message), or clears the selection when it was selected. */
  onPick: (id: number, messageId: string) => void;
  /** Hands the dot's element to the code that moves it (see useFlightMotion). */
  attach: AttachFlight;
}

/**
 * A message in transit, drawn as a labelled dot. It renders when it appears and when its own
 * flight or selection changes; its position follows virtual time outside React, through the
 * element it hands to `attach`.
 */
export const FlightDot = memo(function FlightDot({ flight, names, from, to, selected, onPick, attach }: FlightDotProps) {
  countRender('FlightDot', flight.id);
  const { message, status } = flight;
  const ref = useCallback((element: SVGGElement | null) => (element ? attach(element, flight, from, to) : undefined), [attach, flight, from, to]);
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
  const toggle = (): void => onPick(flight.id, message.id);
  return (
    <g
      ref={ref}
      className={`flight ${status}${selected ? ' selected' : ''}`}
      data-testid="flight"
      data-flight={flight.id}
      data-msg={message.id}
      data-from={fromName}
      data-to={toName}
      // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- SVG has no <button>; role, tabIndex and keys make it one
      role="button"
      tabIndex={0}
      aria-label={`${what} from ${fromName} to ${toName}${copy}${where}`}
      {...(flight.control ? { 'data-control': flight.control } : {})}
      aria-pressed={selected}
      onClick={toggle}
      onKeyDown={(e) => {
        if (pressesMark(e.key, e.currentTarget)) {
          e.preventDefault();
          toggle();
        }
      }}
    >
      <circle r={PICK_RADIUS} className="flight-hit" />
      {flight.control ? (
        <rect x={-CONTROL_HALF} y={-CONTROL_HALF} width={2 * CONTROL_HALF} height={2 * CONTROL_HALF} fill="#fff" className="flight-dot control" />
      ) : (
        <circle r={selected ? DOT_RADIUS + 2 : DOT_RADIUS} fill={nodeColor(message.sender)} className="flight-dot" />
      )}
      {/* Placed beside the dot, inside the drawing, by the code that moves it (see moveLabel). */}
      <text className="flight-label" textAnchor="middle" dy="0.35em">
        {shortLabel ?? (names.length > 4 ? message.id : `${message.id} ${showClock(message.vc).replaceAll(' ', '')}`)}
        {flight.duplicate ? ' (copy)' : ''}
      </text>
    </g>
  );
});
