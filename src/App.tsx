import { lazy, useEffect, type CSSProperties } from 'react';
import { Announcer } from './components/Announcer.tsx';
import { Deferred } from './components/Deferred.tsx';
import { useShortcuts } from './components/useShortcuts.ts';
import { Controls } from './components/Controls.tsx';
import { EventLog } from './components/EventLog.tsx';
import { FaultsPanel } from './components/FaultsPanel.tsx';
import { Inspector } from './components/Inspector.tsx';
import { Timeline } from './components/Timeline.tsx';
import { FlightDetails } from './components/FlightDetails.tsx';
import { NetworkView } from './components/NetworkView.tsx';
import { POLICY_LABELS } from './components/format.ts';
import { NodeWindow } from './components/NodeWindow.tsx';
import type { Pane } from './components/useCausalMarks.ts';
import { Notices } from './components/Notices.tsx';
import { ScenarioPanel } from './components/ScenarioPanel.tsx';
import { SessionMenu } from './components/SessionMenu.tsx';
import { useLinkedScroll } from './components/useLinkedScroll.ts';
import { usePlaybackLoop } from './components/usePlaybackLoop.ts';
import { loadHelpOverlay, loadSpaceTime } from './deferred.ts';
import { useSimulation } from './store/context.tsx';

const SpaceTime = lazy(() => loadSpaceTime().then((mod) => ({ default: mod.SpaceTime })));
const HelpOverlay = lazy(() => loadHelpOverlay().then((mod) => ({ default: mod.HelpOverlay })));

/** Columns of node windows for `count` nodes, so all fit on a 1280×720 screen. */
function columnsFor(count: number): number {
  if (count <= 3) return count;
  if (count === 4) return 2;
  return Math.ceil(count / 2);
}

/** The classroom view: controls, the network with its flights, the event log and one window per node. */
export default function App() {
  usePlaybackLoop();
  useShortcuts();
  const presenter = useSimulation((s) => s.presenter);
  const theme = useSimulation((s) => s.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (theme !== 'system' || typeof window.matchMedia !== 'function') {
      root.dataset.theme = theme === 'system' ? 'light' : theme;
      return;
    }
    const dark = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = (): void => {
      root.dataset.theme = dark.matches ? 'dark' : 'light';
    };
    follow();
    dark.addEventListener('change', follow);
    return () => dark.removeEventListener('change', follow);
  }, [theme]);
  const nodeCount = useSimulation((s) => s.view.names.length);
  const policy = useSimulation((s) => s.settings.policy);
  const comparePolicy = useSimulation((s) => s.comparePolicy);
  const linked = useLinkedScroll();
  // Comparing five to eight nodes, each pane has two rows of windows and scrolls, the two in step.
  const grid = (pane: Pane, rows: number) => {
    const scrolls = rows > 1 && nodeCount > 4;
    const side = pane === 'main' ? 0 : 1;
    return (
      <div
        className={`nodes${nodeCount > 4 || rows > 1 ? ' dense' : ''}${scrolls ? ' scrolls' : ''}`}
        style={{ '--columns': rows > 1 && nodeCount <= 4 ? nodeCount : columnsFor(nodeCount) } as CSSProperties}
        ref={scrolls ? linked.refs[side] : undefined}
        onScroll={scrolls ? linked.onScroll[side] : undefined}
        role={scrolls ? 'group' : undefined}
        aria-label={scrolls ? 'Node windows, scrollable' : undefined}
      >
        {Array.from({ length: nodeCount }, (_, i) => (
          <NodeWindow key={i} index={i} pane={pane} />
        ))}
      </div>
    );
  };
  return (
    <div className={presenter ? 'app presenter' : 'app'}>
      <header className="topbar">
        <h1>Causal Chat</h1>
        <Controls />
      </header>
      <Timeline />
      <Notices />
      {/*
        In reading order: the session and scenario, the node windows and diagram, then the
        network, faults and log. A wide screen puts the first and last groups in a left column;
        a narrow one stacks all three in this order.
      */}
      <main className={columnsFor(nodeCount) >= 4 ? 'layout many' : 'layout'}>
        <div className="side side-top">
          <SessionMenu />
          <ScenarioPanel />
        </div>
        <div className="content">
        {comparePolicy === undefined ? (
          grid('main', 1)
        ) : (
          <div className="panes">
            <section className="pane" aria-label={`Delivery: ${POLICY_LABELS[policy]}`}>
              <h2 className="pane-title">{POLICY_LABELS[policy]}</h2>
              {grid('main', 2)}
            </section>
            <section className="pane compare" aria-label={`Same run, delivery: ${POLICY_LABELS[comparePolicy]}`} data-testid="compare-pane">
              <h2 className="pane-title">Same seed and sends, {POLICY_LABELS[comparePolicy]}</h2>
              {grid('compare', 2)}
            </section>
          </div>
        )}
          <section className="causal-strip" aria-label="Space-time diagram and causal inspection">
            <Inspector />
            <Deferred fallback={<div className="spacetime" aria-hidden="true" />} failed={<p className="spacetime hint">The diagram could not be loaded; reload the page when online.</p>}>
              <SpaceTime />
            </Deferred>
          </section>
        </div>
        <div className="side side-rest">
          <NetworkView />
          <FaultsPanel />
          <FlightDetails />
          <EventLog />
        </div>
      </main>
      <Deferred fallback={null}>
        <HelpOverlay />
      </Deferred>
      <Announcer />
    </div>
  );
}
