/**
 * Keeps Node's event loop alive while a script loads and runs Payload, and bounds how long.
 *
 * Why: on Node 20, with tsx's module hooks running off-thread, a script awaiting Payload's lazy
 * imports sometimes saw the event loop run empty and Node quit mid-await: exit code 13
 * ("unsettled top-level await") under tsx, a silent exit 0 under the payload bin, leaving the
 * database unmigrated or unseeded. A pending timer keeps the loop alive; if the work really hangs,
 * the timer ends the script with a message instead of letting CI wait forever.
 */
export function holdEventLoop(what: string, limitMs = 180_000): () => void {
  const timer = setTimeout(() => {
    console.error(`${what} did not finish within ${Math.round(limitMs / 1000)} s; giving up.`)
    process.exit(1)
  }, limitMs)
  return () => clearTimeout(timer)
}
