import { describe, expect, it } from 'vitest';
import { findCausalBlocker, findRaisedBlocker, isCausallyDeliverable } from '../../src/sim/causal-rule.ts';

describe('Birman–Schiper–Stephenson delivery rule', () => {
  it('delivers the next message from a sender whose dependencies are met', () => {
    expect(isCausallyDeliverable([0, 0, 0], [1, 0, 0], 0)).toBe(true);
    expect(isCausallyDeliverable([1, 0, 0], [1, 1, 0], 1)).toBe(true);
  });

  it('holds a message whose sender had seen more than the receiver', () => {
    expect(isCausallyDeliverable([0, 0, 0], [1, 1, 0], 1)).toBe(false);
    expect(findCausalBlocker([0, 0, 0], [1, 1, 0], 1)).toBe(0);
  });

  it('holds a message that skips one of its sender’s earlier messages', () => {
    expect(findCausalBlocker([0, 0, 0], [0, 2, 0], 1)).toBe(1);
  });

  it('does not deliver an already delivered message again', () => {
    expect(isCausallyDeliverable([1, 1, 0], [1, 1, 0], 1)).toBe(false);
  });

  it('resumes the scan from a given entry', () => {
    expect(findCausalBlocker([0, 0, 0, 0], [1, 1, 0, 1], 1, 2)).toBe(3);
  });

  it('compares a next message only in the entries its stamp raised, from a given pair on', () => {
    // C's previous stamp was [1, 0, 1]; its next, [3, 2, 2], raised A to 3 and B to 2.
    const raised = [0, 3, 1, 2];
    expect(findRaisedBlocker([3, 2, 1], raised)).toBe(-1);
    expect(findRaisedBlocker([2, 2, 1], raised)).toBe(0);
    expect(findRaisedBlocker([3, 1, 1], raised)).toBe(2);
    expect(findRaisedBlocker([2, 1, 1], raised, 2)).toBe(2);
  });
});
