import { z } from 'zod'
import { bounds } from '../../bounds.js'
import { definePinType } from '../../define.js'
import { fileId, httpUrl, label, list, text } from '../../fields.js'
import { requireUrlOrFileId } from '../../rules.js'

const mimeType = text(255).regex(/^[\w.+-]+\/[\w.+-]+$/, { message: 'Must be a MIME type like application/pdf' })

/** What an HTML `accept` attribute takes: an extension (`.pdf`), a MIME type, or a wildcard like `image/*`. */
const acceptToken = text(255).regex(/^(\.[\w.+-]+|[\w.+-]+\/(\*|[\w.+-]+))$/, {
  message: 'Must be an extension like .pdf or a MIME type like image/*',
})

const file = z
  .strictObject({
    name: label(255),
    url: httpUrl().optional(),
    fileId: fileId().optional(),
    size: z.number().int().min(0).optional(),
    mimeType: mimeType.optional(),
  })
  .check(requireUrlOrFileId)

export const fileUpload = definePinType({
  id: 'file-upload',
  category: 'media',
  source: 'docs',
  purpose: 'A list of attached files to download, with limits for new uploads.',
  schema: z
    .strictObject({
      files: list(file),
      accept: list(acceptToken, 100).optional(),
      maxFiles: z.number().int().min(1).max(bounds.items).optional(),
    })
    .check((ctx) => {
      const { files, maxFiles } = ctx.value
      if (maxFiles !== undefined && files.length > maxFiles) {
        ctx.issues.push({
          code: 'custom',
          input: files,
          path: ['files'],
          message: `Has ${files.length} files, more than maxFiles (${maxFiles})`,
        })
      }
    }),
  examples: [
    {
      files: [
        {
          name: 'incident-2026-10-14-postmortem.pdf',
          fileId: 'f_9a7c2e',
          size: 482_113,
          mimeType: 'application/pdf',
        },
        {
          name: 'api-latency-p99.csv',
          url: 'https://files.acme.dev/incidents/2026-10-14/api-latency-p99.csv',
          size: 73_402,
          mimeType: 'text/csv',
        },
        {
          name: 'grafana-dashboard.png',
          url: 'https://files.acme.dev/incidents/2026-10-14/grafana-dashboard.png',
          size: 1_204_776,
          mimeType: 'image/png',
        },
      ],
      accept: ['.pdf', '.csv', 'image/*'],
      maxFiles: 10,
    },
  ],
  notes:
    'Each file needs a `name` and a `url` or `fileId`; `size` is in bytes. `files` may be empty. ' +
    '`accept` uses the HTML `accept` syntax (`.pdf`, `text/csv`, `image/*`) and limits new uploads; ' +
    'when it is left out any file type is allowed. `maxFiles` caps the number of files, those already listed included, ' +
    'so `files` may not hold more than `maxFiles`; without it there is no cap beyond 1,000.',
})
