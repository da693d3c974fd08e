import { Component, Suspense, useEffect, useState, type ReactNode } from 'react';
import { hasPainted, whenPainted } from '../deferred.ts';

interface BoundaryProps {
  readonly failed: ReactNode;
  readonly children: ReactNode;
}

/** Catches a lazy chunk that could not be fetched, so the rest of the page keeps working. */
class LoadFailureBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.failed : this.props.children;
  }
}

/** False until the page's first contentful paint (true at once for views mounted later). */
function usePainted(): boolean {
  const [painted, setPainted] = useState(hasPainted);
  useEffect(() => {
    if (painted) return;
    let mounted = true;
    void whenPainted().then(() => {
      if (mounted) setPainted(true);
    });
    return () => {
      mounted = false;
    };
  }, [painted]);
  return painted;
}

/**
 * Renders lazily loaded `children`: `fallback` until the page's first contentful paint and while
 * their code is fetched, and `failed` (by default the fallback) if it cannot be, say offline
 * before it was ever cached. Waiting for first paint keeps their requests from delaying it.
 */
export function Deferred({ fallback, failed = fallback, children }: { fallback: ReactNode; failed?: ReactNode; children: ReactNode }) {
  const painted = usePainted();
  if (!painted) return fallback;
  return (
    <LoadFailureBoundary failed={failed}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadFailureBoundary>
  );
}
