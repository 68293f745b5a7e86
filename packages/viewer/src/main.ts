import './styles.css'
import { startForms } from './app/forms.js'
import { type Comments, startComments } from './comments-mount.js'
import { followChanges } from './live.js'
import { renderPage } from './page.js'
import { readPageData } from './page-data.js'

if (document.body.classList.contains('app-page')) {
  // The web app's pages (sign-in, home, settings) are rendered by the server; only their forms need a script.
  startForms()
} else {
  const data = readPageData()
  const cards = await renderPage(data, document.getElementById('app')!)
  const comments: Comments | undefined = startComments(data)
  document.body.dataset.ready = 'true'
  document.dispatchEvent(new CustomEvent('pindown:ready'))
  followChanges(data, cards, {
    ...(comments && { pinChanged: (pin) => comments.pinChanged(pin), thread: () => comments.thread() }),
  })
}
