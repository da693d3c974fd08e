/**
 * Node colours from the Okabe–Ito colour-blind-safe palette, always shown with the node's
 * letter so nothing is told by colour alone.
 */
const NODE_COLORS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#0072B2', '#D55E00', '#F0E442', '#999999'] as const;

/** Returns the colour of node `index`. */
export function nodeColor(index: number): string {
  return NODE_COLORS[index % NODE_COLORS.length] as string;
}
