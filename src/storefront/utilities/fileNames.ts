/**
 * Why a file name is unsafe to join onto the private files folder, or null when it is a plain name.
 * Rejects anything that could climb out of (or point outside) that folder.
 */
export function explainUnsafeFileName(name: string): string | null {
  if (name.trim() !== name || name.length === 0) return 'must not be empty or start/end with spaces'
  if (name.includes('\0')) return 'must not contain NUL characters'
  if (name.includes('/') || name.includes('\\'))
    return 'must be a plain file name without "/" or "\\"'
  if (name === '.' || name === '..' || name.includes('..')) return 'must not contain ".."'
  if (/^[a-zA-Z]:/.test(name)) return 'must not be an absolute path'
  if (name.length > 255) return 'must be at most 255 characters'
  return null
}
