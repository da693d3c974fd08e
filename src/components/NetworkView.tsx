import { AnimatePresence, useMotionValue } from 'framer-motion';
import { useEffect, useMemo } from 'react';
import { useSimulation, useSimulationStore } from '../store/context.tsx';
import { FlightDot } from './FlightDot.tsx';
import { nodePositions, STAGE_SIZE, type Point } from './geometry.ts';
import { nodeColor } from './palette.ts';

/** The network: nodes on a ring, links between them, and every message in transit. */
export function NetworkView() {
  const store = useSimulationStore();
  const names = useSimulation((s) => s.view.names);
  const flights = useSimulation((s) => s.view.flights);
  const selected = useSimulation((s) => s.selectedFlight);
  const selectFlight = useSimulation((s) => s.actions.selectFlight);
  const now = useMotionValue(store.getState().now);
  useEffect(() => store.subscribe((state) => now.set(state.now)), [store, now]);
  const positions = useMemo(() => nodePositions(names.length), [names.length]);
  const links = useMemo(() => {
    const pairs: [Point, Point, string][] = [];
    for (let a = 0; a < positions.length; a++) {
      for (let b = a + 1; b < positions.length; b++) pairs.push([positions[a] as Point, positions[b] as Point, `${a}-${b}`]);
    }
    return pairs;
  }, [positions]);

  return (
    <figure className="network">
      <figcaption className="visually-hidden">
        Network: {flights.length} message{flights.length === 1 ? '' : 's'} in transit
      </figcaption>
      <svg viewBox={`0 0 ${STAGE_SIZE} ${STAGE_SIZE}`} className="network-svg">
        {links.map(([a, b, key]) => (
          <line key={key} x1={a.x} y1={a.y} x2={b.x} y2={b.y} className="link" />
        ))}
        {positions.map((p, i) => (
          <g key={names[i]} transform={`translate(${p.x} ${p.y})`} className="station" aria-hidden="true">
            <circle r={24} fill={nodeColor(i)} />
            <text textAnchor="middle" dy="0.35em">
              {names[i]}
            </text>
          </g>
        ))}
        <AnimatePresence>
          {flights.map((flight) => (
            <FlightDot
              key={flight.id}
              flight={flight}
              names={names}
              from={positions[flight.from] as Point}
              to={positions[flight.to] as Point}
              now={now}
              selected={selected === flight.id}
              onSelect={selectFlight}
            />
          ))}
        </AnimatePresence>
      </svg>
    </figure>
  );
}
