import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DeliveryPolicy } from '../sim/message.ts';
import { DEFAULT_NETWORK, type DelayDistribution, type NetworkConfig } from '../sim/network.ts';
import type { TraceEvent } from '../sim/trace.ts';
import type { WorldView } from '../sim/view.ts';
import { advanceAlong, nextAction, rebuildAt, rebuildBefore } from '../sim/timeline.ts';
import { World, type Command, type LoggedCommand, type WorldConfig } from '../sim/world.ts';
import { replayRun, type RecordedFuture, type RunRecord } from '../sim/run.ts';
import { scenarioRun, stepEndsAt, type Scenario } from '../scenarios/scenario.ts';
import { applyToBoth, buildMirror, keepUp, switchPolicy, type Origin } from './mirror.ts';
import { DEFAULT_SETTINGS, type Settings } from './settings.ts';

/** What starts a run: the network's settings live in `network`, which carries over to a new run. */
export type RunSettings = Omit<Settings, 'delay'>;

/** Slowest and fastest playback, as multiples of real time. */
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 4;
/** Longest real-time step a single animation frame may advance (a hidden tab must not jump). */
const MAX_FRAME_MS = 100;

/** The commands the views may give. */
export interface SimulationActions {
  /** Applies a command to the run at the current instant. */
  dispatch(command: Command): void;
  /** Sends `text` from node `node`; empty text is refused. */
  send(node: number, text: string): boolean;
  play(): void;
  pause(): void;
  /** Pauses and processes scheduled events up to the next one that shows (a send, arrival, drop…). */
  step(): void;
  /** Advances virtual time by `realMs` of real time at the current speed. */
  tick(realMs: number): void;
  setSpeed(speed: number): void;
  /**
   * Replays the run under another delivery policy, its recorded future (after a rewind)
   * included. Until the next command, switches replay the timeline as the user made it, so
   * switching back loses no hand command the other policy had no counterpart for.
   */
  setPolicy(policy: DeliveryPolicy): void;
  /** Cuts the link between two nodes in both directions, or heals it if it is cut. */
  toggleLink(a: number, b: number): void;
  /** Cuts (or heals) every link to and from `node`, both directions, through `dispatch`. */
  setIsolated(node: number, isolated: boolean): void;
  /** Switches manual delivery on or off: messages stop before their receiver until let in. */
  setManual(manual: boolean): void;
  /** Shows the run as it was at virtual time `timeMs` (within the recorded timeline). */
  seek(timeMs: number): void;
  /** Pauses and goes back to just before the last visible change. */
  stepBack(): void;
  /**
   * Selects a message to inspect. `toggle` (the default) clears it when it is the only one
   * selected; `add` picks it as the second of two to compare; `only` just selects it.
   */
  selectMessage(id: string, mode?: 'toggle' | 'add' | 'only'): void;
  clearSelection(): void;
  /** Large type, thick lines and only the essential controls, for the back of a lecture hall. */
  setPresenter(presenter: boolean): void;
  /** Follows the system's light or dark setting, or forces one. */
  setTheme(theme: Theme): void;
  /** Opens or closes the keyboard-shortcut help. */
  setHelpOpen(open: boolean): void;
  /** Shows beside the run the same run under another policy, or stops comparing. */
  setComparePolicy(policy: DeliveryPolicy | undefined): void;
  /** Changes the delay of transmissions sent from now on. */
  setDelay(delay: DelayDistribution): void;
  /** Starts a new run with `nodeCount` nodes. */
  setNodeCount(nodeCount: number): void;
  /** Starts a new run with another seed. */
  setSeed(seed: number): void;
  /** Starts the run again from time zero with the same settings. */
  reset(): void;
  selectFlight(flight: number | undefined): void;
  dismissNotices(): void;
  /** The run as it stands (config, command log, position), for files; links and saving add `recordedFuture()`. */
  currentRun(): RunRecord;
  /** After a rewind, what the run recorded beyond where it stands now; undefined when nothing. */
  recordedFuture(): RecordedFuture | undefined;
  /** True when the recorded future holds something a file of the run as it stands would leave out: a command, or an event due before the horizon. */
  recordsAhead(): boolean;
  /**
   * Replaces the run with `run` replayed to its position, paused, with `future` ahead to replay
   * and seek into; closes any scenario.
   */
  loadRun(run: RunRecord, future?: RecordedFuture): void;
  /** Opens `scenario` at its first step. */
  loadScenario(scenario: Scenario): void;
  /** Moves the open scenario `delta` steps on (or back) and plays from there. */
  scenarioStep(delta: number): void;
  /** Leaves the scenario's narration; the run stays for free play. */
  closeScenario(): void;
}

/** The scenario being narrated and the step shown. */
export interface ScenarioPosition {
  readonly scenario: Scenario;
  readonly step: number;
}

/** The colour theme: the system's choice, or a forced one. */
export type Theme = 'system' | 'light' | 'dark';

/** Everything the views read, plus the actions that change it. */
export interface SimulationState {
  readonly settings: RunSettings;
  /** The network settings in force now (delay, faults, manual mode); a new run keeps them. */
  readonly network: NetworkConfig;
  /** The latest snapshot of the run. */
  readonly view: WorldView;
  /** The policy of the comparison run shown beside the main one, if any. */
  readonly comparePolicy: DeliveryPolicy | undefined;
  /** The comparison run: the same seed and commands under `comparePolicy`. */
  readonly compareView: WorldView | undefined;
  /** The comparison run's trace and its published length, as `trace` and `traceLength` are the main run's. */
  readonly compareTrace: readonly TraceEvent[] | undefined;
  readonly compareTraceLength: number;
  /** The latest virtual time the run has reached; before it, the recorded future replays. */
  readonly horizon: number;
  /** Whether Step has anything to do: a scheduled event, or a recorded command ahead after a rewind. */
  readonly canStep: boolean;
  readonly presenter: boolean;
  readonly theme: Theme;
  readonly helpOpen: boolean;
  /** Messages selected for inspection: none, one, or two to compare. */
  readonly selectedMessages: readonly string[];
  /**
   * The run's trace: the engine's own append-only array, shared rather than copied on each
   * change, so its first `traceLength` events never change. A rebuilt run (seek, step back,
   * another policy, a loaded or new run) brings a new array.
   */
  readonly trace: readonly TraceEvent[];
  /** How many events `trace` holds as published; select this, not `trace`, to follow its growth. */
  readonly traceLength: number;
  /** Virtual time shown, in ms; may run a fraction ahead of `view.now` between frames. */
  readonly now: number;
  readonly playing: boolean;
  /** Playback speed as a multiple of real time. */
  readonly speed: number;
  readonly selectedFlight: number | undefined;
  /** Messages about settings that were refused, shown until dismissed. */
  readonly notices: readonly string[];
  /** The scenario whose narration is shown, if any. */
  readonly scenario: ScenarioPosition | undefined;
  /**
   * Counts the runs begun in this session: by Reset, a new seed or node count, an import, a
   * link or a scenario step; not by time travel, a policy switch or a comparison. A view that
   * keeps its own state about the run (where the diagram is panned to, how far it is zoomed)
   * starts afresh when this changes.
   */
  readonly runSerial: number;
  /** Every way to change the state; a stable object. */
  readonly actions: SimulationActions;
}

/** The zustand store over one simulation run. */
export type SimulationStore = StoreApi<SimulationState>;

function configFor({ nodeCount, seed, policy }: RunSettings, network: NetworkConfig): WorldConfig {
  return { nodeCount, seed, policy, network };
}

/**
 * When the comparison run's last change comes after anything the main run did, the moment to
 * go back to for undoing it: the latest earlier change of either run. Otherwise undefined.
 */
function comparisonOnlyBefore(main: World, mirror: World): number | undefined {
  const mainLast = Math.max(main.trace.at(-1)?.t ?? 0, main.commands.at(-1)?.at ?? 0);
  const mirrorLast = mirror.trace.at(-1)?.t;
  if (mirrorLast === undefined || mirrorLast <= mainLast) return undefined;
  let i = mirror.trace.length - 1;
  while (i >= 0 && (mirror.trace[i] as TraceEvent).t >= mirrorLast) i--;
  return Math.max(mainLast, mirror.trace[i]?.t ?? 0);
}

/**
 * Creates the store. It holds the only reference to the mutable `World`; every change to the
 * run goes through `dispatch`, which the world logs, so replay and policy changes come from
 * that one log.
 */
export function createSimulationStore(
  initial: Settings = DEFAULT_SETTINGS,
  notices: readonly string[] = [],
  options: { readonly playing?: boolean } = {},
): SimulationStore {
  const { delay: initialDelay, ...run } = initial;
  let world = new World(configFor(run, { ...DEFAULT_NETWORK, delay: initialDelay }));
  /** The comparison run, driven by the same commands and clock as `world`. */
  let mirror: World | undefined;
  /** Every command of this run's history, including those ahead of `world` after a rewind. */
  let timeline: LoggedCommand[] = [];
  /** The timeline as the user made it, while `timeline` is a policy switch's translation of it. */
  let origin: Origin | undefined;

  return createStore<SimulationState>()((set, get) => {
    /** Publishes the world's state after a change. */
    const publish = (extra: Partial<SimulationState> = {}): void => {
      const canStep = world.nextEventAt !== undefined || world.commands.length < timeline.length || mirror?.nextEventAt !== undefined;
      set({ view: world.view(), compareView: mirror?.view(), compareTrace: mirror?.trace, compareTraceLength: mirror?.trace.length ?? 0, network: world.currentNetwork, trace: world.trace, traceLength: world.trace.length, canStep, ...extra });
    };

    /** Applies a command to the run and, at the same instant, to the comparison run. */
    const apply = (command: Command): void => applyToBoth(world, mirror, command);

    /**
     * Applies a command the user gives now. Acting in the past forks: the recorded future
     * after this point is discarded and the run goes on from here.
     */
    const act = (command: Command): void => {
      origin = undefined;
      if (world.commands.length < timeline.length) {
        timeline = timeline.slice(0, world.commands.length);
        set({ horizon: world.now });
      }
      apply(command);
      timeline.push(world.commands.at(-1) as LoggedCommand);
    };

    /** Replaces the run by one rebuilt from the timeline, bringing the comparison along. */
    const rebuilt = (next: World): void => {
      world = next;
      const policy = get().comparePolicy;
      mirror = policy ? buildMirror(world, policy) : undefined;
      publish({ now: world.now, playing: false, selectedFlight: undefined });
    };

    /** Brings the comparison run to the main run's instant. */
    const follow = (): void => {
      if (mirror) keepUp(world, mirror);
    };

    const restart = (settings: RunSettings): void => {
      world = new World(configFor(settings, get().network));
      timeline = [];
      origin = undefined;
      const policy = get().comparePolicy;
      mirror = policy ? new World({ ...world.config, policy }) : undefined;
      publish({ settings, now: 0, horizon: 0, selectedFlight: undefined, selectedMessages: [], scenario: undefined, runSerial: get().runSerial + 1 });
    };

    return {
      settings: run,
      network: world.config.network,
      view: world.view(),
      comparePolicy: undefined,
      compareView: undefined,
      compareTrace: undefined,
      compareTraceLength: 0,
      horizon: 0,
      canStep: false,
      presenter: false,
      theme: 'system',
      helpOpen: false,
      selectedMessages: [],
      trace: world.trace,
      traceLength: 0,
      now: 0,
      playing: options.playing ?? true,
      speed: 1,
      selectedFlight: undefined,
      notices,
      scenario: undefined,
      runSerial: 0,
      actions: {
      dispatch(command) {
        act(command);
        publish();
      },

      toggleLink(a, b) {
        const kind = world.isCut(a, b) || world.isCut(b, a) ? 'heal' : 'cut';
        act({ kind, from: a, to: b });
        act({ kind, from: b, to: a });
        publish();
      },

      setIsolated(node, isolated) {
        const { names } = get().view;
        if (!Number.isInteger(node) || node < 0 || node >= names.length) return;
        const kind = isolated ? 'cut' : 'heal';
        for (let other = 0; other < names.length; other++) {
          if (other === node) continue;
          for (const [from, to] of [[node, other], [other, node]] as const) {
            if (world.isCut(from, to) !== isolated) get().actions.dispatch({ kind, from, to });
          }
        }
      },

      setManual(manual) {
        get().actions.dispatch({ kind: 'network', network: { ...get().network, manual } });
      },

      send(node, text) {
        const trimmed = text.trim();
        if (trimmed === '' || node < 0 || node >= world.names.length) return false;
        get().actions.dispatch({ kind: 'send', node, text: trimmed });
        return true;
      },

      play: () => set({ playing: true }),
      pause: () => set({ playing: false }),

      step() {
        const before = world.trace.length;
        let stepped = false;
        while (nextAction(world, timeline, apply)) {
          stepped = true;
          if (world.trace.length !== before) break;
        }
        // Once the run is over and its comparison not (another policy's sequence numbers still
        // fly), time moves on to the comparison's next moment that shows, as Step does in the run.
        if (!stepped && mirror) {
          const shown = mirror.trace.length;
          for (let later = mirror.nextEventAt; later !== undefined && mirror.trace.length === shown; later = mirror.nextEventAt) {
            world.now = Math.max(world.now, later);
            keepUp(world, mirror);
            stepped = true;
          }
        }
        follow();
        if (stepped) publish({ now: world.now, horizon: Math.max(get().horizon, world.now), playing: false });
        else set({ playing: false });
      },

      stepBack() {
        // The last change was the comparison's alone (total order's numbers, after the run was
        // done): undo just that moment, back to the one before it in either row.
        const before = mirror && comparisonOnlyBefore(world, mirror);
        if (before !== undefined) return rebuilt(rebuildAt(world.config, timeline, before));
        if (world.trace.length === 0) return set({ playing: false });
        rebuilt(rebuildBefore(world.config, timeline, world.trace.length));
      },

      seek(timeMs) {
        // Whole ms: the horizon itself is fractional after play, and logged times are whole.
        const t = Math.max(0, Math.floor(Math.min(timeMs, get().horizon)));
        rebuilt(rebuildAt(world.config, timeline, t));
      },

      selectMessage(id, mode = 'toggle') {
        const selected = get().selectedMessages;
        const [first] = selected;
        if (mode === 'add' && first !== undefined && first !== id) set({ selectedMessages: [first, id] });
        else if (mode === 'toggle' && first === id && selected.length === 1) set({ selectedMessages: [] });
        else set({ selectedMessages: [id] });
      },

      clearSelection: () => set({ selectedMessages: [] }),
      setPresenter: (presenter) => set({ presenter }),
      setTheme: (theme) => set({ theme }),
      setHelpOpen: (helpOpen) => set({ helpOpen }),

      tick(realMs) {
        const { playing, speed, now, scenario } = get();
        if (!playing) return;
        let next = now + Math.min(realMs, MAX_FRAME_MS) * speed;
        // A scenario's step pauses where the next one begins (once: Play then carries on past it).
        const stop = scenario && stepEndsAt(scenario.scenario, scenario.step);
        const stopping = stop !== undefined && now < stop && next >= stop;
        if (stopping) next = stop;
        const before = world.version;
        const mirrorBefore = mirror?.version;
        advanceAlong(world, timeline, Math.floor(next), apply);
        follow();
        const horizon = Math.max(get().horizon, next);
        const changes = stopping ? { now: next, horizon, playing: false } : { now: next, horizon };
        if (world.version !== before || mirror?.version !== mirrorBefore) publish(changes);
        else set(changes);
      },

      setSpeed(speed) {
        set({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) });
      },

      setPolicy(policy) {
        const settings = { ...get().settings, policy };
        ({ world, timeline, origin } = switchPolicy(world, timeline, policy, origin));
        // The comparison run follows the new run's own commands, and flight ids differ between policies.
        const compare = get().comparePolicy;
        mirror = compare ? buildMirror(world, compare) : undefined;
        publish({ settings, selectedFlight: undefined });
      },

      setComparePolicy(policy) {
        mirror = policy ? buildMirror(world, policy) : undefined;
        publish({ comparePolicy: policy });
      },

      setDelay(delay) {
        get().actions.dispatch({ kind: 'network', network: { ...get().network, delay } });
      },

      setNodeCount: (nodeCount) => restart({ ...get().settings, nodeCount }),
      setSeed: (seed) => restart({ ...get().settings, seed }),
      reset: () => restart(get().settings),
      selectFlight: (selectedFlight) => set({ selectedFlight }),
      dismissNotices: () => set({ notices: [] }),

      currentRun: () => ({ config: world.config, commands: world.commands.slice(), processed: world.processed, now: world.now }),

      recordedFuture() {
        const horizon = Math.max(world.now, Math.floor(get().horizon));
        // A command replay applied early (the run had nothing scheduled) pushes the position past
        // the next ones' logged moments; they are due at once either way, so they are logged as
        // due at the position, which keeps the future readable as starting there.
        const { processed, now } = world;
        const commands = timeline
          .slice(world.commands.length)
          .map((logged) => (logged.after >= processed && logged.at >= now ? logged : { ...logged, after: Math.max(logged.after, processed), at: Math.max(logged.at, now) }));
        return commands.length > 0 || horizon > world.now ? { commands, horizon } : undefined;
      },

      recordsAhead() {
        if (world.commands.length < timeline.length) return true;
        const horizon = Math.floor(get().horizon);
        const next = world.nextEventAt;
        return next !== undefined && horizon > world.now && next <= horizon;
      },

      loadRun(record, future) {
        world = replayRun(record);
        timeline = [...world.commands, ...(future?.commands ?? [])];
        origin = undefined;
        const policy = get().comparePolicy;
        mirror = policy ? buildMirror(world, policy) : undefined;
        const { nodeCount, seed, policy: runPolicy } = record.config;
        publish({
          settings: { nodeCount, seed, policy: runPolicy },
          now: world.now,
          horizon: Math.max(world.now, future?.horizon ?? 0),
          playing: false,
          selectedFlight: undefined,
          selectedMessages: [],
          scenario: undefined,
          runSerial: get().runSerial + 1,
        });
      },

      loadScenario(scenario) {
        get().actions.setComparePolicy(scenario.compare);
        get().actions.loadRun(scenarioRun(scenario, 0));
        set({ scenario: { scenario, step: 0 } });
      },

      scenarioStep(delta) {
        const open = get().scenario;
        if (!open) return;
        const { scenario } = open;
        const step = Math.min(scenario.steps.length - 1, Math.max(0, open.step + delta));
        if (step === open.step) return;
        // A delivery policy chosen during the scenario stays for its next steps (the narration says so).
        get().actions.loadRun(scenarioRun(scenario, step, get().settings.policy));
        set({ scenario: { scenario, step }, playing: true });
      },

      closeScenario: () => set({ scenario: undefined }),
      },
    };
  });
}
