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
