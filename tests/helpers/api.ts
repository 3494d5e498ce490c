import config from '@payload-config'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

/**
 * Calls the app's real REST and GraphQL route handlers (the ones src/app/(payload)/api mounts)
 * with real Request objects, without starting an HTTP server.
 */
export const SERVER_URL = process.env.NEXT_PUBLIC_SERVER_URL ?? 'http://localhost:3000'

const handlers = {
  GET: REST_GET(config),
  // Next.js answers HEAD with a route's GET handler when it exports no HEAD, as ours does not.
  HEAD: REST_GET(config),
  POST: REST_POST(config),
  PATCH: REST_PATCH(config),
  DELETE: REST_DELETE(config),
}
const graphql = GRAPHQL_POST(config)

export type CallOptions = {
  body?: unknown
  /** Sent as-is (webhooks: the signature covers these exact bytes). */
  rawBody?: string
  /** Streamed, for bodies too large to build in memory (size limits). */
  bodyStream?: ReadableStream<Uint8Array>
  form?: Record<string, string>
  /** multipart/form-data (uploads); the boundary header is set by the Request. */
  multipart?: FormData
  token?: string
  cookie?: string
  headers?: Record<string, string>
}

function buildRequest(method: string, path: string, options: CallOptions): Request {
  const headers = new Headers(options.headers)
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  if (options.cookie) headers.set('Cookie', options.cookie)
  let body: BodyInit | undefined
  if (options.bodyStream) {
    return new Request(`${SERVER_URL}/api${path}`, {
      method,
      headers,
      body: options.bodyStream,
      duplex: 'half',
    } as RequestInit)
  }
  if (options.rawBody !== undefined) {
    body = options.rawBody
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json')
  } else if (options.multipart) {
    body = options.multipart
  } else if (options.form) {
    body = new URLSearchParams(options.form)
    headers.set('Content-Type', 'application/x-www-form-urlencoded')
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers.set('Content-Type', 'application/json')
  }
  return new Request(`${SERVER_URL}/api${path}`, { method, headers, body })
}

export function rest(
  method: keyof typeof handlers,
  path: string,
  options: CallOptions = {},
): Promise<Response> {
  const slug = path.split('?')[0].split('/').filter(Boolean)
  return handlers[method](buildRequest(method, path, options), {
    params: Promise.resolve({ slug }),
  })
}

export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  options: CallOptions = {},
): Promise<{ data?: T; errors?: Array<{ message: string }> }> {
  const response = await graphql(
    buildRequest('POST', '/graphql', { ...options, body: { query, variables } }),
  )
  const result = (await response.json()) as unknown
  // graphql-http answers some refusals before execution with a bare list of errors.
  return Array.isArray(result)
    ? { errors: result as Array<{ message: string }> }
    : (result as { data?: T; errors?: Array<{ message: string }> })
}

export async function login(
  email: string,
  password: string,
): Promise<{ token: string; cookie: string }> {
  const response = await rest('POST', '/users/login', { body: { email, password } })
  if (response.status !== 200)
    throw new Error(`login failed for ${email}: ${response.status} ${await response.text()}`)
  const { token } = (await response.json()) as { token: string }
  const setCookie = response.headers.get('set-cookie') ?? ''
  return { token, cookie: setCookie.split(';')[0] }
}
