import { h } from './dom.js'
import './content-icons.css'

export type IconName =
  | 'info'
  | 'success'
  | 'warning'
  | 'danger'
  | 'check'
  | 'external'
  | 'arrow'
  | 'copy'
  | 'link'
  | 'file'
  | 'chevron'
  | 'quote'

/** A decorative icon (hidden from screen readers) in the current text colour; the SVGs live in content-icons.css. */
export function icon(name: IconName, className = ''): HTMLElement {
  return h('span', { class: `content-icon content-icon-${name} ${className}`.trim(), 'aria-hidden': 'true' })
}
