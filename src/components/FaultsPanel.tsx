import { useId, useState, type FormEvent } from 'react';
import { linkKey, type LinkSettings, type NetworkConfig, type PartitionMode } from '../sim/network.ts';
import { useSimulation } from '../store/context.tsx';
import { showPercent } from './format.ts';

/** The value of the "Links" select that stands for every link without its own settings. */
const ALL_LINKS = 'all';

/** Reads a percentage as typed: a number from 0 to 100, as a rate from 0 to 1, or why it is refused. */
export function parsePercent(text: string, what: string): number | { error: string } {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value) || value < 0 || value > 100) {
    return { error: `${what} must be a number from 0 to 100 (percent).` };
  }
  return value / 100;
}

/** True iff some directed link would lose every transmission, so reliable delivery would resend forever. */
function losesEverything(network: NetworkConfig, nodeCount: number): boolean {
  for (let from = 0; from < nodeCount; from++) {
    for (let to = 0; to < nodeCount; to++) {
      if (from !== to && (network.links[linkKey(from, to)]?.lossRate ?? network.lossRate) >= 1) return true;
    }
  }
  return false;
}

const RELIABLE_REFUSED = 'Reliable delivery cannot get through 100% loss: it would resend forever. Keep loss below 100% or turn reliable delivery off.';

/** Removes a link's own loss and duplication, keeping any delay of its own. */
function withoutRates(links: NetworkConfig['links'], key: string): NetworkConfig['links'] {
  const { [key]: link, ...others } = links;
  const { lossRate: _loss, dupRate: _dup, ...rest }: LinkSettings = link ?? {};
  return Object.keys(rest).length === 0 ? others : { ...others, [key]: rest };
}

/**
 * Network faults for the run from now on: loss and duplication for all links or one directed
 * link, reliable delivery, what a cut link does, and isolating a node. Refused settings say why.
 */
export function FaultsPanel() {
  const network = useSimulation((s) => s.network);
  const names = useSimulation((s) => s.view.names);
  const cutLinks = useSimulation((s) => s.view.cutLinks);
  const dispatch = useSimulation((s) => s.actions.dispatch);
  const setIsolated = useSimulation((s) => s.actions.setIsolated);
  const [target, setTarget] = useState(ALL_LINKS);
  const [problem, setProblem] = useState<string | undefined>();
  const titleId = useId();

  const pairs: { key: string; label: string }[] = [];
  for (let from = 0; from < names.length; from++) {
    for (let to = 0; to < names.length; to++) if (from !== to) pairs.push({ key: linkKey(from, to), label: `${names[from]}→${names[to]}` });
  }
  const key = pairs.some((p) => p.key === target) ? target : ALL_LINKS;
  const own = key === ALL_LINKS ? undefined : network.links[key];
  const hasOwnRates = own?.lossRate !== undefined || own?.dupRate !== undefined;
  const lossRate = own?.lossRate ?? network.lossRate;
  const dupRate = own?.dupRate ?? network.dupRate;

  /** Applies new settings unless reliable delivery could then never finish. */
  const change = (next: NetworkConfig): boolean => {
    if (next.reliable === true && losesEverything(next, names.length)) {
      setProblem(RELIABLE_REFUSED);
      return false;
    }
    setProblem(undefined);
    dispatch({ kind: 'network', network: next });
    return true;
  };

  const setRates = (loss: number, dup: number): boolean =>
    change(
      key === ALL_LINKS
        ? { ...network, lossRate: loss, dupRate: dup }
        : { ...network, links: { ...network.links, [key]: { ...network.links[key], lossRate: loss, dupRate: dup } } },
    );

  const isIsolated = (node: number): boolean =>
    names.length > 1 && names.every((_, other) => other === node || (cutLinks.includes(linkKey(node, other)) && cutLinks.includes(linkKey(other, node))));

  return (
    <section className="faults" aria-labelledby={titleId}>
      <div className="faults-row">
        <h2 id={titleId}>Faults</h2>
        <label className="control">
          Links
          <select value={key} onChange={(e) => setTarget(e.target.value)}>
            <option value={ALL_LINKS}>All links</option>
            {pairs.map(({ key: k, label }) => {
              const link = network.links[k];
              const custom = link?.lossRate !== undefined || link?.dupRate !== undefined;
              return (
                <option key={k} value={k}>
                  {custom ? `${label} (own settings)` : label}
                </option>
              );
            })}
          </select>
        </label>
        {hasOwnRates && (
          <button
            type="button"
            onClick={() => change({ ...network, links: withoutRates(network.links, key) })}
            title="Use the loss and duplication of all links on this link again"
          >
            Use all-links values
          </button>
        )}
      </div>
      <RatesForm key={`${key}|${lossRate}|${dupRate}`} lossRate={lossRate} dupRate={dupRate} onSet={setRates} onRefuse={setProblem} />
      <div className="faults-row">
        <label className="control" title="Acknowledge every message and resend it until acknowledged; duplicates are discarded">
          <input type="checkbox" checked={network.reliable === true} onChange={(e) => change({ ...network, reliable: e.target.checked })} />
          Reliable delivery
        </label>
        <label className="control">
          <span className="visually-hidden">Partition mode</span>
          <select value={network.partitionMode} onChange={(e) => change({ ...network, partitionMode: e.target.value as PartitionMode })}>
            <option value="hold">Cut links hold messages</option>
            <option value="drop">Cut links drop messages</option>
          </select>
        </label>
      </div>
      <fieldset className="faults-row isolate">
        <legend>Isolate</legend>
        {names.map((name, i) => {
          const isolated = isIsolated(i);
          return (
            <button
              key={name}
              type="button"
              aria-pressed={isolated}
              aria-label={`Isolate ${name}`}
              title={isolated ? `Reconnect ${name}: heal every link to and from it` : `Cut every link to and from ${name}`}
              onClick={() => {
                setProblem(undefined);
                setIsolated(i, !isolated);
              }}
            >
              {name}
            </button>
          );
        })}
      </fieldset>
      {problem && (
        <p className="refused" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

/** Loss and duplication as percentages, applied together with Set or Enter. */
function RatesForm({
  lossRate,
  dupRate,
  onSet,
  onRefuse,
}: {
  lossRate: number;
  dupRate: number;
  onSet: (loss: number, dup: number) => boolean;
  onRefuse: (problem: string) => void;
}) {
  const [loss, setLoss] = useState(showPercent(lossRate));
  const [dup, setDup] = useState(showPercent(dupRate));
  const [invalid, setInvalid] = useState(false);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const parsedLoss = parsePercent(loss, 'Loss');
    const parsedDup = parsePercent(dup, 'Duplication');
    const refusal = typeof parsedLoss === 'object' ? parsedLoss : typeof parsedDup === 'object' ? parsedDup : undefined;
    if (refusal) {
      setInvalid(true);
      onRefuse(refusal.error);
      return;
    }
    setInvalid(false);
    onSet(parsedLoss as number, parsedDup as number);
  };

  return (
    <form className="faults-row" onSubmit={submit} aria-label="Loss and duplication" noValidate>
      <label className="control">
        Loss
        <input type="number" inputMode="decimal" min={0} max={100} step="any" value={loss} aria-label="Loss (%)" aria-invalid={invalid} onChange={(e) => setLoss(e.target.value)} />
        %
      </label>
      <label className="control">
        Duplication
        <input type="number" inputMode="decimal" min={0} max={100} step="any" value={dup} aria-label="Duplication (%)" aria-invalid={invalid} onChange={(e) => setDup(e.target.value)} />
        %
      </label>
      <button type="submit">Set</button>
    </form>
  );
}
