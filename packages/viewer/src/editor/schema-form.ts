import type { JsonSchema } from '@pindown/pin-types'
import { arrayWidget } from './array-widget.js'
import type { FieldLabel } from './field-frame.js'
import { booleanWidget, enumWidget, jsonWidget, nullWidget, numberWidget, stringWidget } from './leaf-widgets.js'
import { objectWidget, optionalWidget } from './object-widget.js'
import { recordWidget } from './record-widget.js'
import { emptyValue, type SchemaNode, shapeOf } from './schema-node.js'
import { unionWidget } from './union-widget.js'
import { isPlainObject } from './values.js'
import type { Issue, Widget } from './widget.js'

export type { Issue } from './widget.js'

/** A field for any schema node; `value` is undefined when its key is absent. */
export function buildWidget(node: SchemaNode, value: unknown, label: FieldLabel): Widget {
  const shape = shapeOf(node)
  switch (shape.kind) {
    case 'object':
    case 'array':
    case 'record': {
      const make = (v: unknown): Widget =>
        shape.kind === 'object'
          ? objectWidget(shape, v, label, buildWidget)
          : shape.kind === 'array'
            ? arrayWidget(shape, v, label, buildWidget)
            : recordWidget(shape.value, v, label, buildWidget)
      return label.required ? make(value) : optionalWidget(value, label, make, () => emptyValue(node))
    }
    case 'enum':
      return enumWidget(shape, value, label)
    case 'string':
      return stringWidget(shape, value, label)
    case 'number':
      return numberWidget(shape, value, label)
    case 'boolean':
      return booleanWidget(value, label)
    case 'null':
      return nullWidget(label)
    case 'union':
      return unionWidget(shape.branches, value, label, buildWidget)
    case 'json':
      return jsonWidget(value, label)
  }
}

/** A form for a pin's config, generated from its JSON Schema. */
export interface SchemaForm {
  readonly element: HTMLElement
  /**
   * The config as the person left it. What they did not touch comes back exactly as it was given; an
   * optional key that was absent stays absent unless they filled it.
   */
  value(): Record<string, unknown>
  /** Problems the schema cannot see (JSON that does not parse, a name used twice): checked before it. */
  problems(): Issue[]
  /** Shows each issue at its field (paths like `items[1].text`); an empty list clears them. */
  showIssues(issues: readonly Issue[]): void
}

export function schemaForm(schema: JsonSchema, value: Record<string, unknown>, label = 'Content'): SchemaForm {
  const root = buildWidget(schema as SchemaNode, value, { text: label, required: true })
  return {
    element: root.element,
    value() {
      const out = root.read()
      return isPlainObject(out) ? out : {}
    },
    problems: () => root.problems([]),
    showIssues(issues) {
      const index = new Map<string, string[]>()
      for (const issue of issues) index.set(issue.path, [...(index.get(issue.path) ?? []), issue.message])
      root.showIssues([], index)
    },
  }
}
