/**
 * Test cases that travel with each pin type (`types/<id>/cases.ts`): the conformance test in
 * `test/pin-types.test.ts` runs them all. `kind` says what an invalid case exercises; every type
 * has at least a `missing` (unless `{}` is valid), a `type` and an `unknown-key` case.
 */
export interface InvalidCase {
  readonly kind: 'missing' | 'type' | 'unknown-key' | 'rule' | 'bounds' | 'url'
  readonly why: string
  readonly config: unknown
  /** The path the first issue about this problem must carry, like `cards[1].value`. */
  readonly path: string
}

export interface ValidCase {
  readonly why: string
  readonly config: unknown
}

export interface TypeCases {
  readonly invalid: readonly InvalidCase[]
  readonly valid?: readonly ValidCase[]
}
