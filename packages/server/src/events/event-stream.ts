import type { OutgoingHttpHeaders } from 'node:http'
import type { FastifyReply, FastifyRequest } from 'fastify'

/** One open `text/event-stream` answer. */
export interface EventStream {
  send(event: string, data: unknown, id?: number): void
  close(): void
  /** Settles when the stream ends, from either side. */
  readonly closed: Promise<void>
}

/** The event streams an app has open, so that shutting down can end them instead of waiting on viewers. */
export class EventStreams {
  readonly #open = new Set<EventStream>()

  constructor(private readonly keepAliveMs: number) {}

  /** Takes over the answer and opens a stream; comment lines keep proxies from closing it when idle. */
  open(request: FastifyRequest, reply: FastifyReply, headers: Record<string, string> = {}): EventStream {
    reply.hijack()
    const res = reply.raw
    res.writeHead(200, {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': String(request.id),
      ...headers,
    })
    res.write(': stream open\n\n')
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), this.keepAliveMs)
    const closed = new Promise<void>((resolve) => {
      res.on('close', () => {
        clearInterval(keepAlive)
        this.#open.delete(stream)
        resolve()
      })
    })
    const stream: EventStream = {
      send(event, data, id) {
        res.write(`event: ${event}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`)
      },
      close() {
        if (!res.writableEnded) res.end()
      },
      closed,
    }
    this.#open.add(stream)
    return stream
  }

  closeAll(): void {
    for (const stream of this.#open) stream.close()
  }
}
