import { formatPath } from '@pindown/pin-types'
import { h } from '../dom.js'
import type { FieldLabel, Frame } from './field-frame.js'
import type { SchemaNode } from './schema-node.js'
import type { Absent } from './values.js'

export type Path = readonly (string | number)[]

export interface Issue {
  path: string
  message: string
}

/** Messages by formatted path (`cards[0].value`, as `@pindown/pin-types` writes issue paths). */
export type IssueIndex = ReadonlyMap<string, readonly string[]>

/**
 * One field of the form. It starts from a value and gives it back untouched (the very value, not a
 * re-parse of what the input shows) until the person changes it.
 */
export interface Widget {
  readonly element: HTMLElement
  /** The value as the person left it; ABSENT when an optional key is to be left out. */
  read(): unknown | Absent
  /** What the schema cannot see: JSON that does not parse, a key used twice, text in a number field. */
  problems(path: Path): Issue[]
  /** Shows the issues at this field's path (and, for a group, its fields'); clears the others. */
  showIssues(path: Path, issues: IssueIndex): void
  setLabel(text: string): void
}

/** Builds the widget for a schema node; `value` is undefined when the key is absent. */
export type Build = (node: SchemaNode, value: unknown, label: FieldLabel) => Widget

export const messagesAt = (issues: IssueIndex, path: Path): readonly string[] => issues.get(formatPath(path)) ?? []

/** A widget with one frame and no fields inside. */
export function leafWidget(
  frame: Frame,
  read: () => unknown,
  problem: () => string | undefined = () => undefined,
): Widget {
  return {
    element: frame.element,
    read,
    problems(path) {
      const message = problem()
      return message ? [{ path: formatPath(path), message }] : []
    },
    showIssues: (path, issues) => frame.showMessages(messagesAt(issues, path)),
    setLabel: (text) => frame.setLabel(text),
  }
}

/** A button that never submits the form. */
export function actionButton(text: string, onClick: () => void, attributes: Record<string, string> = {}) {
  const button = h('button', { type: 'button', class: 'pe-action', ...attributes }, text)
  button.addEventListener('click', onClick)
  return button
}
