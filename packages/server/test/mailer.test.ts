import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { after, before, test } from 'node:test'
import { createMailer, type InviteMail } from '../src/people/mailer.js'
import { type SmtpSink, startSmtpSink } from './smtp-sink.js'

let sink: SmtpSink
before(async () => {
  sink = await startSmtpSink()
})
after(() => sink.close())

const invite: InviteMail = {
  to: 'bob@example.com',
  url: 'http://127.0.0.1:4000/invite/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdefg',
  inviterName: `Ann <script>alert("x")</script> & O'Neil`,
  placeName: 'the pin "Q3 revenue"',
  role: 'editor',
  message: 'Have a look at <b>this</b> & tell me "soon"',
  expiresAt: Date.UTC(2026, 11, 15, 12),
}

test('an invite reaches the SMTP server with its link, role, message and expiry', async () => {
  const mailer = createMailer({ smtpUrl: sink.url, from: 'Pindown <pindown@example.com>' })
  assert.ok(mailer)
  try {
    await mailer.sendInvite(invite)
  } finally {
    mailer.close()
  }
  const mail = await sink.next()

  const to = Array.isArray(mail.to) ? mail.to : [mail.to]
  assert.deepEqual(
    to.flatMap((list) => list?.value.map((a) => a.address)),
    ['bob@example.com'],
  )
  assert.equal(mail.from?.value[0]?.address, 'pindown@example.com')
  assert.equal(mail.subject, `${invite.inviterName} invited you to the pin "Q3 revenue" on Pindown`)

  const text = mail.text ?? ''
  assert.ok(text.includes(invite.url), 'the text has the link')
  assert.ok(text.includes('Role: editor'))
  assert.ok(text.includes(`> ${invite.message}`), 'the text quotes the message')
  assert.ok(text.includes('2026-12-15'))
  assert.ok(text.includes('does not accept anything'))

  assert.equal(typeof mail.html, 'string')
  const html = mail.html as string
  assert.ok(html.includes(`href="${invite.url}"`), 'the HTML links to the invite')
  assert.ok(html.includes('editor'))
  assert.ok(html.includes('2026-12-15'))
  assert.ok(html.includes('does not accept anything'))
  assert.ok(html.includes('Ann &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; O&#39;Neil'))
  assert.ok(html.includes('Have a look at &lt;b&gt;this&lt;/b&gt; &amp; tell me &quot;soon&quot;'))
  assert.ok(html.includes('the pin &quot;Q3 revenue&quot;'))
  assert.ok(!html.includes('<script>') && !html.includes('<b>this</b>'), 'nothing of the input is HTML')
})

test('an invite without a message has no quote', async () => {
  const mailer = createMailer({ smtpUrl: sink.url, from: 'pindown@example.com' })!
  try {
    await mailer.sendInvite({ ...invite, inviterName: 'Ann', message: null })
  } finally {
    mailer.close()
  }
  const mail = await sink.next()
  assert.ok(!(mail.text ?? '').includes('wrote:'))
  assert.ok(!(mail.html as string).includes('<blockquote'))
  assert.ok((mail.text ?? '').includes(invite.url))
})

test('no SMTP URL, no mailer', () => {
  assert.equal(createMailer({ smtpUrl: '', from: 'pindown@example.com' }), undefined)
})

test('an unreachable SMTP server makes sendInvite reject', async () => {
  // A port that was just free: connecting to it is refused at once.
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))

  const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`, from: 'pindown@example.com' })!
  const started = Date.now()
  try {
    await assert.rejects(mailer.sendInvite(invite))
  } finally {
    mailer.close()
  }
  assert.ok(Date.now() - started < 5000, 'it fails fast')
})
