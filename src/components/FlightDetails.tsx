import { useLayoutEffect, useRef, type FocusEvent } from 'react';
import { useSimulation } from '../store/context.tsx';
import { Stamp } from './ClockView.tsx';
import { showSeconds } from './format.ts';
import { focusedByPointer } from './shortcuts.ts';

/** Details of the flight the user clicked, while it is in transit. */
export function FlightDetails() {
  const selected = useSimulation((s) => s.selectedFlight);
  const flight = useSimulation((s) => s.view.flights.find((f) => f.id === s.selectedFlight));
  const names = useSimulation((s) => s.view.names);
  const selectFlight = useSimulation((s) => s.actions.selectFlight);
  const dispatch = useSimulation((s) => s.actions.dispatch);
  /**
   * Where focus goes with the details. A flight chosen from the keyboard hands it to them, so
   * Let in, Duplicate and Drop are one Tab away instead of past every other flight and the
   * Faults panel. Pressing Let in (or Drop) takes its button away with the flight: focus, which
   * would fall to the page, stays in what the details show next. Closing them (Close or Esc)
   * from inside gives focus back to the flight they were for, or to the hint when it has gone.
   */
  const box = useRef<HTMLParagraphElement>(null);
  const focused = useRef(false);
  const shownFor = useRef<number | undefined>(undefined);
  /** The message of the flight last shown: after a replay, the same flight id can be another message's. */
  const shownMessage = useRef<string | undefined>(undefined);
  const messageId = flight?.message.id;
  useLayoutEffect(() => {
    const active = document.activeElement;
    const chosenByKey = selected !== shownFor.current && active?.matches('[data-testid="flight"]') === true && !focusedByPointer(active);
    const closed = shownFor.current;
    const closedMessage = shownMessage.current;
    shownFor.current = selected;
    if (messageId !== undefined) shownMessage.current = messageId;
    if (selected === undefined) {
      const lost = active === null || active === document.body;
      if (focused.current && closed !== undefined && lost) {
        const dot = document.querySelector<SVGGElement>(`[data-testid="flight"][data-flight="${closed}"][data-msg="${closedMessage}"]`);
        (dot ?? box.current)?.focus();
      }
      focused.current = false;
    } else if (chosenByKey || (focused.current && !box.current?.contains(active))) box.current?.querySelector('button')?.focus();
  });
  const focusProps = {
    ref: box,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: (e: FocusEvent) => {
      if (!e.currentTarget.contains(e.relatedTarget)) focused.current = false;
    },
  };
  if (selected === undefined) {
    return (
      <p className="hint" ref={box} tabIndex={-1}>
        Click a flying message for its details (and to let it in, drop or duplicate it); click a link to cut or heal it.
      </p>
    );
  }
  if (!flight) {
    return (
      <p className="details" aria-live="polite" {...focusProps}>
        That message has arrived; see the receiver’s chat or buffer.{' '}
        <button type="button" className="link-button" onClick={() => selectFlight(undefined)}>
          Close
        </button>
      </p>
    );
  }
  const { message } = flight;
  const route = `from ${names[flight.from] ?? '?'} to ${names[flight.to] ?? '?'}`;
  // A sequence number or an acknowledgement travels on its own: it is not the chat message.
  const what =
    flight.control === 'order' ? (
      <>
        Sequence number {flight.seq} for <strong>{message.id}</strong>, {route}
      </>
    ) : flight.control === 'ack' ? (
      <>
        Acknowledgement of <strong>{message.id}</strong>, {route}
      </>
    ) : (
      <>
        <strong>{message.id}</strong> “{message.text}” {route}, stamped <Stamp vc={message.vc} />
      </>
    );
  return (
    <p className="details" aria-live="polite" {...focusProps}>
      {what}. Sent at {showSeconds(flight.sentAt)}
      {flight.status === 'flying' ? `, arrives at ${showSeconds(flight.arriveAt)}` : flight.status === 'parked' ? ', waiting to be let in' : ', held at a cut link'}
      {flight.duplicate ? ' (a duplicate copy)' : ''}.{' '}
      <span className="flight-actions">
        {flight.status === 'parked' && (
          <button type="button" onClick={() => dispatch({ kind: 'release', flight: flight.id })}>
            {flight.control === undefined ? `Let ${message.id} in` : 'Let it in'}
          </button>
        )}
        <button type="button" onClick={() => dispatch({ kind: 'duplicate', flight: flight.id })}>
          Duplicate
        </button>
        <button type="button" onClick={() => dispatch({ kind: 'drop', flight: flight.id })}>
          Drop
        </button>
        <button type="button" className="link-button" onClick={() => selectFlight(undefined)}>
          Close
        </button>
      </span>
    </p>
  );
}
