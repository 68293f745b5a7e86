import { createTransport } from 'nodemailer'
import { escapeHtml } from '../web/html.js'

export interface InviteMail {
  to: string
  /** The invite link. It carries the token, so it goes into the message and nowhere else (no logs). */
  url: string
  inviterName: string
  /** What the invite opens: `the pin "Q3 revenue"`, `the workspace "Acme"`. */
  placeName: string
  role: string
  message: string | null
  expiresAt: number
}

export interface Mailer {
  sendInvite(mail: InviteMail): Promise<void>
  close(): void
}

const notAccepted = 'Opening the link does not accept anything: acceptance is a button on the page.'

/** A mailer sending through the SMTP server of `smtpUrl` (`smtp://user:pass@host:587`, `smtps://…`), none when it is ''. */
export function createMailer(options: { smtpUrl: string; from: string }): Mailer | undefined {
  if (options.smtpUrl === '') return undefined
  // nodemailer waits minutes by default; an invite is sent while its request waits, so fail sooner.
  // Options in the URL's query string (`?ignoreTLS=true`) still apply, and win over these.
  const transport = createTransport(
    { url: options.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from: options.from },
  )
  return {
    async sendInvite(mail) {
      await transport.sendMail({
        to: mail.to,
        subject: `${mail.inviterName} invited you to ${mail.placeName} on Pindown`,
        text: inviteText(mail),
        html: inviteHtml(mail),
      })
    },
    close: () => transport.close(),
  }
}

const expiryDate = (expiresAt: number) => new Date(expiresAt).toISOString().slice(0, 10)

function inviteText(mail: InviteMail): string {
  const lines = [`${mail.inviterName} invited you to ${mail.placeName} on Pindown.`, `Role: ${mail.role}`, '']
  if (mail.message) {
    lines.push(`${mail.inviterName} wrote:`, ...mail.message.split(/\r?\n/).map((line) => `> ${line}`), '')
  }
  lines.push(
    'Open the invite:',
    mail.url,
    '',
    notAccepted,
    `This invite expires on ${expiryDate(mail.expiresAt)} (UTC).`,
  )
  return `${lines.join('\n')}\n`
}

function inviteHtml(mail: InviteMail): string {
  const inviter = escapeHtml(mail.inviterName)
  const url = escapeHtml(mail.url)
  const message = mail.message
    ? `<p>${inviter} wrote:</p>\n<blockquote style="margin:0 0 1em;padding-left:1em;border-left:3px solid #ccc">${escapeHtml(mail.message).replace(/\r?\n/g, '<br>')}</blockquote>\n`
    : ''
  return `<!doctype html>
<html>
<body style="font-family:sans-serif;line-height:1.5">
<p><strong>${inviter}</strong> invited you to ${escapeHtml(mail.placeName)} on Pindown.</p>
<p>Role: ${escapeHtml(mail.role)}</p>
${message}<p><a href="${url}">Open the invite</a></p>
<p>Or paste this link into your browser: ${url}</p>
<p>${notAccepted}</p>
<p>This invite expires on ${expiryDate(mail.expiresAt)} (UTC).</p>
</body>
</html>
`
}
