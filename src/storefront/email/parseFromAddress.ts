/** Splits 'Shop <shop@example.com>' into its name and address (a bare address has no name). */
export function parseFromAddress(from: string): { name: string; address: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from)
  return match
    ? { name: match[1].replace(/^"|"$/g, ''), address: match[2] }
    : { name: '', address: from.trim() }
}
