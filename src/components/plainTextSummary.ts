type LexicalNode = { text?: unknown; children?: unknown }

function collectText(node: LexicalNode, into: string[]): void {
  if (typeof node.text === 'string') into.push(node.text)
  if (Array.isArray(node.children)) for (const child of node.children) collectText(child, into)
}

/**
 * The first paragraph of a rich-text description as plain text, cut at a word near `maxLength`:
 * the short description on a catalog card, so editors write the description once.
 */
export function plainTextSummary(description: unknown, maxLength = 160): null | string {
  const root = (description as { root?: { children?: unknown } } | null | undefined)?.root
  if (!root || !Array.isArray(root.children)) return null
  for (const block of root.children as LexicalNode[]) {
    const parts: string[] = []
    collectText(block, parts)
    const text = parts.join('').replace(/\s+/g, ' ').trim()
    if (!text) continue
    if (text.length <= maxLength) return text
    const cut = text.slice(0, maxLength - 1)
    return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), maxLength / 2)).trimEnd()}…`
  }
  return null
}
