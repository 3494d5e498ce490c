/**
 * Why a file name is unsafe to join onto the private files folder, or null when it is a plain name.
 * Rejects anything that could climb out of (or point outside) that folder.
 */
export function explainUnsafeFileName(name: string): string | null {
  if (name.trim() !== name || name.length === 0) return 'must not be empty or start/end with spaces'
  // Control characters (NUL, CR, LF …) could split a Content-Disposition header or a log line.
  if (/[\u0000-\u001f\u007f]/.test(name))
    return 'must not contain control characters (line breaks, NUL)'
  if (name.includes('/') || name.includes('\\'))
    return 'must be a plain file name without "/" or "\\"'
  if (name === '.' || name.includes('..')) return 'must not be "." or contain ".."'
  if (/^[a-zA-Z]:/.test(name)) return 'must not be an absolute path'
  if (name.length > 255) return 'must be at most 255 characters'
  return null
}
