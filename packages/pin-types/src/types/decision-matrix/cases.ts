import type { TypeCases } from '../../cases.js'

const options = ['Option A', 'Option B']
const criteria = [
  { name: 'Cost', weight: 2 },
  { name: 'Speed', weight: 1 },
]

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no scores', config: { options, criteria }, path: 'scores' },
    {
      kind: 'missing',
      why: 'a criterion without a weight',
      config: { options, criteria: [{ name: 'Cost', weight: 2 }, { name: 'Speed' }], scores: {} },
      path: 'criteria[1].weight',
    },
    {
      kind: 'type',
      why: 'a score is a string',
      config: { options, criteria, scores: { 'Option A': { Cost: 4, Speed: 'fast' } } },
      path: 'scores["Option A"].Speed',
    },
    {
      kind: 'unknown-key',
      why: 'typo in weight',
      config: { options, criteria: [{ name: 'Cost', wieght: 2 }], scores: {} },
      path: 'criteria[0].wieght',
    },
    {
      kind: 'rule',
      why: 'scores name an unknown option',
      config: { options, criteria, scores: { 'Option A': { Cost: 3 }, 'Option C': { Cost: 4 } } },
      path: 'scores["Option C"]',
    },
    {
      kind: 'rule',
      why: 'scores name an unknown criterion',
      config: { options, criteria, scores: { 'Option B': { Cost: 3, Price: 2 } } },
      path: 'scores["Option B"].Price',
    },
    {
      kind: 'rule',
      why: 'score above the default maxScore of 5',
      config: { options, criteria, scores: { 'Option A': { Cost: 6 } } },
      path: 'scores["Option A"].Cost',
    },
    {
      kind: 'rule',
      why: 'score above an explicit maxScore',
      config: { options, criteria, scores: { 'Option A': { Speed: 11 } }, maxScore: 10 },
      path: 'scores["Option A"].Speed',
    },
    {
      kind: 'rule',
      why: 'negative score',
      config: { options, criteria, scores: { 'Option B': { Cost: -1 } } },
      path: 'scores["Option B"].Cost',
    },
    {
      kind: 'rule',
      why: 'duplicate option',
      config: { options: ['Option A', 'Option B', 'Option A'], criteria, scores: {} },
      path: 'options[2]',
    },
    {
      kind: 'rule',
      why: 'duplicate criterion',
      config: { options, criteria: [...criteria, { name: 'Cost', weight: 1 }], scores: {} },
      path: 'criteria[2].name',
    },
    {
      kind: 'rule',
      why: 'zero weight',
      config: { options, criteria: [{ name: 'Cost', weight: 0 }], scores: {} },
      path: 'criteria[0].weight',
    },
    { kind: 'bounds', why: 'no options', config: { options: [], criteria, scores: {} }, path: 'options' },
  ],
  valid: [
    { why: 'scores left out are allowed', config: { options, criteria, scores: { 'Option A': { Cost: 4 } } } },
    {
      why: 'score equal to an explicit maxScore',
      config: { options, criteria, scores: { 'Option A': { Cost: 10, Speed: 0 } }, maxScore: 10 },
    },
    { why: 'score equal to the default maxScore', config: { options, criteria, scores: { 'Option B': { Speed: 5 } } } },
  ],
}
