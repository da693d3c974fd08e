import { DEFAULT_NETWORK, type LinkSettings, type NetworkConfig } from '../sim/network.ts';
import type { Command } from '../sim/world.ts';
import type { Scenario } from './scenario.ts';

const A = 0;
const B = 1;
const C = 2;
const D = 3;

/** One second on every link, no faults: easy to follow by eye. */
const STEADY: NetworkConfig = { ...DEFAULT_NETWORK, delay: { kind: 'fixed', ms: 1000 } };

const send = (node: number, text: string): Command => ({ kind: 'send', node, text });
/** From now on, the given links behave differently; the rest keep `base`. */
const links = (base: NetworkConfig, overrides: Readonly<Record<string, LinkSettings>>, extra: Partial<NetworkConfig> = {}): Command => ({
  kind: 'network',
  network: { ...base, ...extra, links: overrides },
});
const SLOW_A_TO_C = { '0>2': { delay: { kind: 'fixed', ms: 3000 } } } as const;

/** The scenarios the classroom view offers, in teaching order. */
export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'exchange',
    title: '1. A simple exchange',
    nodeCount: 3,
    seed: 1,
    policy: 'causal',
    network: STEADY,
    steps: [
      { title: 'Three friends', narration: 'Each window is one node: its chat, its vector clock and its hold-back buffer. Every message takes one second. Press Next: A says hello.', atMs: 0, actions: [] },
      { title: 'A sends Hello', narration: 'A ticks its own entry and stamps the message [1, 0, 0]. B and C take it into their clocks when it arrives.', atMs: 0, actions: [send(A, 'Hello')] },
      { title: 'B answers Hi', narration: 'B has seen Hello, so its reply carries that: [1, 1, 0]. Everyone who shows Hi has shown Hello first.', actions: [send(B, 'Hi')] },
      { title: 'C greets both', narration: 'C has seen both, so Hey both! is stamped [1, 1, 1]: each stamp counts everything its sender had seen.', actions: [send(C, 'Hey both!')] },
    ],
  },
  {
    id: 'concurrent',
    title: '2. Concurrent messages',
    nodeCount: 3,
    seed: 4,
    policy: 'causal',
    network: { ...DEFAULT_NETWORK, delay: { kind: 'uniform', minMs: 500, maxMs: 2500 } },
    steps: [
      { title: 'Two at once', narration: 'A and B will speak at the same moment, before either hears the other. Press Next.', atMs: 0, actions: [] },
      {
        title: '[1, 0, 0] and [0, 1, 0]',
        narration: 'Neither stamp is below the other, so neither message happened before the other: they are concurrent. Watch C: it shows whichever arrives first.',
        atMs: 0,
        actions: [send(A, 'Pizza tonight?'), send(B, 'Movie tonight?')],
      },
      {
        title: 'Different orders, both fine',
        narration: 'A shows its own message first, B its own, C the one that came first. Causal order only fixes the order of messages that depend on each other, so every one of these orders is correct.',
        actions: [],
      },
    ],
  },
  {
    id: 'overtake',
    title: '3. A reply overtakes its question',
    nodeCount: 3,
    seed: 1,
    policy: 'causal',
    network: STEADY,
    steps: [
      { title: 'A slow link', narration: 'Today the link from A to C takes 3 seconds; every other link takes 1. Press Next: A asks a question.', atMs: 0, actions: [] },
      { title: 'A asks', narration: 'A1 reaches B after 1 s but is still on its way to C.', atMs: 0, actions: [links(STEADY, SLOW_A_TO_C), send(A, 'Lunch at noon?')] },
      { title: 'B replies', narration: 'B has read the question and answers: B1 is stamped [1, 1, 0], so it depends on A1.', atMs: 1200, actions: [send(B, 'Yes, room 2!')] },
      { title: 'The reply waits', narration: 'B1 reached C at 2.2 s, before A1. Its stamp says B had seen A1 and C has not, so C keeps B1 in its hold-back buffer, waiting for A1.', atMs: 2400, actions: [] },
      { title: 'The question lands', narration: 'A1 arrives at 3 s: C shows it, and then B1 at once. Nobody ever reads an answer before its question.', atMs: 2900, actions: [] },
    ],
  },
  {
    id: 'fifo',
    title: '4. The reply before the question (FIFO)',
    nodeCount: 3,
    seed: 1,
    policy: 'fifo',
    network: STEADY,
    compare: 'causal',
    steps: [
      { title: 'FIFO against causal', narration: 'The top row delivers in FIFO order (per sender only); the bottom row runs the same sends under causal order. A to C is slow again. Press Next.', atMs: 0, actions: [] },
      { title: 'A asks', narration: 'A1 reaches B after 1 s and is still on its way to C.', atMs: 0, actions: [links(STEADY, SLOW_A_TO_C), send(A, 'Lunch at noon?')] },
      { title: 'B replies', narration: 'B answers: B1 depends on A1.', atMs: 1200, actions: [send(B, 'Yes, room 2!')] },
      {
        title: 'FIFO is not enough',
        narration: 'B1 is the first message from B, so FIFO shows it at C at once: an answer without its question, flagged in C’s chat. Causal order holds it in the buffer instead.',
        atMs: 2400,
        actions: [],
      },
      { title: 'Too late', narration: 'A1 arrives at 3 s. FIFO shows it after the answer; causal order shows the question first, then the answer.', atMs: 2900, actions: [] },
    ],
  },
  {
    id: 'diamond',
    title: '5. Three-way concurrency and the diamond',
    nodeCount: 4,
    seed: 1,
    policy: 'causal',
    network: STEADY,
    steps: [
      { title: 'Four nodes', narration: 'A, B and C will all speak at once; D only listens. Press Next.', atMs: 0, actions: [] },
      { title: 'Three at once', narration: 'Stamps [1, 0, 0, 0], [0, 1, 0, 0] and [0, 0, 1, 0]: pairwise concurrent, so each node may show them in any order.', atMs: 0, actions: [send(A, 'Hi from A'), send(B, 'Hi from B'), send(C, 'Hi from C')] },
      { title: 'D merges', narration: 'D has delivered all three, and delivering takes each sender’s entry: its message is stamped [1, 1, 1, 1].', actions: [send(D, 'Hello all three')] },
      { title: 'Two replies', narration: 'B and C both answer D at the same time: [1, 2, 1, 1] and [1, 1, 2, 1]. Both depend on D1, neither on the other.', actions: [send(B, 'Hi D'), send(C, 'Hey D')] },
      { title: 'The diamond closes', narration: 'A has both replies, so its message [2, 2, 2, 1] depends on D1 through two paths: D1 → B2 → A2 and D1 → C2 → A2.', actions: [send(A, 'Good to see you all')] },
    ],
  },
  {
    id: 'loss',
    title: '6. A lost message, no retransmission',
    nodeCount: 3,
    seed: 1,
    policy: 'causal',
    network: STEADY,
    steps: [
      { title: 'A lossy link', narration: 'The link from A to C now loses everything, and nobody retransmits. Press Next.', atMs: 0, actions: [] },
      { title: 'A asks', narration: 'A1 reaches B, but its copy to C is lost (a red ✕ in the diagram and the event log).', atMs: 0, actions: [links(STEADY, { '0>2': { lossRate: 1 } }), send(A, 'Lunch at noon?')] },
      { title: 'B replies', narration: 'B answers; B1 depends on A1.', actions: [send(B, 'Yes, room 2!')] },
      { title: 'Stuck for ever', narration: 'C holds B1 waiting for A1, which will never come: without retransmission, one lost message blocks everything that depends on it.', actions: [] },
    ],
  },
  {
    id: 'reliable',
    title: '7. A lost message, resent',
    nodeCount: 3,
    seed: 1,
    policy: 'causal',
    network: STEADY,
    steps: [
      {
        title: 'Acknowledge and resend',
        narration: 'Now every arrival is acknowledged, and a sender resends after 2 s without an acknowledgement. The link from A to C loses half of what it carries. Press Next.',
        atMs: 0,
        actions: [],
      },
      { title: 'A asks', narration: 'A1 reaches B; the copy to C is lost (a red ✕ in the diagram and the log).', atMs: 0, actions: [links(STEADY, { '0>2': { lossRate: 0.5 } }, { reliable: true }), send(A, 'Lunch at noon?')] },
      { title: 'B replies', narration: 'B answers: B1 depends on A1.', atMs: 1200, actions: [send(B, 'Yes, room 2!')] },
      { title: 'A resends', narration: 'C keeps B1 in its buffer, waiting for A1. No acknowledgement came from C within 2 s, so A has sent A1 to C again (a second line from A to C in the diagram; “sent A1 to C again” in the log).', atMs: 2300, actions: [] },
      { title: 'Delivered after all', narration: 'The second copy got through at 3 s: C shows A1 and then B1. Retransmission turns a lost message into a late one.', atMs: 2900, actions: [] },
    ],
  },
  {
    id: 'partition',
    title: '8. Partition and heal',
    nodeCount: 3,
    seed: 1,
    policy: 'causal',
    network: STEADY,
    steps: [
      { title: 'A partition', narration: 'The link between A and C breaks in both directions (red and dashed). Messages on it are held at the sender. Press Next.', atMs: 0, actions: [] },
      {
        title: 'A speaks into the partition',
        narration: 'A1 reaches B; the copy to C waits at the cut link.',
        atMs: 0,
        actions: [{ kind: 'cut', from: A, to: C }, { kind: 'cut', from: C, to: A }, send(A, 'Meeting moved to 3 pm')],
      },
      { title: 'B passes it on', narration: 'B answers; its reply reaches C, which holds it: it depends on A1, stuck behind the cut.', actions: [send(B, 'OK, 3 pm')] },
      { title: 'Heal', narration: 'The link heals, A1 flows on, and C shows A1 and then B1: a partition delays messages but never reorders them.', actions: [{ kind: 'heal', from: A, to: C }, { kind: 'heal', from: C, to: A }] },
    ],
  },
  {
    id: 'total',
    title: '9. Total order against causal order',
    nodeCount: 3,
    seed: 3,
    policy: 'total',
    network: { ...DEFAULT_NETWORK, delay: { kind: 'uniform', minMs: 500, maxMs: 1500 } },
    compare: 'causal',
    steps: [
      {
        title: 'A sequencer',
        narration: 'The top row uses total order: A numbers every message and everyone shows them by number. The bottom row runs the same sends under causal order. Press Next.',
        atMs: 0,
        actions: [],
      },
      { title: 'B and C at once', narration: 'B and C speak at the same moment: concurrent messages, so causal order lets each node pick its own order.', atMs: 0, actions: [send(B, 'Tea?'), send(C, 'Coffee?')] },
      {
        title: 'One order for all',
        narration: 'Under total order every window shows the two in the same order, the one A gave. Under causal order B shows its own first and C its own: both correct, but not the same.',
        actions: [],
      },
    ],
  },
];

/** The scenario with id `id`, if any. */
export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
