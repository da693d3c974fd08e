import { useCallback, useMemo, useRef } from 'react';
import { useSimulation, useSimulationStore } from '../store/context.tsx';
import { CrowdCanvas, pickCrowdDot, usePixelsPerUnit } from './CrowdCanvas.tsx';
import { FlightDot } from './FlightDot.tsx';
import { describeLink } from './format.ts';
import { nodePositions, STAGE_SIZE, type Point } from './geometry.ts';
import { nodeColor } from './palette.ts';
import { countRender } from './render-count.ts';
import { pressesMark } from './shortcuts.ts';
import { CROWDED_FLIGHTS, useFlightMotion } from './useFlightMotion.ts';
import { linkKey } from '../sim/network.ts';

/** A note's font in the picture's units, its line height, and the width of its widest character. */
const NOTE_FONT_UNITS = 20;
const NOTE_LINE_UNITS = 23;
const NOTE_CHAR_UNITS = 13;

/**
 * Where a note about the link from `start` to `end` starts: about two thirds of the way,
 * towards its receiver, beside the line on the side that keeps the two directions' notes apart,
 * and moved in from an edge of the picture so that no line of it is cut off.
 */
function linkNotePlace(start: Point, end: Point, lines: readonly string[]): Point {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const length = Math.hypot(dx, dy) || 1;
  const width = Math.max(...lines.map((line) => line.length)) * NOTE_CHAR_UNITS;
  const centre = start.x + dx * 0.66 - (dy / length) * 18;
  const x = Math.max(4, Math.min(STAGE_SIZE - 4 - width, centre - width / 2));
  const y = Math.min(STAGE_SIZE - NOTE_FONT_UNITS / 2 - (lines.length - 1) * NOTE_LINE_UNITS, Math.max(NOTE_FONT_UNITS / 2, start.y + dy * 0.66 + (dx / length) * 18));
  return { x, y };
}

/** The network: nodes on a ring, links between them, and every message in transit. */
export function NetworkView() {
  countRender('NetworkView');
  const store = useSimulationStore();
  const names = useSimulation((s) => s.view.names);
  const flights = useSimulation((s) => s.view.flights);
  const selected = useSimulation((s) => s.selectedFlight);
  const selectFlight = useSimulation((s) => s.actions.selectFlight);
  const selectMessage = useSimulation((s) => s.actions.selectMessage);
  const select = useCallback(
    (id: number | undefined, messageId: string): void => {
      selectFlight(id);
      if (id === undefined) return;
      selectMessage(messageId, 'only');
    },
    [selectFlight, selectMessage],
  );
  const toggleLink = useSimulation((s) => s.actions.toggleLink);
  const linkSettings = useSimulation((s) => s.network.links);
  const cutLinks = useSimulation((s) => s.view.cutLinks);
  const exitLayer = useRef<SVGGElement>(null);
  const stage = useRef<SVGSVGElement>(null);
  const motion = useFlightMotion(store, exitLayer);
  usePixelsPerUnit(stage, motion);
  const crowded = flights.length > CROWDED_FLIGHTS;
  /** Picks a flight, or clears the selection when it was the one selected: for its dot and for the crowd canvas alike. */
  const pickFlight = useCallback(
    (id: number, messageId: string): void => select(store.getState().selectedFlight === id ? undefined : id, messageId),
    [select, store],
  );
  const positions = useMemo(() => nodePositions(names.length), [names.length]);
  /** Each pair of nodes, with a note per direction that has settings of its own (a scenario's slow or lossy link), nearer its receiver. */
  const links = useMemo(() => {
    const noteOn = (sender: number, receiver: number, start: Point, end: Point) => {
      const parts = describeLink(linkSettings[linkKey(sender, receiver)]);
      if (parts.length === 0) return [];
      const lines = [`${names[sender]}→${names[receiver]}: ${parts[0] ?? ''}`, ...parts.slice(1)];
      return [{ key: `${sender}>${receiver}`, lines, at: linkNotePlace(start, end, lines) }];
    };
    const pairs = [];
    for (let a = 0; a < positions.length; a++) {
      for (let b = a + 1; b < positions.length; b++) {
        const from = positions[a] as Point;
        const to = positions[b] as Point;
        pairs.push({ a, b, from, to, key: linkKey(a, b), notes: [...noteOn(a, b, from, to), ...noteOn(b, a, to, from)] });
      }
    }
    return pairs;
  }, [positions, linkSettings, names]);

  return (
    <figure className="network">
      <figcaption className="visually-hidden">
        Network: {flights.length} message{flights.length === 1 ? '' : 's'} in transit
      </figcaption>
      <svg
        ref={stage}
        viewBox={`0 0 ${STAGE_SIZE} ${STAGE_SIZE}`}
        className={crowded ? 'network-svg crowded' : 'network-svg'}
        onClickCapture={crowded ? (e) => pickCrowdDot(e, motion, pickFlight) : undefined}
        onFocus={crowded ? (e) => motion.placeElement(e.target) : undefined}
      >
        {links.map(({ a, b, from, to, key, notes }) => {
          const cut = cutLinks.includes(key) || cutLinks.includes(linkKey(b, a));
          const label = `Link ${names[a]}–${names[b]}: ${cut ? 'cut, click to heal' : 'click to cut'}${notes.map((n) => `; ${n.lines.join(', ')}`).join('')}`;
          const toggle = (): void => toggleLink(a, b);
          return (
            <g
              key={key}
              className={cut ? 'link cut' : 'link'}
              data-testid="link"
              data-link={`${names[a]}-${names[b]}`}
              // oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- SVG has no <button>; role, tabIndex and keys make it one
              role="button"
              tabIndex={0}
              aria-label={label}
              aria-pressed={cut}
              onClick={toggle}
              onKeyDown={(e) => {
                if (pressesMark(e.key, e.currentTarget)) {
                  e.preventDefault();
                  toggle();
                }
              }}
            >
              <title>{label}</title>
              <line x1={from.x} y1={from.y} x2={to.x} y2={to.y} className="link-hit" />
              <line x1={from.x} y1={from.y} x2={to.x} y2={to.y} className="link-line" />
              {cut && (
                <text x={(from.x + to.x) / 2} y={(from.y + to.y) / 2} className="link-cut-mark" textAnchor="middle" dy="0.35em">
                  ✂
                </text>
              )}
              {notes.map((note) => (
                <text key={note.key} y={note.at.y} className="link-note" data-testid="link-note">
                  {note.lines.map((line, i) => (
                    <tspan key={line} x={note.at.x} dy={i === 0 ? '0.35em' : '1.15em'}>
                      {line}
                    </tspan>
                  ))}
                </text>
              ))}
            </g>
          );
        })}
        {positions.map((p, i) => (
          <g key={names[i]} transform={`translate(${p.x} ${p.y})`} className="station" aria-hidden="true">
            <circle r={24} fill={nodeColor(i)} />
            <text textAnchor="middle" dy="0.35em">
              {names[i]}
            </text>
          </g>
        ))}
        <g ref={exitLayer} className="flight-exits" aria-hidden="true" />
        {crowded && <CrowdCanvas attach={motion.attachCanvas} />}
        {flights.map((flight) => (
          <FlightDot
            key={flight.id}
            flight={flight}
            names={names}
            from={positions[flight.from] as Point}
            to={positions[flight.to] as Point}
            selected={selected === flight.id}
            onPick={pickFlight}
            attach={motion.attach}
          />
        ))}
      </svg>
    </figure>
  );
}
