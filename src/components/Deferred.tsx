import { Component, Suspense, type ReactNode } from 'react';

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

/**
 * Renders lazily loaded `children`: `fallback` while their code is fetched, and `failed`
 * (by default the fallback) if it cannot be, say offline before it was ever cached.
 */
export function Deferred({ fallback, failed = fallback, children }: { fallback: ReactNode; failed?: ReactNode; children: ReactNode }) {
  return (
    <LoadFailureBoundary failed={failed}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadFailureBoundary>
  );
}
