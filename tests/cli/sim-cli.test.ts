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
      options: { nodes: 5, messages: 200, seed: 42, policy: 'fifo', delay: { kind: 'uniform', minMs: 50, maxMs: 500 }, meanGapMs: 500, out: 't.json' },
    });
    expect(parseSimArgs(['--delay=exp:10+300'])).toMatchObject({ options: { delay: { kind: 'exponential', minMs: 10, meanMs: 300 } } });
  });

  it.each([
    [['--nodes', '1'], '--nodes must be between 2 and 702, got 1'],
    [['--nodes', 'three'], '--nodes needs a whole number, got "three"'],
    [['--policy', 'magic'], '--policy must be one of causal, fifo, none, total, got "magic"'],
    [['--delay', '500-50'], '--delay: delay range 500-50 has its minimum above its maximum'],
    [['--seed'], '--seed needs a whole number, got nothing'],
    [['--colour', 'red'], 'unknown option "--colour"'],
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

  it('exits with 2 and says why on a bad argument', () => {
    const result = spawnSync(TSX, ['src/cli/sim.ts', '--nodes', '0'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('sim: --nodes must be between 2 and 702, got 0');
    expect(result.stdout).toBe('');
  });
});
