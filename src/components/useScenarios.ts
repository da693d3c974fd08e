import { useEffect, useState } from 'react';
import { loadScenarios, whenPainted } from '../deferred.ts';
import type { Scenario } from '../scenarios/scenario.ts';

/** The classroom scenarios, once their chunk has loaded; undefined until then. */
export function useScenarios(): readonly Scenario[] | undefined {
  const [scenarios, setScenarios] = useState<readonly Scenario[] | undefined>(undefined);
  useEffect(() => {
    let mounted = true;
    whenPainted()
      .then(loadScenarios)
      .then(({ SCENARIOS }) => {
        if (mounted) setScenarios(SCENARIOS);
      })
      .catch(() => {
        // Offline before the chunk was cached: the picker stays empty, the rest works.
      });
    return () => {
      mounted = false;
    };
  }, []);
  return scenarios;
}
