import type { OutgoingHttpHeaders } from 'node:http'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from '../errors.js'

/** One open `text/event-stream` answer. */
export interface EventStream {
  /** Sends an event, after the stream's access check (if any) still passes; else closes the stream. */
  send(event: string, data: unknown, id?: number): void
  close(): void
  /** Settles when the stream ends, from either side. */
  readonly closed: Promise<void>
}

export interface StreamOptions {
  /** Counted against the per-address cap: public streams, which anyone may open. */
  readonly perIp?: boolean
  /**
   * Whether the reader may still see this stream (its key not revoked, say): asked before each event
   * and at each keep-alive, in order, and the stream ends as soon as it says no.
   */
  readonly allowed?: () => Promise<boolean>
}

export interface StreamLimits {
  readonly keepAliveMs: number
  /** Open streams in all; past it a new one is a 503. */
  readonly max: number
  /** Open public streams per IP address; past it a new one is a 429. */
  readonly perIp: number
}

/**
 * The event streams an app has open: capped in all and per address, so that viewers cannot take every
 * file descriptor, and ended together on shutdown instead of being waited for.
 */
export class EventStreams {
  readonly #open = new Set<EventStream>()
  readonly #byIp = new Map<string, number>()

  constructor(private readonly limits: StreamLimits) {}

  get size(): number {
    return this.#open.size
  }

  /** Takes over the answer and opens a stream; comment lines keep proxies from closing it when idle. */
  open(request: FastifyRequest, reply: FastifyReply, options: StreamOptions = {}): EventStream {
    const res = reply.raw
    // The client may be gone already (while the handler awaited the store): then there is no stream,
    // and nothing may wait for a 'close' that has come and gone.
    if (res.destroyed || !res.socket || res.socket.destroyed) {
      reply.hijack()
      return { send() {}, close() {}, closed: Promise.resolve() }
    }
    const ip = options.perIp ? request.ip : undefined
    this.#admit(ip)
    reply.hijack()
    res.writeHead(200, {
      ...(reply.getHeaders() as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': String(request.id),
    })
    res.write(': stream open\n\n')
    // Writes go through one chain so that an asynchronous access check never reorders them.
    let queue = Promise.resolve()
    const write = (text: string) => {
      const { allowed } = options
      if (!allowed) {
        if (!res.writableEnded) res.write(text)
        return
      }
      queue = queue.then(async () => {
        if (res.writableEnded) return
        if (await allowed().catch(() => false)) res.write(text)
        else res.end()
      })
    }
    const keepAlive = setInterval(() => write(': keep-alive\n\n'), this.limits.keepAliveMs)
    const closed = new Promise<void>((resolve) => {
      res.on('close', () => {
        clearInterval(keepAlive)
        this.#open.delete(stream)
        if (ip !== undefined) this.#release(ip)
        resolve()
      })
    })
    const stream: EventStream = {
      send(event, data, id) {
        write(`event: ${event}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`)
      },
      close() {
        queue = queue.then(() => {
          if (!res.writableEnded) res.end()
        })
      },
      closed,
    }
    this.#open.add(stream)
    if (ip !== undefined) this.#byIp.set(ip, (this.#byIp.get(ip) ?? 0) + 1)
    return stream
  }

  closeAll(): void {
    for (const stream of this.#open) stream.close()
  }

  #admit(ip: string | undefined): void {
    if (this.#open.size >= this.limits.max) {
      throw new ApiError(
        'SERVICE_UNAVAILABLE',
        'Too many event streams are open on this server; retry shortly',
        undefined,
        {
          'Retry-After': '5',
        },
      )
    }
    if (ip !== undefined && (this.#byIp.get(ip) ?? 0) >= this.limits.perIp) {
      throw new ApiError(
        'RATE_LIMITED',
        `At most ${this.limits.perIp} public event streams may be open from one address`,
        undefined,
        { 'Retry-After': '5' },
      )
    }
  }

  #release(ip: string): void {
    const count = (this.#byIp.get(ip) ?? 1) - 1
    if (count === 0) this.#byIp.delete(ip)
    else this.#byIp.set(ip, count)
  }
}
