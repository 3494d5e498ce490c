import { register } from 'node:module'

/**
 * Why scripts that load Payload sometimes stalled (issue 16), and the fix.
 *
 * Under Node's `node` export condition, `lexical` and every `@lexical/*` package resolve to a
 * `*.node.mjs` wrapper whose whole body is a top-level await:
 * `const mod = await import(NODE_ENV !== 'production' ? './X.dev.mjs' : './X.prod.mjs')`.
 * payload.config.ts pulls in some twenty of them through @payloadcms/richtext-lexical, and each
 * build a wrapper imports depends on other wrappers, some of them still evaluating. Node 20's module
 * evaluation does not always settle that graph: plain `node -e "await
 * import('@payloadcms/richtext-lexical')"` exits 13 ("unsettled top-level await") every time on
 * this install, and under tsx, whose off-thread loader changes the load order run to run, the
 * import never settled in 7 of 120 runs on a busy machine (0 of 120 with this). With a timer
 * holding the event loop that was a hang until the watchdog fired; without one, exit 13 or, under
 * the payload bin, a silent exit 0 having done nothing.
 *
 * Lexical's packages also export `development` and `production` conditions that point straight
 * at the built files, listed before `node`. Resolving lexical with the one the wrapper would have
 * picked loads the same code with no top-level await at all, so the stall cannot happen. (Vitest's
 * workers run with `--conditions development`, which is why Payload loaded inside the tests never
 * stalled; the suite's migrate step, a separate process, did run into it.)
 */
export function lexicalCondition(nodeEnv = process.env.NODE_ENV): 'development' | 'production' {
  return nodeEnv === 'production' ? 'production' : 'development'
}

/** The source of a resolve hook that adds that condition for lexical packages only. */
export function lexicalResolveHookSource(nodeEnv = process.env.NODE_ENV): string {
  const condition = JSON.stringify(lexicalCondition(nodeEnv))
  return `export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'lexical' || specifier.startsWith('@lexical/')) {
    return nextResolve(specifier, { ...context, conditions: [...context.conditions, ${condition}] })
  }
  return nextResolve(specifier, context)
}
`
}

/** A `data:` URL for the hook, for `module.register()` or `node --import`. */
export function lexicalResolveHookUrl(nodeEnv = process.env.NODE_ENV): string {
  return `data:text/javascript,${encodeURIComponent(lexicalResolveHookSource(nodeEnv))}`
}

/**
 * Registers the hook in this process. Call it before anything imports payload.config.ts or
 * @payloadcms/richtext-lexical (so: import those dynamically, after this call).
 */
export function resolveLexicalBuildsDirectly(): void {
  register(lexicalResolveHookUrl())
}
