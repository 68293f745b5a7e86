import { z } from 'zod'
import { definePinType } from '../../define.js'
import { imageUrl, label, list, text } from '../../fields.js'

const entry = z.strictObject({
  name: label(200),
  score: z.number(),
  change: z.number().int().optional(),
  avatarUrl: imageUrl().optional(),
})

export const leaderboard = definePinType({
  id: 'leaderboard',
  category: 'data',
  source: 'ours',
  purpose: 'Ranked entries with a score and their movement since last time.',
  schema: z.strictObject({
    entries: list(entry),
    scoreLabel: text(100).optional(),
  }),
  examples: [
    {
      scoreLabel: 'PRs merged',
      entries: [
        { name: 'Maya Okafor', score: 34, change: 1, avatarUrl: 'https://avatars.example.com/u/maya.png' },
        { name: 'Tomás Ruiz', score: 31, change: -1, avatarUrl: 'https://avatars.example.com/u/tomas.png' },
        { name: 'Priya Natarajan', score: 27, change: 2 },
        { name: 'Jonas Berg', score: 22, change: 0 },
        { name: 'Lena Fischer', score: 19, change: -2 },
      ],
    },
  ],
  notes:
    'Entries are ranked in the order given (first is rank 1), so lower-is-better boards work too. ' +
    '`change` is the number of places moved since the last period: positive moved up, negative moved down. ' +
    '`scoreLabel` names the score column (default "Score"). `avatarUrl` is an http(s) URL or a `data:image/...` URL.',
})
