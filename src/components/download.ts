/** Offers `blob` to the user as a file called `name`. */
function offer(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function svgBlob(svg: SVGSVGElement): Blob {
  return new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' });
}

/** Saves an SVG element, with its inline styles, as an .svg file. */
export function downloadSvg(svg: SVGSVGElement, name: string): void {
  offer(svgBlob(svg), name);
}

/** Saves an SVG element as a .png at twice its size, for slides. */
export async function downloadPng(svg: SVGSVGElement, name: string): Promise<void> {
  const url = URL.createObjectURL(svgBlob(svg));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = svg.width.baseVal.value * scale;
    canvas.height = svg.height.baseVal.value * scale;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (png) offer(png, name);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * One SVG of what the page shows as a base with layers over it: a copy of `base` with the
 * marks of `layers` (each layer's groups of marks, in paint order) drawn on top, `x` px right
 * of the base's origin, clipped to the box `clip` (from x, top to bottom) as the page's box
 * around the layers clips them. It is titled with the aria-label of the base or of its closest
 * labelled ancestor.
 */
export function joinLayers(base: SVGSVGElement, clip: { readonly x: number; readonly width: number; readonly height: number }, layers: Iterable<Element>, x: number): SVGSVGElement {
  const svgNs = 'http://www.w3.org/2000/svg';
  const joined = base.cloneNode(true) as SVGSVGElement;
  const label = base.closest('[aria-label]')?.getAttribute('aria-label');
  if (label) {
    const title = document.createElementNS(svgNs, 'title');
    title.textContent = label;
    joined.prepend(title);
  }
  const clipPath = document.createElementNS(svgNs, 'clipPath');
  clipPath.id = 'joined-clip';
  const box = document.createElementNS(svgNs, 'rect');
  for (const [name, value] of Object.entries({ x: clip.x, y: 0, width: clip.width, height: clip.height })) box.setAttribute(name, String(value));
  clipPath.append(box);
  const clipped = document.createElementNS(svgNs, 'g');
  clipped.setAttribute('clip-path', 'url(#joined-clip)');
  const shifted = document.createElementNS(svgNs, 'g');
  shifted.setAttribute('transform', `translate(${x} 0)`);
  for (const layer of layers) for (const child of layer.childNodes) shifted.append(child.cloneNode(true));
  clipped.append(shifted);
  joined.append(clipPath, clipped);
  return joined;
}
