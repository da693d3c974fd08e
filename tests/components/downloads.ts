import { vi } from 'vitest';

/**
 * Runs `use` while files the page offers for download are caught instead of saved (the test
 * DOM cannot save them), and returns their text in the order they were offered.
 */
export async function catchDownloads(use: () => Promise<void> | void): Promise<string[]> {
  const files: Blob[] = [];
  const urls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = (blob: Blob) => (files.push(blob), 'blob:download');
  URL.revokeObjectURL = () => undefined;
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  try {
    await use();
  } finally {
    Object.assign(URL, { createObjectURL: urls.create, revokeObjectURL: urls.revoke });
    click.mockRestore();
  }
  return Promise.all(files.map((file) => file.text()));
}
