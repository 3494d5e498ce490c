import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

import type { MailCatcher, MailCatcherOptions } from './types'

import { clearState, createCatcherState } from './catcherState'
import { handleRequest } from './handleRequest'
import { sendJson } from './http'
import { resendError } from './resendError'

/** The host part of a URL for the interface we bound; a wildcard bind is reached via loopback. */
function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}

/**
 * Starts a local stand-in for the Resend API that the real `resend` SDK talks to when
 * RESEND_BASE_URL is the returned `url`. It stores mail in memory and shows it at `url`.
 * Resolves once it is listening, so the port is known (pass port 0 for a free one).
 */
export async function createMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1'
  const state = createCatcherState(options)

  const server = createServer((req, res) => {
    handleRequest(state, { req, res }).catch((error: unknown) => {
      // A bug in the catcher must look like a Resend outage to the app, not hang its request.
      state.log(
        `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      )
      if (!res.headersSent)
        sendJson(res, {
          status: 500,
          body: resendError({
            statusCode: 500,
            name: 'internal_server_error',
            message: 'The mail catcher failed; see its log.',
          }),
        })
      else res.destroy()
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })

  const { port } = server.address() as AddressInfo

  return {
    url: `http://${reachableHost(host)}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // The SDK's fetch keeps connections alive; without this, close() waits for them to time out.
        server.closeAllConnections()
      }),
    messages: () => state.mailbox.list(),
    clear: () => clearState(state),
    failNext: (count, status) => state.failures.arm(count, status),
    verifiedDomains: [...state.senders.verifiedDomains],
  }
}
