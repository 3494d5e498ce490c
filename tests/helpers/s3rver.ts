import { mkdtemp, rm } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'

/** s3rver accepts any key pair whose signature is right; these are its documented defaults. */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

export type RecordedS3Request = { method: string; url: string; headers: http.IncomingHttpHeaders }

export type RunningS3rver = {
  endpoint: string
  /** Every request S3 received, so a test can see what the app asked for (e.g. an ACL). */
  requests: RecordedS3Request[]
  stop: () => Promise<void>
}

/**
 * An S3-compatible server (s3rver, on disk in a temporary folder) on a free port, with
 * `bucket` created. Served through node:http here, so each request is recorded first.
 */
export async function startS3rver(bucket: string): Promise<RunningS3rver> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 's3rver-'))
  const s3rver = new S3rver({ directory, silent: true, configureBuckets: [{ name: bucket }] })
  await s3rver.configureBuckets()
  const handle = s3rver.callback()
  const requests: RecordedS3Request[] = []
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers })
    handle(req, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    stop: async () => {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await rm(directory, { recursive: true, force: true })
    },
  }
}
