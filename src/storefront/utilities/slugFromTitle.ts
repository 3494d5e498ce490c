import { SLUG_MAX_LENGTH } from '../constants'

/**
 * A product slug made from its title: "Café Notes — 2nd ed." → "cafe-notes-2nd-ed". Accents are
 * dropped, anything else that is not a letter or digit separates words. Empty when the title has
 * no letters or digits (the editor then types one).
 */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-') // so no two dashes are left side by side
    .replace(/^-|-$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-$/, '')
}
