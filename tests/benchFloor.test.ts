import { describe, expect, it } from 'vitest'

import { POST } from '@/app/bench-floor/route'
import { answerBenchFloor, benchFloorEndpoints } from '@/benchFloor'

/** The bench's framework floor (src/benchFloor.ts) exists only in a server started for the bench. */
describe('bench floor', () => {
  const post = () => new Request('http://localhost/bench-floor', { method: 'POST', body: '{}' })

  it('is not there unless BENCH_FLOOR=true: the route answers 404, Payload gets no endpoint', async () => {
    expect((await POST(post())).status).toBe(404)
    expect(benchFloorEndpoints(false)).toEqual([])
  })

  it('when on, reads the body and answers what the webhook answers', async () => {
    const [endpoint] = benchFloorEndpoints(true)
    expect([endpoint.path, endpoint.method]).toEqual(['/bench-floor', 'post'])
    const response = await answerBenchFloor(post())
    expect([response.status, await response.json()]).toEqual([200, { received: true }])
  })
})
