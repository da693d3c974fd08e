// @vitest-environment node
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSimArgs } from '../../src/cli/args.ts';

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
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
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
