/** One Server-Sent Event. */
export interface ServerSentEvent {
  readonly event: string
  readonly id: string | undefined
  readonly data: string
}

/** Parses a `text/event-stream` body into events as they arrive (comments and retry fields are skipped). */
export async function* parseEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n')
      let end = buffer.indexOf('\n\n')
      while (end !== -1) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        end = buffer.indexOf('\n\n')
        let event = 'message'
        let id: string | undefined
        const data: string[] = []
        for (const line of block.split('\n')) {
          if (line === '' || line.startsWith(':')) continue
          const colon = line.indexOf(':')
          const field = colon === -1 ? line : line.slice(0, colon)
          const text = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
          if (field === 'event') event = text
          else if (field === 'id') id = text
          else if (field === 'data') data.push(text)
        }
        if (data.length > 0) yield { event, id, data: data.join('\n') }
      }
    }
  } finally {
    reader.releaseLock()
  }
}
