import { Fragment, useState, type ReactNode } from 'react';

/**
 * A node's vector clock as `[1, 0, 0]`, with the entries that changed last marked. Dense
 * layouts drop the spaces (`[1,0,0]`) so eight entries fit on one line of a small window.
 */
export function ClockView({
  name,
  names,
  clock,
  testId = `clock-${name}`,
}: {
  name: string;
  names: readonly string[];
  clock: readonly number[];
  testId?: string;
}) {
  const [previous, setPrevious] = useState(clock);
  const [changed, setChanged] = useState<readonly boolean[]>(() => clock.map(() => false));
  if (previous !== clock) {
    const increased = clock.map((v, k) => v > (previous[k] ?? 0));
    const restarted = clock.some((v, k) => v < (previous[k] ?? 0));
    setPrevious(clock);
    if (restarted || increased.some(Boolean)) setChanged(increased);
  }
  const spoken = clock.map((v, k) => `${names[k] ?? ''} ${v}`).join(', ');
  return (
    <span className="clock">
      <span className="visually-hidden">Vector clock of {name}: {spoken}</span>
      <span aria-hidden="true" data-testid={testId}>
        [
        {clock.map((value, k) => (
          <Fragment key={names[k]}>
            {k > 0 && (
              <>
                ,<span className="clock-gap">{' '}</span>
              </>
            )}
            <span
              key={`${names[k]}-${value}`}
              className={changed[k] ? 'clock-entry changed' : 'clock-entry'}
              title={`${names[k]}: ${value} message${value === 1 ? '' : 's'} from ${names[k]} known`}
            >
              {value}
            </span>
          </Fragment>
        ))}
        ]
      </span>
    </span>
  );
}

/**
 * A message's timestamp as `[1, 0, 0]`. Like the clock, dense layouts hide the spaces
 * (`[1,0,0]`), so a stamp of eight entries stays on one line of a small window; the text
 * tests and screen readers read keeps them.
 */
export function Stamp({ vc }: { vc: readonly number[] }) {
  return (
    <span className="stamp">
      [
      {vc.map((value, k) =>
        k === 0 ? (
          value
        ) : (
          <Fragment key={k}>
            ,<span className="clock-gap"> </span>
            {value}
          </Fragment>
        ),
      )}
      ]
    </span>
  );
}

/** A timestamp as running text writes it: `[1, 0, 0]`. */
const STAMP_IN_TEXT = /\[\d+(?:, \d+)*\]/g;

/**
 * Running text, such as the inspector's reasons, with each timestamp in it set as a stamp:
 * a stamp moves to the next line whole instead of breaking as `[1, 0,` above `0]`.
 */
export function WithStamps({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let from = 0;
  for (const match of text.matchAll(STAMP_IN_TEXT)) {
    parts.push(text.slice(from, match.index));
    parts.push(
      <span key={match.index} className="stamp">
        {match[0]}
      </span>,
    );
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return <>{parts}</>;
}
