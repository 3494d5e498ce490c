/**
 * `error.name === name`: how the plugin recognises its own errors. Not `instanceof`, because a
 * Next.js production bundle can hold two copies of a module, and with them two copies of a class.
 */
export function isErrorNamed(error: unknown, name: string): error is Error {
  return error instanceof Error
    ? error.name === name
    : (error as { name?: unknown } | null)?.name === name
}
