import { z } from 'zod'
import { definePinType } from '../../define.js'
import { fileId, httpUrl } from '../../fields.js'
import { requireUrlOrFileId } from '../../rules.js'

export const pdfViewer = definePinType({
  id: 'pdf-viewer',
  category: 'media',
  source: 'docs',
  purpose: 'A PDF document shown inline, page by page.',
  schema: z
    .strictObject({
      url: httpUrl().optional(),
      fileId: fileId().optional(),
      page: z.number().int().min(1).optional(),
    })
    .check(requireUrlOrFileId),
  examples: [{ url: 'https://files.acme.dev/reports/2026-q3-security-audit.pdf', page: 4 }, { fileId: 'f_7d1m2p' }],
  notes: 'Give `url` (`http:`/`https:`) or `fileId`; one of them is required. `page` is 1-based and defaults to 1.',
})
