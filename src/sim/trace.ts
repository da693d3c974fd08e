import type { DeliveryPolicy } from './message.ts';
import type { NetworkConfig } from './network.ts';
import type { ControlKind, OrderWait } from './view.ts';

/** Why a transmission never arrived. */
export type DropReason = 'loss' | 'partition' | 'manual';

/**
 * One entry of a run's trace; `t` is virtual milliseconds and never decreases. `node`, where
 * present, is where the event happens (for `drop` and `hold`, the transmission's receiver). Events
 * about control transmissions carry `control`; readers ignore types they do not know.
 * Under `total`, `buffer.waitingFor` lists message ids and `buffer.order` the sequence
 * numbers still missing from the sequencer; `order` is the sequencer numbering a message.
 */
export type TraceEvent =
  | { readonly t: number; readonly type: 'send'; readonly node: string; readonly msg: string; readonly vc: readonly number[]; readonly text: string }
  | { readonly t: number; readonly type: 'receive'; readonly node: string; readonly msg: string }
  | {
      readonly t: number;
      readonly type: 'buffer';
      readonly node: string;
      readonly msg: string;
      readonly waitingFor: readonly string[];
      readonly order?: OrderWait;
    }
  | { readonly t: number; readonly type: 'order'; readonly node: string; readonly msg: string; readonly seq: number }
  | {
      readonly t: number;
      readonly type: 'deliver';
      readonly node: string;
      readonly msg: string;
      readonly vc: readonly number[];
      /** Present when the delivery broke causal order: predecessors not yet delivered. */
      readonly missing?: readonly string[];
    }
  | { readonly t: number; readonly type: 'discard'; readonly node: string; readonly msg: string; readonly reason: 'duplicate' }
  | {
      readonly t: number;
      /** `node` resends `msg` (or, with `control`, its sequence number) to `to`: no acknowledgement in time. */
      readonly type: 'retransmit';
      readonly node: string;
      readonly to: string;
      readonly msg: string;
      readonly control?: ControlKind;
    }
  | { readonly t: number; readonly type: 'drop'; readonly node: string; readonly msg: string; readonly reason: DropReason; readonly control?: ControlKind }
  | {
      readonly t: number;
      /** The user cut (or healed) the directed link from `node` to `to`. */
      readonly type: 'cut' | 'heal';
      readonly node: string;
      readonly to: string;
    }
  | {
      readonly t: number;
      /** The network settings changed; they apply to transmissions from now on. */
      readonly type: 'network';
      /** The new settings; `links` only when some link has settings of its own. */
      readonly network: Omit<NetworkConfig, 'links'> & { readonly links?: NetworkConfig['links'] };
    }
  | {
      readonly t: number;
      readonly type: 'hold';
      readonly node: string;
      readonly msg: string;
      readonly reason: 'partition' | 'manual';
      readonly control?: ControlKind;
    };

/**
 * The settings a trace was produced with, enough to reproduce it: the network's settings at
 * the start (`reliable` present only when on, per-link overrides `links` only when any).
 */
export interface TraceConfig extends Omit<NetworkConfig, 'links'> {
  readonly links?: NetworkConfig['links'];
  readonly seed: number;
  readonly policy: DeliveryPolicy;
  readonly messages?: number;
  readonly meanGapMs?: number;
}

/** A run's trace in the `causal-chat-trace` v1 format. */
export interface Trace {
  readonly format: 'causal-chat-trace';
  readonly version: 1;
  readonly nodes: readonly string[];
  readonly config: TraceConfig;
  readonly events: readonly TraceEvent[];
}

/** Serialises a trace as JSON with one event per line, byte-for-byte stable for equal traces. */
export function serializeTrace(trace: Trace): string {
  const head = [
    `  "format": ${JSON.stringify(trace.format)}`,
    `  "version": ${trace.version}`,
    `  "nodes": ${JSON.stringify(trace.nodes)}`,
    `  "config": ${JSON.stringify(trace.config)}`,
  ];
  const events = trace.events.map((event) => `    ${JSON.stringify(event)}`);
  const body = events.length > 0 ? `[\n${events.join(',\n')}\n  ]` : '[]';
  return `{\n${head.join(',\n')},\n  "events": ${body}\n}\n`;
}
