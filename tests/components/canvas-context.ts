/** What a fake 2D context saw painted: the fill style of every fill, and the shapes added. */
export interface PaintRecord {
  readonly fills: string[];
  arcs: number;
  rects: number;
  readonly context: CanvasRenderingContext2D;
}

/** A 2D context for jsdom (which has none) that records what is painted on a canvas of `side` pixels. */
export function recordingContext(side: number): PaintRecord {
  const ignore = (): void => undefined;
  const fills: string[] = [];
  const context = {
    canvas: { width: side, height: side },
    fillStyle: '',
    setTransform: ignore,
    clearRect: ignore,
    beginPath: ignore,
    moveTo: ignore,
    stroke: ignore,
    setLineDash: ignore,
    arc: () => void record.arcs++,
    rect: () => void record.rects++,
    fill: () => void fills.push(context.fillStyle),
  };
  const record: PaintRecord = { fills, arcs: 0, rects: 0, context: context as unknown as CanvasRenderingContext2D };
  return record;
}
