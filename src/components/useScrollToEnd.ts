import { useEffect, useRef, type RefObject } from 'react';

/** Keeps a scrolling list pinned to its newest entry whenever `count` changes. */
export function useScrollToEnd<T extends HTMLElement>(count: number): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && count > 0) el.scrollTop = el.scrollHeight;
  }, [count]);
  return ref;
}
