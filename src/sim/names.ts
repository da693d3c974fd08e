/** Names node `index` A, B, …, Z, AA, AB, … (bijective base 26), so ids like `AB12` stay unambiguous. */
export function nodeName(index: number): string {
  let name = '';
  let n = index + 1;
  while (n > 0) {
    const digit = (n - 1) % 26;
    name = String.fromCharCode(65 + digit) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Returns the id of the `seq`-th message (1-based) sent by node `sender`, e.g. `B2`. */
export function messageId(sender: number, seq: number): string {
  return `${nodeName(sender)}${seq}`;
}

/** Returns the node names for a run of `count` nodes. */
export function nodeNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => nodeName(i));
}

/** Parses a message id such as `B2` into its sender index and sequence number, or undefined. */
export function parseMessageId(id: string): { sender: number; seq: number } | undefined {
  const match = /^([A-Z]+)([1-9][0-9]*)$/.exec(id);
  if (!match) return undefined;
  const [, letters = '', digits = ''] = match;
  let sender = 0;
  for (const ch of letters) sender = sender * 26 + (ch.charCodeAt(0) - 64);
  return { sender: sender - 1, seq: Number(digits) };
}
