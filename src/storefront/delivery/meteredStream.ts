/** How a streamed download ended: every byte handed over, or stopped early. */
export type StreamEnd = { outcome: 'aborted' | 'completed'; bytesSent: number }

/**
 * A stream of `expectedBytes` that opens its source only when the consumer first reads and
 * reports once, when it ends, how many bytes the consumer took. Nothing is buffered beyond
 * the chunk being handed over (highWaterMark 0: a chunk is read only when asked for), so the
 * count is what left for the client, and a cancel (the client went away) reaches the source at
 * once, which closes its file.
 */
export function meteredStream(args: {
  open: () => ReadableStream<Uint8Array>
  expectedBytes: number
  onEnd: (end: StreamEnd) => void
}): ReadableStream<Uint8Array> {
  const { open, expectedBytes, onEnd } = args
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined
  let bytesSent = 0
  let ended = false
  const end = () => {
    if (ended) return
    ended = true
    onEnd({ outcome: bytesSent === expectedBytes ? 'completed' : 'aborted', bytesSent })
  }

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          reader ??= open().getReader()
          const { done, value } = await reader.read()
          if (done) {
            controller.close()
            end()
            return
          }
          bytesSent += value.byteLength
          controller.enqueue(value)
        } catch (error) {
          controller.error(error)
          end()
        }
      },
      async cancel(reason) {
        end()
        await reader?.cancel(reason)
      },
    },
    { highWaterMark: 0 },
  )
}
