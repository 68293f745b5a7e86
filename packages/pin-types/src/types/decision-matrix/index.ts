import { z } from 'zod'
import { definePinType } from '../../define.js'
import { label, list } from '../../fields.js'

const name = () => label(200)

const criterion = z.strictObject({
  name: name(),
  weight: z.number().positive(),
})

export const decisionMatrix = definePinType({
  id: 'decision-matrix',
  category: 'data',
  source: 'product-site',
  purpose: 'Options scored against weighted criteria, with a weighted total per option.',
  schema: z
    .strictObject({
      options: list(name()).min(1),
      criteria: list(criterion).min(1),
      // option name → criterion name → score
      scores: z.record(z.string().max(200), z.record(z.string().max(200), z.number().min(0))),
      maxScore: z.number().positive().optional(),
    })
    .check((ctx) => {
      const { options, criteria, scores } = ctx.value
      const maxScore = ctx.value.maxScore ?? 5
      const push = (path: PropertyKey[], input: unknown, message: string) =>
        ctx.issues.push({ code: 'custom', input, path, message })

      const optionNames = new Set<string>()
      options.forEach((option, i) => {
        if (optionNames.has(option)) push(['options', i], option, `Duplicate option "${option}"`)
        optionNames.add(option)
      })
      const criterionNames = new Set<string>()
      criteria.forEach((c, i) => {
        if (criterionNames.has(c.name)) push(['criteria', i, 'name'], c.name, `Duplicate criterion "${c.name}"`)
        criterionNames.add(c.name)
      })

      for (const [option, row] of Object.entries(scores)) {
        if (!optionNames.has(option)) {
          push(['scores', option], row, `No option is named "${option}"`)
          continue
        }
        for (const [crit, score] of Object.entries(row)) {
          if (!criterionNames.has(crit)) push(['scores', option, crit], score, `No criterion is named "${crit}"`)
          else if (score > maxScore)
            push(['scores', option, crit], score, `Score ${score} is above maxScore ${maxScore}`)
        }
      }
    }),
  examples: [
    {
      options: ['Postgres', 'DynamoDB', 'CockroachDB'],
      criteria: [
        { name: 'Operational cost', weight: 3 },
        { name: 'Team familiarity', weight: 2 },
        { name: 'Multi-region writes', weight: 2 },
        { name: 'Query flexibility', weight: 1 },
      ],
      scores: {
        Postgres: { 'Operational cost': 4, 'Team familiarity': 5, 'Multi-region writes': 1, 'Query flexibility': 5 },
        DynamoDB: { 'Operational cost': 3, 'Team familiarity': 2, 'Multi-region writes': 5, 'Query flexibility': 2 },
        CockroachDB: { 'Operational cost': 2, 'Team familiarity': 3, 'Multi-region writes': 5, 'Query flexibility': 4 },
      },
    },
  ],
  notes:
    '`scores` maps each option name to an object mapping criterion names to a score. ' +
    'A key in `scores` that is not one of `options`, or a criterion key that is no criterion `name`, is an error ' +
    'at that key. Option and criterion names must be unique. ' +
    'Each score lies within 0..`maxScore`; `maxScore` defaults to 5. ' +
    'Weights are positive and relative (they need not add up to 1 or 100): the viewer shows each option’s ' +
    'weighted score, Σ(weight × score) / Σ weight, on the same 0..`maxScore` scale, and counts a missing score as 0.',
})
