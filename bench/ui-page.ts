// What `npm run bench:ui` runs inside the page: a frame recorder (requestAnimationFrame
// timestamps, long animation frames, long tasks), a keystroke latency probe, and a reader
// for the render counters a `--mode bench` build keeps (src/components/render-count.ts).
// These functions are serialised by Playwright, so each is self-contained.
import type { Page } from '@playwright/test';

/** Raw figures from one measured window. */
export interface FrameSample {
  /** requestAnimationFrame timestamps, ms. */
  readonly frames: number[];
  /** Durations of long animation frames (each over 50 ms by definition), ms. */
  readonly longFrames: number[];
  /** Durations of long tasks, ms. */
  readonly longTasks: number[];
  /** Input-to-next-frame latencies of the keystrokes typed in the window, ms. */
  readonly keystrokes: number[];
  /** Length of the window, ms. */
  readonly windowMs: number;
}

/** What the render counters said. */
export interface RenderSample {
  /** True when the build keeps counters (it was made with `--mode bench`). */
  readonly counted: boolean;
  readonly flightRenders: number;
  /** Distinct flights that ever rendered. */
  readonly flightsSeen: number;
  readonly networkRenders: number;
}

interface Recorder {
  frames: number[];
  longFrames: number[];
  longTasks: number[];
  keystrokes: number[];
  started: number;
  stop: () => FrameSample;
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in a `__name(fn, name)`
 * helper that functions serialised into the page still call; this gives the page that helper.
 */
export async function defineNameHelper(page: Page): Promise<void> {
  await page.addInitScript('globalThis.__name ??= (target) => target;');
}

/** Starts recording frames, long frames, long tasks and keystroke latencies in the page. */
export async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    const rec: Recorder = { frames: [], longFrames: [], longTasks: [], keystrokes: [], started: performance.now(), stop: () => ({ frames: [], longFrames: [], longTasks: [], keystrokes: [], windowMs: 0 }) };
    let running = true;
    const loop = (t: number): void => {
      rec.frames.push(t);
      if (running) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    const loaf = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) rec.longFrames.push(entry.duration);
    });
    loaf.observe({ type: 'long-animation-frame' });
    const tasks = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) rec.longTasks.push(entry.duration);
    });
    tasks.observe({ type: 'longtask' });
    /** A keystroke's latency: from its keydown to just after the first frame following its input event. */
    let keyDownAt: number | undefined;
    const onKeyDown = (event: KeyboardEvent): void => {
      keyDownAt = event.timeStamp;
    };
    const onInput = (): void => {
      const from = keyDownAt;
      keyDownAt = undefined;
      if (from === undefined) return;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.addEventListener('message', () => rec.keystrokes.push(performance.now() - from));
        channel.port1.start();
        channel.port2.postMessage(0);
      });
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('input', onInput, true);
    rec.stop = () => {
      running = false;
      for (const entry of loaf.takeRecords()) rec.longFrames.push(entry.duration);
      for (const entry of tasks.takeRecords()) rec.longTasks.push(entry.duration);
      loaf.disconnect();
      tasks.disconnect();
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('input', onInput, true);
      const { frames, longFrames, longTasks, keystrokes } = rec;
      return { frames, longFrames, longTasks, keystrokes, windowMs: performance.now() - rec.started };
    };
    (window as unknown as { uiBenchRecorder: Recorder }).uiBenchRecorder = rec;
  });
}

/** Stops the recorder and returns what it saw. */
export async function stopRecording(page: Page): Promise<FrameSample> {
  // Let a keystroke's pending frame land before stopping.
  await page.waitForTimeout(100);
  return page.evaluate(() => (window as unknown as { uiBenchRecorder: Recorder }).uiBenchRecorder.stop());
}

/** Reads the render counters (zeros, `counted: false`, in a build without them). */
export async function readRenders(page: Page): Promise<RenderSample> {
  return page.evaluate(() => {
    const counts = (globalThis as { causalChatRenders?: { renders: Record<string, number>; keys: Record<string, Set<number>> } }).causalChatRenders;
    return {
      counted: counts !== undefined,
      flightRenders: counts?.renders.FlightDot ?? 0,
      flightsSeen: counts?.keys.FlightDot?.size ?? 0,
      networkRenders: counts?.renders.NetworkView ?? 0,
    };
  });
}

/**
 * Starts counting the page's main-thread CPU time (Chromium's ThreadTime metric, in thread
 * ticks), which unlike frame timings barely depends on what else the machine is running.
 * The returned function gives the CPU milliseconds spent since.
 */
export async function startCpuClock(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
  };
  const started = await read();
  return async () => {
    const spent = (await read()) - started;
    await cdp.detach();
    return spent;
  };
}

/** Counts the flights drawn now (leaving ones excluded). */
export async function countFlights(page: Page): Promise<number> {
  return page.locator('[data-testid="flight"]').count();
}
