import { LazyMotion, MotionConfig } from 'framer-motion';
import type { ComponentProps } from 'react';
import { loadMotionFeatures } from '../deferred.ts';
import { BufferList } from './BufferList.tsx';

/**
 * A node's hold-back buffer with framer-motion around it: this module (and with it
 * framer-motion's core) loads after first paint, its animation features later still.
 */
export function AnimatedBufferList(props: ComponentProps<typeof BufferList>) {
  return (
    <LazyMotion features={loadMotionFeatures} strict>
      <MotionConfig reducedMotion="user">
        <BufferList {...props} />
      </MotionConfig>
    </LazyMotion>
  );
}
