// @vitest-environment node
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeliveryPolicy } from '../../src/sim/message.ts';
import { DEFAULT_NETWORK } from '../../src/sim/network.ts';
import { isError } from '../../src/sim/run.ts';
import { applySession, currentSession } from '../../src/store/persist.ts';
import { DEFAULT_SETTINGS } from '../../src/store/settings.ts';
import { deflateRawSync } from 'node:zlib';
import { decodeLinkCode, decodeSession, encodeLinkCode, encodeSession, RUN_PARAM, shareLink } from '../../src/store/share.ts';
import { createSimulationStore, type SimulationStore } from '../../src/store/simulation-store.ts';

/** Something a teacher does in the classroom view. */
type Gesture =
  | { readonly kind: 'send'; readonly node: number; readonly text: string }
  | { readonly kind: 'tick'; readonly ms: number }
  | { readonly kind: 'step' }
  | { readonly kind: 'link'; readonly a: number; readonly b: number }
  | { readonly kind: 'manual'; readonly on: boolean }
  | { readonly kind: 'flight'; readonly op: 'release' | 'drop' | 'duplicate'; readonly pick: number }
  | { readonly kind: 'policy'; readonly policy: DeliveryPolicy }
  | { readonly kind: 'compare'; readonly policy: DeliveryPolicy | undefined }
  | { readonly kind: 'rewind'; readonly ms: number }
  | { readonly kind: 'stepBack' };

const policies = fc.constantFrom<DeliveryPolicy>('causal', 'fifo', 'none', 'total');
const gesture: fc.Arbitrary<Gesture> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), node: fc.nat(3), text: fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('step' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('link' as const), a: fc.nat(3), b: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('manual' as const), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('flight' as const), op: fc.constantFrom('release' as const, 'drop' as const, 'duplicate' as const), pick: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('policy' as const), policy: policies }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('compare' as const), policy: fc.option(policies, { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rewind' as const), ms: fc.integer({ min: 1, max: 2000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stepBack' as const) }) },
);

/** Plays `frames` animation frames of `frameMs` each, as the page does, then pauses. */
function playFrames(store: SimulationStore, frames: number, frameMs: number): void {
  const { actions } = store.getState();
  actions.play();
  for (let i = 0; i < frames; i++) actions.tick(frameMs);
  actions.pause();
}

function perform(store: SimulationStore, g: Gesture): void {
  const { actions, view } = store.getState();
  const n = view.names.length;
  switch (g.kind) {
    case 'send':
      actions.send(g.node % n, g.text);
      break;
    case 'tick':
      playFrames(store, 10, g.ms);
      break;
    case 'step':
      actions.step();
      break;
    case 'link':
      if (g.a % n !== g.b % n) actions.toggleLink(g.a % n, g.b % n);
      break;
    case 'manual':
      actions.setManual(g.on);
      break;
    case 'flight': {
      const flight = view.flights[g.pick % Math.max(1, view.flights.length)];
      if (flight) actions.dispatch({ kind: g.op, flight: flight.id });
      break;
    }
    case 'policy':
      actions.setPolicy(g.policy);
      break;
    case 'compare':
      actions.setComparePolicy(g.policy);
      break;
    case 'rewind':
      actions.seek(store.getState().now - g.ms);
      break;
    case 'stepBack':
      actions.stepBack();
      break;
  }
}

/** Steps `store` on `count` times, or until nothing is left, and returns what was shown after each step. */
function stepOn(store: SimulationStore, count: number): unknown[] {
  const seen: unknown[] = [];
  for (let i = 0; i < count && store.getState().canStep; i++) {
    store.getState().actions.step();
    seen.push(shown(store));
  }
  return seen;
}

async function openLink(link: string): Promise<SimulationStore> {
  const code = new URL(link).searchParams.get(RUN_PARAM) ?? '';
  const session = await decodeLinkCode(code);
  if (isError(session)) throw new Error(session.error);
  const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
  applySession(store, session);
  return store;
}

/**
 * What a viewer of the page sees, minus playback state, the comparison pane included. The
 * snapshots' own `now` is left out: the store republishes them only when something happens,
 * while the clock shown is `now`.
 */
function shown(store: SimulationStore): unknown {
  const { settings, network, view, trace, comparePolicy, compareView, now } = store.getState();
  const comparison = compareView && { ...compareView, now: undefined };
  return { settings, network, view: { ...view, now: undefined }, comparison, trace, comparePolicy, now: Math.floor(now) };
}

describe('shared links', () => {
  it('run → link → open gives the identical state', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 4 }), fc.nat(0xffffffff), fc.array(gesture, { maxLength: 30 }), async (nodeCount, seed, gestures) => {
        const store = createSimulationStore({ ...DEFAULT_SETTINGS, nodeCount, seed }, [], { playing: false });
        for (const g of gestures) perform(store, g);
        const opened = await openLink(await shareLink('http://localhost/causal-chat/?seed=3', currentSession(store)));
        expect(shown(opened)).toEqual(shown(store));
        expect(opened.getState().actions.currentRun()).toEqual(store.getState().actions.currentRun());
        // After a rewind the link carries the recorded future: both go on the same way.
        expect(opened.getState().horizon).toBe(Math.floor(store.getState().horizon));
        expect(stepOn(opened, 40)).toEqual(stepOn(store, 40));
      }),
      { numRuns: 120 },
    );
  });

  it('a run sought to the end of the timeline (a fractional time after play) is shared and saved whole', async () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    actions.send(0, 'Hello');
    playFrames(store, 100, 16.7);
    actions.seek(0);
    // The slider's last position is the horizon rounded up.
    actions.seek(Math.ceil(store.getState().horizon));
    actions.send(1, 'Hi');
    expect(Number.isInteger(store.getState().actions.currentRun().now)).toBe(true);
    expect(isError(decodeSession(encodeSession(currentSession(store))))).toBe(false);
    expect(shown(await openLink(await shareLink('https://example.org/causal-chat/', currentSession(store))))).toEqual(shown(store));
  });

  it('a future that replay reached early (the run was idle) is saved as starting at the position', async () => {
    // Accepted as is: B sends at 100 ms, but with nothing scheduled replay applies it at once.
    const code = encodeSession({
      run: { ...createSimulationStore(DEFAULT_SETTINGS, [], { playing: false }).getState().actions.currentRun(), config: { nodeCount: 2, seed: 1, policy: 'causal', network: { ...DEFAULT_NETWORK, delay: { kind: 'fixed', ms: 300 } } } },
      future: {
        commands: [
          { after: 0, at: 0, command: { kind: 'send', node: 0, text: 'a' } },
          { after: 50, at: 100, command: { kind: 'send', node: 1, text: 'b' } },
          { after: 50, at: 100, command: { kind: 'send', node: 0, text: 'c' } },
        ],
        horizon: 5000,
      },
    });
    const store = await openLink(`https://example.org/?run=${code}`);
    for (let k = 0; k < 3; k++) store.getState().actions.step();
    const saved = decodeSession(encodeSession(currentSession(store)));
    expect(isError(saved) ? saved.error : 'readable').toBe('readable');
  });

  it('keeps what was recorded after the moment a rewound run is shared at', async () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    actions.send(0, 'Lunch at noon?');
    playFrames(store, 30, 100);
    actions.send(1, 'Yes, room 2!');
    playFrames(store, 30, 100);
    const end = store.getState().now;
    actions.seek(1000);
    expect(store.getState().view.nodes[1]?.inbox.map((e) => e.message.text)).toEqual(['Lunch at noon?']);

    const opened = await openLink(await shareLink('https://example.org/causal-chat/', currentSession(store)));
    expect(opened.getState().now).toBe(1000);
    expect(opened.getState().horizon).toBe(Math.floor(end));
    opened.getState().actions.seek(end);
    expect(opened.getState().view.nodes[1]?.inbox.map((e) => e.message.text)).toEqual(['Lunch at noon?', 'Yes, room 2!']);
    // Acting in the past still forks: the recorded future is then gone.
    const forked = await openLink(await shareLink('https://example.org/causal-chat/', currentSession(store)));
    forked.getState().actions.send(2, 'Me too');
    expect(forked.getState().actions.recordedFuture()).toBeUndefined();
  });

  it('keeps a typical classroom link short enough to paste in chat', async () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    const { actions } = store.getState();
    const lines = ['Lunch at noon?', 'Yes, room 2!', 'See you there', 'Running late', 'No problem', 'Which room again?', 'Room 2', 'On my way', 'Here!', 'Great'];
    lines.forEach((text, i) => {
      actions.send(i % 3, text);
      playFrames(store, 8, 100);
      if (i === 4) actions.toggleLink(0, 2);
      if (i === 7) actions.toggleLink(0, 2);
    });
    const link = await shareLink('https://example.org/causal-chat/', currentSession(store));
    expect(link).toMatch(/\?run=z\./);
    expect(link.length).toBeLessThan(400);
    expect(link.length).toBeLessThan(encodeSession(currentSession(store)).length);
    expect((await shareLink('https://example.org/causal-chat/', { run: { ...currentSession(store).run, commands: [] } })).length).toBeLessThan(120);
  });

  it.each([
    ['', 'cut short or garbled'],
    ['not base64!', 'characters a run never contains'],
    ['WzEsMiwzXQ', 'not a run this version can read'],
    [encodeSession({ run: { config: { nodeCount: 30, seed: 1, policy: 'causal', network: createSimulationStore().getState().network }, commands: [], processed: 0, now: 0 } }), '30 nodes'],
    ['WzEsMiwxLDAsWyIzMDAtMjUwMCIsMCwwLDAsMCwwXSxbXSw1LDQwMCwtMSwwLFstMSxbXV1d', 'time reached'],
    ['WzEsMiwxLDAsWyIzMDAtMjUwMCIsMCwwLDAsMCwwXSxbXSw1LDQwMCwtMSwwLFswLFtbLTEsMCwwLDAsIkhpIl1dXV0', 'starts before its position'],
    ['WzEsMiwxLDAsWyIzMDAtMjUwMCIsMCwwLDAsMCwwXSxbXSw1LDQwMCwtMSwwLDdd', 'recorded future is garbled'],
  ])('refuses the code %j and says why', (code, message) => {
    const result = decodeSession(code);
    expect(isError(result) && result.error).toContain(message);
  });

  it('refuses a compressed code that is garbled or inflates beyond its limit', async () => {
    expect(await decodeLinkCode('z.AAAA')).toEqual({ error: 'it is cut short or garbled' });
    const bomb = `z.${deflateRawSync(Buffer.from(`[1,3,1,0,${'0,'.repeat(2_000_000)}0]`)).toString('base64url')}`;
    expect(bomb.length).toBeLessThan(10_000);
    expect(await decodeLinkCode(bomb)).toEqual({ error: 'it is cut short or garbled' });
    expect(await decodeLinkCode('z.%%')).toEqual({ error: 'it has characters a run never contains' });
  });

  it('never throws on mutated codes', async () => {
    const store = createSimulationStore(DEFAULT_SETTINGS, [], { playing: false });
    store.getState().actions.send(0, 'Hello');
    store.getState().actions.step();
    store.getState().actions.send(1, 'Hi');
    for (const code of [encodeSession(currentSession(store)), await encodeLinkCode(currentSession(store))]) {
      await expect(
        fc.assert(
          fc.asyncProperty(fc.nat(code.length - 1), fc.string({ minLength: 0, maxLength: 3 }), async (at, s) => {
            const result = await decodeLinkCode(code.slice(0, at) + s + code.slice(at + 1));
            if (!isError(result)) applySession(createSimulationStore(DEFAULT_SETTINGS, [], { playing: false }), result);
          }),
          { numRuns: 300 },
        ),
      ).resolves.toBeUndefined();
    }
  });
});
