// Figures `npm run bench:ui` derives from a measured window, and its targets.
import type { FrameSample, RenderSample } from './ui-page.ts';

/** A long-frame threshold, as Chromium's long animation frames and long tasks use it. */
const LONG_MS = 50;
/** Every figure is reported per this much real time. */
export const PER_WINDOW_MS = 5_000;

/** Frame figures over one window. */
export interface FrameStats {
  readonly fps: number;
  readonly p95FrameMs: number;
  readonly p99FrameMs: number;
  readonly longFrames: number;
  /** Sum over long tasks of their time beyond 50 ms, per `PER_WINDOW_MS`. */
  readonly blockingMsPer5s: number;
  /** Main-thread CPU time per frame drawn, ms: what a frame costs, whatever else the machine runs. */
  readonly cpuMsPerFrame: number;
}

/** Returns the nearest-rank `q` quantile of `values` (0 when empty). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Summarises the frames of a window in which the main thread spent `cpuMs` of CPU time. */
export function summariseFrames(sample: FrameSample, cpuMs: number): FrameStats {
  const { frames, longFrames, longTasks, windowMs } = sample;
  const intervals = frames.slice(1).map((t, i) => t - (frames[i] as number));
  const spanMs = frames.length > 1 ? (frames.at(-1) as number) - (frames[0] as number) : 0;
  const blocking = longTasks.reduce((sum, d) => sum + Math.max(0, d - LONG_MS), 0);
  return {
    fps: round(spanMs > 0 ? (intervals.length * 1000) / spanMs : 0),
    p95FrameMs: round(quantile(intervals, 0.95)),
    p99FrameMs: round(quantile(intervals, 0.99)),
    longFrames: longFrames.filter((d) => d > LONG_MS).length,
    blockingMsPer5s: round(windowMs > 0 ? (blocking * PER_WINDOW_MS) / windowMs : 0),
    cpuMsPerFrame: round(frames.length > 0 ? cpuMs / frames.length : 0),
  };
}

/**
 * FlightDot renders per flight: every render since the page opened (mounts included) divided
 * by the flights drawn since then. A dot that renders once when it appears scores 1; a list
 * that re-renders every dot on every arrival adds about one per arrival.
 */
export function rendersPerFlight(sample: RenderSample): number | undefined {
  if (!sample.counted || sample.flightsSeen === 0) return undefined;
  return round(sample.flightRenders / sample.flightsSeen, 2);
}

/** NetworkView renders per second of the window. */
export function listRendersPerSecond(before: RenderSample, after: RenderSample, windowMs: number): number | undefined {
  if (!after.counted || windowMs <= 0) return undefined;
  return round(((after.networkRenders - before.networkRenders) * 1000) / windowMs);
}
