import { z } from 'zod'
import { definePinType } from '../../define.js'
import { aspectRatio, fileId, httpsUrl, imageUrl, label, text } from '../../fields.js'

const imageConfig = z.strictObject({
  url: imageUrl().optional(),
  alt: text(1_000).optional(),
  fileId: fileId().optional(),
})

const embedConfig = z.strictObject({
  type: label(50).optional(),
  url: httpsUrl().optional(),
  aspectRatio: aspectRatio().optional(),
})

export const textMedia = definePinType({
  id: 'text-media',
  category: 'content',
  source: 'docs',
  purpose: 'Text beside an image or an embedded video or design.',
  schema: z
    .strictObject({
      title: text(1_000).optional(),
      text: text().optional(),
      subtext: text().optional(),
      textPosition: z.enum(['left', 'right']).optional(),
      mediaType: z.enum(['image', 'embed']).optional(),
      imageConfig: imageConfig.optional(),
      embedConfig: embedConfig.optional(),
    })
    .check((ctx) => {
      const config = ctx.value
      if (config.mediaType === 'image' && !config.imageConfig?.url && !config.imageConfig?.fileId) {
        ctx.issues.push({
          code: 'custom',
          input: config.imageConfig?.url,
          path: config.imageConfig ? ['imageConfig', 'url'] : ['imageConfig'],
          message: 'Required when mediaType is "image" (give url or fileId)',
        })
      }
      if (config.mediaType === 'embed' && !config.embedConfig?.url) {
        ctx.issues.push({
          code: 'custom',
          input: config.embedConfig?.url,
          path: config.embedConfig ? ['embedConfig', 'url'] : ['embedConfig'],
          message: 'Required when mediaType is "embed"',
        })
      }
    }),
  examples: [
    {
      title: 'Meet the new onboarding flow',
      text: 'New workspaces now reach their first published pin in under two minutes, down from nine.',
      subtext: 'Rolled out to 100% of sign-ups on 18 November.',
      textPosition: 'left',
      mediaType: 'image',
      imageConfig: {
        url: 'https://images.example.com/onboarding/step-2.png',
        alt: 'The second onboarding step, showing the API key and a curl example',
      },
    },
    {
      title: 'Design review recording',
      text: 'Walkthrough of the board layout options we discussed on Monday.',
      textPosition: 'right',
      mediaType: 'embed',
      embedConfig: { type: 'youtube', url: 'https://www.youtube.com/embed/dQw4w9WgXcQ', aspectRatio: '16:9' },
    },
  ],
  notes:
    'When `mediaType` is `image`, `imageConfig.url` (or `imageConfig.fileId`) is required; ' +
    'when it is `embed`, `embedConfig.url` is required and must be `https:`.',
})
