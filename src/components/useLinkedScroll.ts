import { useState, type UIEvent } from 'react';

interface LinkedScroll {
  /** Ref callbacks for the two boxes. */
  readonly refs: readonly [(box: HTMLElement | null) => void, (box: HTMLElement | null) => void];
  /** Scroll handlers for the two boxes. */
  readonly onScroll: readonly [(event: UIEvent<HTMLElement>) => void, (event: UIEvent<HTMLElement>) => void];
}

/**
 * Links the vertical scrolling of two boxes (the two panes' node windows when comparing
 * policies), so that scrolling one to its second row of windows shows the same nodes in the
 * other. Positions match as fractions of each box's scroll range, since their windows differ
 * in height. The scroll event that setting a box causes is its own echo, and is ignored: by
 * the time it fires, a trackpad or momentum scroll has moved the first box on, and following
 * the echo would pull it back. A resize needs nothing more: the scroll anchoring and clamping
 * it causes fire scroll events, which are followed.
 *
 * A box takes keyboard focus while it has something to scroll, as the comparison pane has no
 * inputs and the keyboard could not scroll it otherwise; stacked on a narrow screen, where the
 * boxes do not scroll, it would be a spare tab stop.
 */
export function useLinkedScroll(): LinkedScroll {
  const [linked] = useState<LinkedScroll>(() => {
    const boxes: [HTMLElement | null, HTMLElement | null] = [null, null];
    /** Per box, the position this hook last set it to, until its scroll event arrives. */
    const set: [number | undefined, number | undefined] = [undefined, undefined];
    const follow = (index: 0 | 1): void => {
      const from = boxes[index];
      const other = index === 0 ? 1 : 0;
      const to = boxes[other];
      const echo = set[index];
      set[index] = undefined;
      if (!from || !to || (echo !== undefined && Math.abs(from.scrollTop - echo) < 1.5)) return;
      const range = from.scrollHeight - from.clientHeight;
      const target = Math.round((range > 0 ? from.scrollTop / range : 0) * (to.scrollHeight - to.clientHeight));
      if (Math.abs(to.scrollTop - target) < 1.5) return;
      to.scrollTop = target;
      set[other] = to.scrollTop;
    };
    const focusable = (box: HTMLElement): void => {
      if (box.scrollHeight > box.clientHeight) box.tabIndex = 0;
      else box.removeAttribute('tabindex');
    };
    const resized = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => {
      for (const box of boxes) if (box) focusable(box);
    });
    const attach = (index: 0 | 1) => (box: HTMLElement | null): void => {
      const before = boxes[index];
      if (before && before !== box) {
        resized?.unobserve(before);
        before.removeAttribute('tabindex');
      }
      boxes[index] = box;
      set[index] = undefined;
      if (!box) return;
      focusable(box);
      resized?.observe(box);
    };
    return { refs: [attach(0), attach(1)], onScroll: [() => follow(0), () => follow(1)] };
  });
  return linked;
}
