import './styles.css'
import { followChanges } from './live.js'
import { renderPage } from './page.js'
import { readPageData } from './page-data.js'

const data = readPageData()
const cards = await renderPage(data, document.getElementById('app')!)
document.body.dataset.ready = 'true'
document.dispatchEvent(new CustomEvent('pindown:ready'))
followChanges(data, cards)
