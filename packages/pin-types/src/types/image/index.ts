import { z } from 'zod'
import { definePinType } from '../../define.js'
import { fileId, imageUrl, text } from '../../fields.js'
import { requireUrlOrFileId } from '../../rules.js'

export const image = definePinType({
  id: 'image',
  category: 'media',
  source: 'docs',
  purpose: 'One picture, with alt text and an optional caption.',
  schema: z
    .strictObject({
      url: imageUrl().optional(),
      fileId: fileId().optional(),
      alt: text(1_000).optional(),
      caption: text(2_000).optional(),
    })
    .check(requireUrlOrFileId),
  examples: [
    {
      url: 'https://assets.acme.dev/architecture/2026-q3-ingest-pipeline.png',
      alt: 'Ingest pipeline: API gateway, queue, three workers, Postgres and the S3 archive',
      caption: 'Ingest pipeline after the Q3 queue migration',
    },
  ],
  notes:
    'Give `url` or `fileId`; one of them is required. `url` is an `http:`/`https:` URL or an inline ' +
    '`data:image/png|jpeg|gif|webp` URL. Set `alt` for screen readers; `caption` is shown under the picture.',
})
