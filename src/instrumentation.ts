/**
 * Runs once when the Next.js server starts (Next's instrumentation hook).
 *
 * Turns off V8's incremental marking for the server process. Streaming product files allocates a
 * 1 MiB buffer per chunk; once the server's heap has settled (after its first minute or so),
 * that external memory kept starting incremental marking, and the server spent most of a
 * download in back-to-back mark-compacts: about 3 CPU-seconds per GiB instead of 0.2, and a
 * third of the throughput (`--trace-gc`: ~150 mark-compacts per 3 GiB, against 3 without
 * incremental marking; see README, Benchmarks). The cost is that a full collection of this
 * small heap (well under 200 MB) pauses at once instead of in steps.
 */
export async function register() {
  // Next's documented shape: inside this branch the Edge bundle drops the import of node:v8 (an
  // early `return` instead left it in, and the dev server printed "Ecmascript file had an error").
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { setFlagsFromString } = await import('node:v8')
    setFlagsFromString('--no-incremental-marking')
  }
}
