// Validation cost per pin type: the largest example of each type validated in a tight loop.
// Runs alone (`node --import tsx bench/validation.ts`) or as part of `npm run bench`.
import { fileURLToPath } from 'node:url'
import { type PinTypeId, pinTypeIds, pinTypes, validatePinConfig } from '@pindown/pin-types'

export interface ValidationFigure {
  readonly type: PinTypeId
  readonly bytes: number
  readonly perSecond: number
  readonly microseconds: number
}

export function measureValidation(budgetMs = 100): ValidationFigure[] {
  return pinTypeIds
    .map((type) => {
      const example = [...pinTypes[type].examples].sort(
        (a, b) => JSON.stringify(b).length - JSON.stringify(a).length,
      )[0]
      for (let i = 0; i < 200; i++) validatePinConfig(type, example) // warm up the JIT
      let runs = 0
      const start = performance.now()
      while (performance.now() - start < budgetMs) {
        for (let i = 0; i < 100; i++) validatePinConfig(type, example)
        runs += 100
      }
      const seconds = (performance.now() - start) / 1000
      return {
        type,
        bytes: JSON.stringify(example).length,
        perSecond: runs / seconds,
        microseconds: (seconds / runs) * 1e6,
      }
    })
    .sort((a, b) => a.perSecond - b.perSecond)
}

export function renderValidation(figures: ValidationFigure[]): string {
  const rows = figures.map((f) =>
    [
      f.type,
      `${f.bytes} B`,
      `${Math.round(f.perSecond).toLocaleString('en-US')}/s`,
      `${f.microseconds.toFixed(1)} µs`,
    ].join('  '),
  )
  return ['slowest first: type, example size, validations per second, time per validation', ...rows].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(renderValidation(measureValidation(200)))
