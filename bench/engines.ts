// The three engines the benchmark compares on one schedule (see engine-driver.ts).
import type { Message } from '../src/sim/message.ts';
import { NodeState } from '../src/sim/node.ts';
import type { BenchEngine, Tally } from './engine-driver.ts';

/** What an engine holds back: now, most at once, and how many arrivals were ever held. */
class HoldBack {
  now = 0;
  peak = 0;
  total = 0;

  /** Notes that an arrival left `delta` more messages (or, negative, fewer) in the buffers. */
  change(delta: number): void {
    this.now += delta;
    if (this.now > this.peak) this.peak = this.now;
  }
}

/**
 * The project's engine: one `NodeState` per node, the delivery path the app uses
 * (Birman–Schiper–Stephenson with per-sender hold-back and a blocked-on index), stamping
 * with `NodeState.stamp` as the world does. Nothing is recorded; a message lives only while
 * some node still holds it.
 */
export class ProjectEngine implements BenchEngine {
  private readonly nodes: NodeState[];
  private readonly messages: (Message | undefined)[] = [];
  private readonly tally: Tally;
  private readonly held = new HoldBack();

  constructor(size: number, tally: Tally) {
    this.tally = tally;
    const onDeliver = (node: NodeState, message: Message): void => {
      if (node.index !== message.sender) tally.delivered(node.index, message.sender, message.seq);
    };
    this.nodes = Array.from({ length: size }, (_, i) => new NodeState(i, size, 'causal', onDeliver));
  }

  send(sender: number, _seq: number, handle: number, nowMs: number): void {
    const node = this.nodes[sender] as NodeState;
    const message = node.stamp('', nowMs);
    this.tally.stamped(sender, message.seq, message.vc);
    this.messages[handle] = message;
    node.deliverOwn(message);
  }

  receive(to: number, handle: number, _sender: number, _seq: number, nowMs: number): void {
    const node = this.nodes[to] as NodeState;
    const before = node.bufferedCount;
    if (node.receive(this.messages[handle] as Message, nowMs) === 'buffered') this.held.total++;
    this.held.change(node.bufferedCount - before);
  }

  comparisons(): number {
    let sum = 0;
    for (const node of this.nodes) sum += node.comparisons;
    return sum;
  }

  peakBuffered(): number {
    return this.held.peak;
  }

  totalBuffered(): number {
    return this.held.total;
  }
}

/** The floor: the same network work (queue, random delays, tally) with no clocks and no buffer. */
export class NullEngine implements BenchEngine {
  private readonly tally: Tally;

  constructor(_size: number, tally: Tally) {
    this.tally = tally;
  }

  send(sender: number, seq: number, _handle: number, _nowMs: number): void {
    this.tally.stamped(sender, seq);
  }

  receive(to: number, _handle: number, sender: number, seq: number, _nowMs: number): void {
    this.tally.delivered(to, sender, seq);
  }

  comparisons(): number {
    return 0;
  }

  peakBuffered(): number {
    return 0;
  }

  totalBuffered(): number {
    return 0;
  }
}

/** A clock as a straightforward implementation keeps it: an object keyed by node number as a string. */
type NaiveClock = Record<string, number>;

interface NaiveMessage {
  readonly sender: number;
  readonly seq: number;
  readonly vc: NaiveClock;
}

interface NaiveNode {
  readonly clock: NaiveClock;
  readonly buffer: NaiveMessage[];
}

/**
 * The naive reference, written for the benchmark only: clocks are objects such as
 * `{"0":0,"1":0}`, an arrival goes into one buffer per node, and after every arrival and every
 * delivery the whole buffer is scanned again for a deliverable message.
 */
export class NaiveEngine implements BenchEngine {
  private readonly keys: string[];
  private readonly nodes: NaiveNode[];
  private readonly messages: (NaiveMessage | undefined)[] = [];
  private readonly tally: Tally;
  private compared = 0;
  private readonly held = new HoldBack();

  constructor(size: number, tally: Tally) {
    this.tally = tally;
    this.keys = Array.from({ length: size }, (_, k) => String(k));
    this.nodes = Array.from({ length: size }, () => {
      const clock: NaiveClock = {};
      for (const key of this.keys) clock[key] = 0;
      return { clock, buffer: [] };
    });
  }

  send(sender: number, _seq: number, handle: number, _nowMs: number): void {
    const node = this.nodes[sender] as NaiveNode;
    const key = String(sender);
    node.clock[key] = (node.clock[key] as number) + 1;
    const vc: NaiveClock = { ...node.clock };
    const seq = vc[key] as number;
    this.tally.stamped(sender, seq, this.keys.map((k) => vc[k] as number));
    this.messages[handle] = { sender, seq, vc };
  }

  receive(to: number, handle: number, _sender: number, _seq: number, _nowMs: number): void {
    const node = this.nodes[to] as NaiveNode;
    node.buffer.push(this.messages[handle] as NaiveMessage);
    let added = 1;
    let delivered = true;
    while (delivered) {
      delivered = false;
      for (let i = 0; i < node.buffer.length; i++) {
        const message = node.buffer[i] as NaiveMessage;
        if (!this.deliverable(node.clock, message)) continue;
        node.buffer.splice(i, 1);
        added--;
        for (const key of this.keys) node.clock[key] = Math.max(node.clock[key] as number, message.vc[key] as number);
        this.tally.delivered(to, message.sender, message.seq);
        delivered = true;
        break;
      }
    }
    if (node.buffer.length > 0 && node.buffer[node.buffer.length - 1] === this.messages[handle]) this.held.total++;
    this.held.change(added);
  }

  private deliverable(clock: NaiveClock, message: NaiveMessage): boolean {
    const own = String(message.sender);
    for (const key of this.keys) {
      this.compared++;
      const stamped = message.vc[key] as number;
      const have = clock[key] as number;
      if (key === own ? stamped !== have + 1 : stamped > have) return false;
    }
    return true;
  }

  comparisons(): number {
    return this.compared;
  }

  peakBuffered(): number {
    return this.held.peak;
  }

  totalBuffered(): number {
    return this.held.total;
  }
}
