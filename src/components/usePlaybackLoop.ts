import { useEffect } from 'react';
import { useSimulation } from '../store/context.tsx';

/** While playing, advances virtual time once per animation frame by the real time elapsed. */
export function usePlaybackLoop(): void {
  const playing = useSimulation((s) => s.playing);
  const tick = useSimulation((s) => s.actions.tick);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last: number | undefined;
    const loop = (time: number): void => {
      if (last !== undefined) tick(time - last);
      last = time;
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [playing, tick]);
}
