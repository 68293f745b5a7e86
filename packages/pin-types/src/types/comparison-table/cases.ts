import type { TypeCases } from '../../cases.js'

const items = ['Free', 'Team plan']

export const cases: TypeCases = {
  invalid: [
    { kind: 'missing', why: 'no features', config: { items }, path: 'features' },
    {
      kind: 'missing',
      why: 'a feature without values',
      config: { items, features: [{ name: 'Seats', values: { Free: 1 } }, { name: 'SSO' }] },
      path: 'features[1].values',
    },
    {
      kind: 'type',
      why: 'a value is an object',
      config: { items, features: [{ name: 'Seats', values: { Free: 1, 'Team plan': { max: 25 } } }] },
      path: 'features[0].values["Team plan"]',
    },
    {
      kind: 'type',
      why: 'a value is null',
      config: { items, features: [{ name: 'SSO', values: { Free: null } }] },
      path: 'features[0].values.Free',
    },
    {
      kind: 'unknown-key',
      why: 'typo in values',
      config: { items, features: [{ name: 'Seats', valeus: { Free: 1 } }] },
      path: 'features[0].valeus',
    },
    {
      kind: 'rule',
      why: 'a values key that is not an item',
      config: { items, features: [{ name: 'Seats', values: { Free: 1, Team: 25 } }] },
      path: 'features[0].values.Team',
    },
    {
      kind: 'rule',
      why: 'duplicate item',
      config: { items: ['Free', 'Team plan', 'Free'], features: [] },
      path: 'items[2]',
    },
    { kind: 'bounds', why: 'no items', config: { items: [], features: [] }, path: 'items' },
  ],
  valid: [
    {
      why: 'every value type, one item left out',
      config: {
        items,
        features: [
          { name: 'Seats', values: { Free: 1, 'Team plan': 'Up to 25' } },
          { name: 'SSO', values: { 'Team plan': true } },
        ],
      },
    },
    { why: 'no features yet', config: { items: ['Postgres', 'MySQL'], features: [] } },
  ],
}
