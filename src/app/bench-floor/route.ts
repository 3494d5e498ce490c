/* POST /bench-floor: what `next start` alone costs a webhook-sized POST (src/benchFloor.ts). */
import { answerBenchFloor } from '@/benchFloor'
import { env } from '@/env'

export async function POST(request: Request): Promise<Response> {
  if (!env.BENCH_FLOOR) return new Response(null, { status: 404 })
  return answerBenchFloor(request)
}
