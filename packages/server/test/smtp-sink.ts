import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface SmtpSink {
  /** Usable as SMTP_URL: `smtp://127.0.0.1:PORT?ignoreTLS=true`. */
  readonly url: string
  /** Every message received so far, in order. */
  readonly messages: ParsedMail[]
  /** The next message not yet taken, waiting for it to arrive; rejects after `timeoutMs` (10 s by default). */
  next(timeoutMs?: number): Promise<ParsedMail>
  close(): Promise<void>
}

/** A real SMTP server on 127.0.0.1 that accepts any message, without TLS or authentication. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = []
  let taken = 0
  // Each waiting next() call, oldest first; one returns true when it took a message.
  const waiters = new Set<() => boolean>()
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail)
          for (const take of waiters) if (take()) break
          callback()
        },
        (error: Error) => callback(error),
      )
    },
  })
  // A client dropping its connection is not the sink's failure: the test sees the missing message instead.
  const ignore = () => {}
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      server.on('error', ignore)
      resolve()
    })
  })
  const { port } = server.server.address() as AddressInfo

  const next = (timeoutMs = 10_000) =>
    new Promise<ParsedMail>((resolve, reject) => {
      const take = () => {
        if (taken >= messages.length) return false
        clearTimeout(timer)
        waiters.delete(take)
        resolve(messages[taken++]!)
        return true
      }
      const timer = setTimeout(() => {
        waiters.delete(take)
        reject(new Error(`No email reached the SMTP sink within ${timeoutMs} ms (${messages.length} received in all)`))
      }, timeoutMs)
      if (!take()) waiters.add(take)
    })

  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    messages,
    next,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
