import { describe, expect, it } from 'vitest';
import { paintDots, pickDot, PICK_RADIUS, type PlacedDot } from '../../src/components/flight-canvas.ts';
import type { Message } from '../../src/sim/message.ts';
import type { FlightStatus, FlightView } from '../../src/sim/view.ts';
import { recordingContext } from './canvas-context.ts';

function flight(id: number, sender: number, status: FlightStatus = 'flying', control?: 'ack'): FlightView {
  const message = { id: `M${id}`, sender } as unknown as Message;
  return { id, message, from: sender, to: (sender + 1) % 8, sentAt: 0, arriveAt: 1000, status, duplicate: false, ...(control ? { control } : {}) };
}

describe('painting the crowd', () => {
  it('fills a thousand flying dots with one path per sender colour', () => {
    const dots: PlacedDot[] = Array.from({ length: 1000 }, (_, i) => ({ flight: flight(i, i % 8), at: { x: i % 400, y: 200 } }));
    const painted = recordingContext(800);
    paintDots(painted.context, 2, dots, '#fff');
    expect(painted.arcs).toBe(1000);
    expect(painted.fills).toHaveLength(8);
    expect(new Set(painted.fills).size).toBe(8);
  });

  it('draws control flights as squares and held ones with the given fill', () => {
    const painted = recordingContext(800);
    paintDots(painted.context, 1, [{ flight: flight(1, 0, 'flying', 'ack'), at: { x: 10, y: 10 } }, { flight: flight(2, 3, 'held'), at: { x: 50, y: 50 } }], '#0d1117');
    expect(painted.rects).toBe(1);
    expect(painted.arcs).toBe(1);
    expect(painted.fills).toEqual(['#fff', '#0d1117']);
  });
});

describe('picking a painted dot', () => {
  const dots: PlacedDot[] = [
    { flight: flight(1, 0), at: { x: 100, y: 100 } },
    { flight: flight(2, 1), at: { x: 110, y: 100 } },
  ];

  it('picks the nearest dot within reach, and nothing farther than PICK_RADIUS', () => {
    expect(pickDot(dots, { x: 103, y: 101 })?.id).toBe(1);
    expect(pickDot(dots, { x: 108, y: 99 })?.id).toBe(2);
    expect(pickDot(dots, { x: 100, y: 100 + PICK_RADIUS + 0.5 })).toBeUndefined();
    expect(pickDot([], { x: 0, y: 0 })).toBeUndefined();
  });

  it('picks the one drawn last when two dots coincide', () => {
    expect(pickDot([...dots, { flight: flight(3, 2), at: { x: 100, y: 100 } }], { x: 100, y: 100 })?.id).toBe(3);
  });
});
