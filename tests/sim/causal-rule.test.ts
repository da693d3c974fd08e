import { describe, expect, it } from 'vitest';
import { findCausalBlocker, isCausallyDeliverable } from '../../src/sim/causal-rule.ts';

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
});
