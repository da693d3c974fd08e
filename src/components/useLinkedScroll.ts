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
 * other. Positions match as fractions of each box's scroll range, since the boxes differ in
 * height. A scroll that sets the other box makes that box's own scroll event find this one in
 * place already, so the two do not chase each other.
 */
export function useLinkedScroll(): LinkedScroll {
  const [linked] = useState<LinkedScroll>(() => {
    const boxes: [HTMLElement | null, HTMLElement | null] = [null, null];
    const follow = (from: HTMLElement, to: HTMLElement | null): void => {
      if (!to) return;
      const range = from.scrollHeight - from.clientHeight;
      const target = Math.round((range > 0 ? from.scrollTop / range : 0) * (to.scrollHeight - to.clientHeight));
      if (Math.abs(to.scrollTop - target) >= 1.5) to.scrollTop = target;
    };
    return {
      refs: [(box) => void (boxes[0] = box), (box) => void (boxes[1] = box)],
      onScroll: [(event) => follow(event.currentTarget, boxes[1]), (event) => follow(event.currentTarget, boxes[0])],
    };
  });
  return linked;
}
