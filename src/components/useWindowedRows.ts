import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { RowHeights } from './row-heights.ts';

/** Height assumed for a list not laid out yet (or in a test DOM without layout). */
const FALLBACK_VIEWPORT_PX = 720;
/** How close to the bottom counts as "at the end", so the list keeps following new rows. */
const END_SLACK_PX = 24;

/** What a rendered row spreads on its element: its index for measuring, its place for assistive technology. */
export interface RowProps {
  readonly 'data-row': number;
  readonly 'aria-posinset': number;
  readonly 'aria-setsize': number;
}

/** The slice of a long list to render, and how to lay it out. */
export interface WindowedRows<T extends HTMLElement> {
  /** The scrolling element's `ref` callback; rows are found inside it by their `data-row`. */
  readonly attachScroller: (element: T | null) => () => void;
  readonly onScroll: () => void;
  /** The first row to render. */
  readonly start: number;
  /** One past the last row to render. */
  readonly end: number;
  /** Space standing for the rows above `start`, as padding on the list. */
  readonly padTopPx: number;
  /** Space standing for the rows from `end` on. */
  readonly padBottomPx: number;
  rowProps(index: number): RowProps;
  /**
   * Scrolls up just enough to show the top of the last element on the page matching `selector`
   * (say, the message a selected one depends on) when it starts above the view, without leaving
   * the end for good: a list following its newest row follows again from the next one. A list
   * holding the focus is left alone.
   */
  revealTop(selector: string): void;
}

/** Where the scroller is and how tall it is, as last read from the page. */
interface ScrollState {
  readonly topPx: number;
  readonly viewportPx: number;
  readonly atEnd: boolean;
  /** After `revealTop` scrolled a following list up: its row count then. It follows again once the count changes. */
  readonly resumeAt?: number;
}

/** A row's offset from the top of the scrolled content, wherever the scroller sits on the page. */
function contentOffsetPx(scroller: HTMLElement, row: Element): number {
  return row.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

/**
 * Where a list following its newest row scrolls to: the end, unless the newest row is taller
 * than the view (a flagged message in a small window), whose beginning is shown instead. The
 * list counts as at its end from there on down.
 */
function endTargetPx(scroller: HTMLElement, lastIndex: number): number {
  const bottom = scroller.scrollHeight - scroller.clientHeight;
  const last = lastIndex >= 0 ? scroller.querySelector(`[data-row="${lastIndex}"]`) : null;
  if (!(last instanceof HTMLElement) || last.offsetHeight <= scroller.clientHeight) return bottom;
  return Math.max(0, Math.min(bottom, contentOffsetPx(scroller, last)));
}

/**
 * Windowing for a long list: only the rows in view (plus `overscanRows` either side) are
 * rendered, with padding for the rest, so a chat of 10,000 messages costs what one of 30 does.
 * Rows are measured as they are shown; when rows appear above the view the scroll position is
 * corrected, so what the reader looks at stays put. With `followEnd`, the list stays pinned
 * to its newest row while the reader is at the end, and stays where it is once they scroll up.
 */
export function useWindowedRows<T extends HTMLElement>(
  count: number,
  { estimateRowPx, overscanRows = 6, followEnd = false }: { estimateRowPx: number; overscanRows?: number; followEnd?: boolean },
): WindowedRows<T> {
  const scroller = useRef<T | null>(null);
  const [heights] = useState(() => new RowHeights(estimateRowPx));
  const [scroll, setScroll] = useState<ScrollState>({ topPx: 0, viewportPx: 0, atEnd: true });
  const [, setMeasured] = useState(0);
  /** A row on the page at the last commit and its offset then: if rows above it change, the view moves to match. */
  const anchor = useRef<{ index: number; offsetPx: number } | undefined>(undefined);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  const [observed] = useState(() => new Set<Element>());
  /** How many rows there were at the last commit that read the layout. */
  const countSeen = useRef(-1);
  /** The rows shown and their total height at the last commit that read the layout. */
  const laidOut = useRef('');
  /** The scroll position `revealTop` set: its own scroll event (maybe within the end's slack) is not the reader's. */
  const revealedAt = useRef<number | undefined>(undefined);
  /** What the last commit put on the page, for deciding whether new measurements call for another render. */
  const committed = useRef({ start: 0, end: 0, topPx: 0, viewportPx: FALLBACK_VIEWPORT_PX, following: false });
  heights.resize(count);

  const viewportPx = scroll.viewportPx > 0 ? scroll.viewportPx : FALLBACK_VIEWPORT_PX;
  const following = followEnd && (scroll.atEnd || (scroll.resumeAt !== undefined && scroll.resumeAt !== count));
  const topPx = following ? Math.max(0, heights.totalPx - viewportPx) : scroll.topPx;
  const start = Math.max(0, heights.indexAt(topPx) - overscanRows);
  const end = Math.min(count, heights.indexAt(topPx + viewportPx) + 1 + overscanRows);

  /** True while the rows on the page still cover the view with the heights known now, so a render would change nothing seen. */
  const stillCovered = useCallback((): boolean => {
    const { start: first, end: last, topPx: top, viewportPx: viewport, following: pinned } = committed.current;
    const from = pinned ? Math.max(0, heights.totalPx - viewport) : top;
    return heights.indexAt(from) >= first && (heights.indexAt(from + viewport) < last || last >= heights.count);
  }, [heights]);

  /** Keeps the scroller, and measures it and every row shown as their sizes change. */
  const attachScroller = useCallback(
    (element: T | null) => {
      scroller.current = element;
      const watch = element && typeof ResizeObserver !== 'undefined' ? new ResizeObserver((entries) => {
        let changed = false;
        let gapPx: number | undefined;
        for (const entry of entries) {
          const el = entry.target as HTMLElement;
          if (el === element) {
            const viewport = element.clientHeight;
            setScroll((prev) => (prev.viewportPx === viewport ? prev : { ...prev, viewportPx: viewport }));
          } else if (el.isConnected && el.dataset.row !== undefined) {
            gapPx ??= el.parentElement ? Number.parseFloat(getComputedStyle(el.parentElement).rowGap) || 0 : 0;
            changed = heights.setHeight(Number(el.dataset.row), el.offsetHeight + gapPx) || changed;
          }
        }
        if (changed && committed.current.following) element.scrollTop = Math.max(element.scrollTop, endTargetPx(element, heights.count - 1));
        if (changed && !stillCovered()) setMeasured((n) => n + 1);
      }) : undefined;
      if (element) watch?.observe(element);
      observer.current = watch;
      return () => {
        watch?.disconnect();
        observed.clear();
        observer.current = undefined;
        scroller.current = null;
      };
    },
    [heights, observed, stillCovered],
  );

  /**
   * Before paint, whenever the rows shown or their sizes change: watches the rows shown and keeps
   * the view pinned, to the end or to the row being read. Reading layout here is what costs, so it
   * runs only then.
   */
  useLayoutEffect(() => {
    const el = scroller.current;
    committed.current = { start, end, topPx, viewportPx, following };
    const layout = `${start} ${end} ${count} ${heights.totalPx} ${following}`;
    if (!el || layout === laidOut.current) return;
    laidOut.current = layout;
    const rowsChanged = count !== countSeen.current;
    countSeen.current = count;
    const watch = observer.current;
    if (watch) {
      const shown = new Set(el.querySelectorAll('[data-row]'));
      for (const row of observed) {
        if (shown.has(row)) continue;
        watch.unobserve(row);
        observed.delete(row);
      }
      for (const row of shown) {
        if (observed.has(row)) continue;
        watch.observe(row);
        observed.add(row);
      }
    }
    if (following) {
      // To a new newest row (or back to the one before, after a rewind); otherwise forward only,
      // so a reader who went on to the end of a tall newest row stays there.
      const target = endTargetPx(el, count - 1);
      el.scrollTop = rowsChanged ? target : Math.max(el.scrollTop, target);
      anchor.current = undefined;
      return;
    }
    const held = anchor.current && el.querySelector(`[data-row="${anchor.current.index}"]`);
    if (held && anchor.current) el.scrollTop += contentOffsetPx(el, held) - anchor.current.offsetPx;
    const index = heights.indexAt(el.scrollTop);
    const top = el.querySelector(`[data-row="${index}"]`);
    anchor.current = top ? { index, offsetPx: contentOffsetPx(el, top) } : undefined;
  });

  const revealTop = useCallback((selector: string): void => {
    const el = scroller.current;
    const rows = el?.querySelectorAll(selector);
    const row = rows?.[rows.length - 1];
    // The list holding the focus (the message just clicked, or reached by Tab) stays where it is.
    if (!el || !row || el.contains(el.ownerDocument.activeElement)) return;
    const top = Math.max(0, Math.floor(contentOffsetPx(el, row)));
    if (top >= el.scrollTop) return;
    el.scrollTop = top;
    revealedAt.current = el.scrollTop;
    const resume = committed.current.following ? { resumeAt: heights.count } : {};
    // Until the render this asks for, new measurements must not pin the list back to its end.
    committed.current = { ...committed.current, following: false };
    setScroll((prev) => ({ topPx: el.scrollTop, viewportPx: el.clientHeight, atEnd: false, ...(prev.resumeAt === undefined ? resume : { resumeAt: prev.resumeAt }) }));
  }, [heights]);

  return {
    attachScroller,
    onScroll: () => {
      const el = scroller.current;
      if (!el) return;
      if (revealedAt.current !== undefined && Math.abs(el.scrollTop - revealedAt.current) < 1) return;
      revealedAt.current = undefined;
      const next = { topPx: el.scrollTop, viewportPx: el.clientHeight, atEnd: el.scrollTop >= endTargetPx(el, count - 1) - END_SLACK_PX };
      /** While following, where exactly the end lies changes nothing drawn. */
      const same = (prev: ScrollState): boolean =>
        prev.resumeAt === undefined && prev.viewportPx === next.viewportPx && prev.atEnd === next.atEnd && (prev.topPx === next.topPx || (followEnd && next.atEnd));
      setScroll((prev) => (same(prev) ? prev : next));
    },
    start,
    end,
    padTopPx: heights.offsetOf(start),
    padBottomPx: heights.totalPx - heights.offsetOf(end),
    rowProps: (index) => ({ 'data-row': index, 'aria-posinset': index + 1, 'aria-setsize': count }),
    revealTop,
  };
}
