// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSimArgs } from '../../src/cli/args.ts';
import { replayRun } from '../../src/sim/run.ts';
import { importTrace } from '../../src/sim/trace-file.ts';

const TSX = join('node_modules', '.bin', 'tsx');

describe('sim arguments', () => {
  it('reads every option', () => {
    expect(parseSimArgs(['--nodes', '5', '--messages', '200', '--seed', '42', '--policy', 'fifo', '--delay', '50-500', '--out', 't.json'])).toEqual({
      options: {
        nodes: 5,
        messages: 200,
        seed: 42,
        policy: 'fifo',
        delay: { kind: 'uniform', minMs: 50, maxMs: 500 },
        meanGapMs: 500,
        lossRate: 0,
        dupRate: 0,
        reliable: false,
        format: 'json',
        out: 't.json',
      },
    });
    expect(parseSimArgs(['--delay=exp:10+300'])).toMatchObject({ options: { delay: { kind: 'exponential', minMs: 10, meanMs: 300 } } });
    expect(parseSimArgs(['--out', '-'])).toMatchObject({ options: { out: undefined } });
    expect(parseSimArgs(['--nodes', 'x', '--help'])).toEqual({ help: true });
  });

  it('reads the policy, fault and reliability options', () => {
    expect(parseSimArgs(['--policy', 'total', '--loss', '0.25', '--dup=.1', '--reliable', 'on'])).toMatchObject({
      options: { policy: 'total', lossRate: 0.25, dupRate: 0.1, reliable: true },
    });
    expect(parseSimArgs(['--loss', '1', '--dup', '0', '--reliable', 'off'])).toMatchObject({ options: { lossRate: 1, dupRate: 0, reliable: false } });
    expect(parseSimArgs(['--loss', '0.'])).toMatchObject({ options: { lossRate: 0 } });
  });

  it.each([
    [['--nodes', '1'], '--nodes must be between 2 and 702, got 1'],
    [['--nodes', 'three'], '--nodes needs a whole number, got "three"'],
    [['--policy', 'magic'], '--policy must be one of causal, fifo, none, total, got "magic"'],
    [['--delay', '500-50'], '--delay: delay range 500-50 has its minimum above its maximum'],
    [['--seed'], '--seed needs a whole number, got nothing'],
    [['--colour', 'red'], 'unknown option "--colour"'],
    [['--loss', '1.5'], '--loss must be between 0 and 1, got 1.5'],
    [['--loss', '-0.1'], '--loss needs a decimal from 0 to 1, got "-0.1"'],
    [['--loss', '10%'], '--loss needs a decimal from 0 to 1, got "10%"'],
    [['--dup'], '--dup needs a decimal from 0 to 1, got nothing'],
    [['--dup', '2'], '--dup must be between 0 and 1, got 2'],
    [['--reliable', 'yes'], '--reliable must be on or off, got "yes"'],
    [['--reliable', 'on', '--loss', '1'], '--loss must be below 1 with --reliable on, or nothing ever arrives and the run never ends'],
    [['--nodes', '3', '--nodes', '5'], '--nodes is given twice'],
    [['--out', '--nodes', '4'], '--out needs a value, got the option "--nodes"'],
    [['--nodes', '702', '--messages', '1000'], '702 nodes and 1000 messages would make a trace of about 493,506,000 clock entries (at most 50,000,000), more than fits in memory; use fewer --messages or --nodes'],
    [['--messages', '2000000'], '3 nodes and 2000000 messages would make a trace of about 12,000,000 events (at most 2,000,000), more than fits in memory; use fewer --messages or --nodes'],
  ])('refuses %j', (argv, error) => {
    expect(parseSimArgs(argv)).toEqual({ error });
  });
});

describe('npm run sim', () => {
  it('writes the same trace for the same seed and a summary on stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const args = ['src/cli/sim.ts', '--nodes', '4', '--messages', '30', '--seed', '42', '--delay', '50-500'];
    const first = spawnSync(TSX, [...args, '--out', join(dir, 'a.json')], { encoding: 'utf8' });
    execFileSync(TSX, [...args, '--out', join(dir, 'b.json')]);
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/^sim: 4 nodes, 30 messages, 120 deliveries, .* 0 causal violations, policy causal, seed 42/);
    const a = readFileSync(join(dir, 'a.json'), 'utf8');
    expect(a).toBe(readFileSync(join(dir, 'b.json'), 'utf8'));
    const trace = JSON.parse(a);
    expect(trace).toMatchObject({ format: 'causal-chat-trace', version: 1, nodes: ['A', 'B', 'C', 'D'], config: { seed: 42, policy: 'causal' } });
    expect(trace.events.filter((e: { type: string }) => e.type === 'deliver')).toHaveLength(120);
  });

  it.each([
    [['--nodes', '0'], 'sim: --nodes must be between 2 and 702, got 0'],
    [['--loss', '1.2'], 'sim: --loss must be between 0 and 1, got 1.2'],
    [['--dup', 'lots'], 'sim: --dup needs a decimal from 0 to 1, got "lots"'],
    [['--reliable', 'maybe'], 'sim: --reliable must be on or off, got "maybe"'],
    [['--format', 'xml'], 'sim: --format must be json or shiviz, got "xml"'],
  ])('exits with 2 and says why on %j', (argv, message) => {
    const result = spawnSync(TSX, ['src/cli/sim.ts', ...argv], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${message} (--help lists the options)\n`);
    expect(result.stdout).toBe('');
  });

  it('writes a relative --out where the command was typed, not in the project npm runs it from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const result = spawnSync(TSX, ['src/cli/sim.ts', '--messages', '2', '--out', 'here.json'], { encoding: 'utf8', env: { ...process.env, INIT_CWD: dir, npm_lifecycle_event: 'sim' } });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain(`trace in ${join(dir, 'here.json')}`);
    expect(JSON.parse(readFileSync(join(dir, 'here.json'), 'utf8')).format).toBe('causal-chat-trace');
  });

  it('says in one line when stdout cannot take the trace, after no summary', () => {
    const result = spawnSync('sh', ['-c', `${TSX} src/cli/sim.ts --messages 20 > /dev/full`], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^sim: cannot write the trace to stdout: ENOSPC[^\n]*\n$/);
  });

  it('says when the app cannot open the trace it wrote', () => {
    const result = spawnSync(TSX, ['src/cli/sim.ts', '--nodes', '9', '--messages', '3'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('sim: the app cannot open this trace: 9 nodes (it shows 2 to 8)');
    // A run that goes quiet past the time the app replays to.
    const late = spawnSync(TSX, ['src/cli/sim.ts', '--nodes', '3', '--messages', '400', '--gap', '3600000'], { encoding: 'utf8' });
    expect(late.status).toBe(0);
    expect(late.stderr).toMatch(/sim: the app cannot open this trace: quiet at t=\d+ ms \(it replays up to t=1000000000 ms\)/);
    const refused = importTrace(late.stdout);
    expect('error' in refused && refused.error).toMatch(/position is wrong/);
  });

  it('runs total order over a lossy, duplicating network with reliable delivery to the end', () => {
    const args = ['src/cli/sim.ts', '--nodes', '4', '--messages', '25', '--seed', '7', '--policy', 'total', '--loss', '0.3', '--dup', '0.2', '--reliable', 'on'];
    const result = spawnSync(TSX, args, { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/^sim: 4 nodes, 25 messages, 100 deliveries, .* 0 causal violations, policy total, seed 7/);
    const trace = JSON.parse(result.stdout);
    expect(trace.config).toMatchObject({ policy: 'total', lossRate: 0.3, dupRate: 0.2, reliable: true });
    const types = new Set(trace.events.map((e: { type: string }) => e.type));
    expect([...types]).toEqual(expect.arrayContaining(['order', 'retransmit', 'drop', 'discard']));
    const sequences = ['A', 'B', 'C', 'D'].map((node) =>
      trace.events.filter((e: { type: string; node: string }) => e.type === 'deliver' && e.node === node).map((e: { msg: string }) => e.msg),
    );
    for (const sequence of sequences) expect(sequence).toEqual(sequences[0]);
    expect(spawnSync(TSX, args, { encoding: 'utf8' }).stdout).toBe(result.stdout);
  });

  it('writes where the run went quiet, so the app opens it there and not at its last event', () => {
    // Reliable delivery's last acknowledgements leave no event in the trace, but take time.
    const result = spawnSync(TSX, ['src/cli/sim.ts', '--nodes', '3', '--messages', '6', '--seed', '5', '--loss', '0.2', '--reliable', 'on'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const quietAt = Number(/quiet at t=(\d+) ms/.exec(result.stderr)?.[1]);
    const imported = importTrace(result.stdout);
    if ('error' in imported) throw new Error(imported.error);
    expect(imported.run.now).toBe(quietAt);
    expect(imported.run.now).toBeGreaterThan(imported.trace.events.at(-1)?.t ?? Infinity);
    expect(replayRun(imported.run).nextEventAt).toBeUndefined();
  });

  it('writes the same run as a ShiViz log with --format shiviz', () => {
    const args = ['src/cli/sim.ts', '--nodes', '3', '--messages', '5', '--seed', '3'];
    const json = spawnSync(TSX, args, { encoding: 'utf8' });
    const shiviz = spawnSync(TSX, [...args, '--format', 'shiviz'], { encoding: 'utf8' });
    expect(shiviz.status).toBe(0);
    const lines = shiviz.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['(?<host>\\S*) (?<clock>{.*})\\n(?<event>.*)', '']);
    const sends = JSON.parse(json.stdout).events.filter((e: { type: string }) => e.type === 'send').length;
    expect(lines.filter((line) => line.startsWith('send '))).toHaveLength(sends);
  });
});
