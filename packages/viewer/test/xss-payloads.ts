/**
 * Cross-site scripting payloads, grouped by family. Each one, if it ever ran, calls `__xss(n)` with its own
 * number (`n` below), which the test page records; payloads that run in a frame call `parent.__xss(n)`.
 * Some carry the call encoded (entities, base64, percent or JavaScript escapes): the test decodes them to
 * check that every payload still carries its own call. Some are valid http(s) URLs on purpose, so that they
 * pass validation and reach the URL fields and the renderers that build links, images and frames.
 *
 * `placement` says where in a field the payload means something, since the test packs several payloads
 * into one field (separated by blank lines) to keep the number of page loads down:
 * - `anywhere`: markup or text that acts wherever it sits;
 * - `first`: only as the start of the value (a URL scheme: `javascript:` after other text is just text);
 * - `diagram`: a whole mermaid diagram, alone in a mermaid pin's code (text like any other elsewhere).
 */

export type Placement = 'anywhere' | 'first' | 'diagram'

export interface Payload {
  /** The number its `__xss(n)` call carries. */
  readonly n: number
  readonly family: string
  readonly placement: Placement
  readonly text: string
}

/** Builds one payload from its call (`__xss(n)`) and its number. */
type Make = (x: string, n: number) => string

interface Family {
  readonly name: string
  readonly placement: Placement
  readonly makes: readonly Make[]
}

/** Every character as a decimal entity (`&#95;`). */
const dec = (s: string) => [...s].map((c) => `&#${c.codePointAt(0)};`).join('')
/** Every character as a hex entity without the closing `;` (`&#x5f`), which HTML still decodes. */
const hexLoose = (s: string) => [...s].map((c) => `&#x${c.codePointAt(0)!.toString(16)}`).join('')
/** Every character as a zero-padded decimal entity (`&#0000095;`). */
const decPadded = (s: string) => [...s].map((c) => `&#${String(c.codePointAt(0)).padStart(7, '0')};`).join('')
/** Every character percent-encoded (`%5F`). */
const pct = (s: string) =>
  [...s].map((c) => `%${c.codePointAt(0)!.toString(16).toUpperCase().padStart(2, '0')}`).join('')
/** Every character as a JavaScript `\u005f` escape. */
const jsu = (s: string) => [...s].map((c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`).join('')
/** Every character as a JavaScript `\x5f` escape. */
const jsx = (s: string) => [...s].map((c) => `\\x${c.codePointAt(0)!.toString(16).padStart(2, '0')}`).join('')
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64')
/** The call as an `eval(atob(...))` expression. */
const atobCall = (x: string) => `eval(atob('${b64(x)}'))`

/** HTML elements: `<script>` in its many spellings. */
const scripts: Family = {
  name: 'script elements',
  placement: 'anywhere',
  makes: [
    (x) => `<script>${x}</script>`,
    (x) => `<SCRIPT>${x}</SCRIPT>`,
    (x) => `<ScRiPt >${x}</sCrIpT >`,
    (x) => `<script/x>${x}</script>`,
    (x) => `<script\n>${x}</script\n>`,
    (x) => `<script type="text/javascript">${x}</script>`,
    (x) => `<script type=module>${x}</script>`,
    (x) => `<script src="data:text/javascript,${x}"></script>`,
    (x) => `<script src=data:,${x}></script>`,
    (x) => `<script src="data:text/javascript;base64,${b64(x)}"></script>`,
    (x) => `<script>/*</script><script>*/${x}//</script>`,
    (x) => `<scr<script>ipt>${x}</scr</script>ipt>`,
    (x) => `<<script>script>${x}<</script>/script>`,
    (x) => `<script>${jsu('__xss')}(${x.slice(6, -1)})</script>`,
    (x) => `<script>${atobCall(x)}</script>`,
    (x) => `<script>setTimeout('${x}')</script>`,
    (x) => `<script>document.write('<img src=x onerror=${x}>')</script>`,
    (x) => `<script>import('data:text/javascript,${x}')</script>`,
    (x) => `<script async defer>${x}</script>`,
    (x) => `<script>${x}`,
  ],
}

/** Event handlers on many elements, in the ways a parser still reads them. */
const handlers: Family = {
  name: 'event handlers',
  placement: 'anywhere',
  makes: [
    (x) => `<img src=x onerror=${x}>`,
    (x) => `<img src="x" onerror="${x}"/>`,
    (x) => `<IMG SRC=x ONERROR='${x}'>`,
    (x) => `<img/src/onerror=${x}>`,
    (x) => `<img src=x oNeRrOr=${x}>`,
    (x) => `<img src onerror\n=${x}>`,
    (x) => `<img src=x onerror=${dec(x)}>`,
    (x) => `<img src=x onerror=${atobCall(x)}>`,
    (x) => `<img src=x onerror=javascript:${x}>`,
    (x) => `<img src=x onerror=top['__xss'](${x.slice(6, -1)})>`,
    (x) => `<img src=x onerror=${x}`,
    (x) => `<img src="x\`" onerror=${x}>`,
    (x) => `<img alt="x" title="" onerror=${x} src=x>`,
    (x) =>
      `<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mN4+P//fwAJTgPdk3c3NwAAAABJRU5ErkJggg==" onload=${x}>`,
    (x) => `<image src=x onerror=${x}>`,
    (x) => `<body onload=${x}>`,
    (x) => `<body onpageshow=${x}>`,
    (x) => `<body onfocus=${x}>`,
    (x) => `<body onhashchange=${x}><a href=#x>x</a>`,
    (x) => `<frameset onload=${x}>`,
    (x) => `<input autofocus onfocus=${x}>`,
    (x) => `<input onblur=${x} autofocus><input autofocus>`,
    (x) => `<input type=image src=x onerror=${x}>`,
    (x) => `<select autofocus onfocus=${x}></select>`,
    (x) => `<textarea autofocus onfocus=${x}></textarea>`,
    (x) => `<keygen autofocus onfocus=${x}>`,
    (x) => `<button autofocus onfocus=${x}>x</button>`,
    (x) => `<div contenteditable autofocus onfocus=${x}>x</div>`,
    (x) => `<div tabindex=0 autofocus onfocusin=${x}>x</div>`,
    (x) => `<a id=focusme tabindex=1 onfocus=${x} href=#focusme>x</a>`,
    (x) => `<video src=x onerror=${x}></video>`,
    (x) => `<video><source onerror=${x}></video>`,
    (x) => `<audio src=x onerror=${x}>`,
    (x) => `<picture><source srcset=x onerror=${x}><img src=x></picture>`,
    (x) => `<details open ontoggle=${x}>`,
    (x) => `<details ontoggle=${x} open><summary>x</summary>y</details>`,
    (x) => `<marquee onstart=${x}>x</marquee>`,
    (x) => `<marquee behavior=alternate onbounce=${x}>x</marquee>`,
    (x) => `<iframe onload=${x}></iframe>`,
    (x) => `<object data=x onerror=${x}></object>`,
    (x) => `<style onload=${x}></style>`,
    (x) => `<link rel=stylesheet href=x onload=${x} onerror=${x}>`,
    (x) => `<div onmouseover=${x}>hover</div>`,
    (x) => `<div onclick=${x}>click</div>`,
    (x) => `<p onmouseenter=${x}>x</p>`,
    (x) => `<span onpointerover=${x}>x</span>`,
    (x) => `<b onmousemove=${x}>x</b>`,
    (x) => `<table><tr><td onclick=${x}>x</td></tr></table>`,
    (x) => `<div onwheel=${x}>x</div>`,
    (x) => `<div draggable=true ondragstart=${x}>x</div>`,
    (x) => `<div oncopy=${x} contenteditable>x</div>`,
    (x) => `<x onclick=${x}>x</x>`,
    (x) => `<custom-element onmouseover=${x}>x</custom-element>`,
    (x) => `<a onmouseover=${x}>hover</a>`,
    (x) => `<b onanimationstart=${x} style="animation:spin 1s">x</b>`,
    (x) => `<b ontransitionend=${x} style="transition:color 1ms" onmouseover=this.style.color='red'>x</b>`,
    (x) => `<dialog open onclose=${x}><form method=dialog><button>x</button></form></dialog>`,
    (x) => `<div popover id=pop onbeforetoggle=${x}>x</div><button popovertarget=pop>x</button>`,
    (x) => `<html onmouseover=${x}>`,
    (x) => `<body onresize=${x}>`,
  ],
}

/** Elements that load or run other content, and the classic mutation (mXSS) and parser tricks. */
const elements: Family = {
  name: 'embedding elements and mXSS',
  placement: 'anywhere',
  makes: [
    (x) => `<iframe srcdoc="<script>parent.${x}</script>"></iframe>`,
    (x) => `<iframe srcdoc="&lt;img src=x onerror=parent.${x}&gt;"></iframe>`,
    (x) => `<iframe src="javascript:parent.${x}"></iframe>`,
    (x) => `<iframe src="data:text/html,<script>parent.${x}</script>"></iframe>`,
    (x) => `<object data="javascript:${x}"></object>`,
    (x) => `<object data="data:text/html,<script>parent.${x}</script>"></object>`,
    (x) => `<object type="image/svg+xml" data="data:image/svg+xml,<svg onload='parent.${x}'/>"></object>`,
    (x) => `<embed src="javascript:${x}">`,
    (x) => `<embed src="data:text/html,<script>parent.${x}</script>">`,
    (x) => `<embed type="image/svg+xml" src="data:image/svg+xml,<svg onload='parent.${x}'/>">`,
    (x) => `<applet code="javascript:${x}"></applet>`,
    (x) => `<frameset><frame src="javascript:parent.${x}"></frameset>`,
    (x) => `<portal src="javascript:${x}"></portal>`,
    (x) => `<base href="javascript:${x}//"><a href="x">x</a>`,
    (x) => `<meta http-equiv="refresh" content="0;url=javascript:${x}">`,
    (x) => `<meta http-equiv="refresh" content="0;url=data:text/html,<script>${x}</script>">`,
    (x) =>
      `<meta charset="x-imap4-modified-utf7">&ADz&AGn&AG0&AEf&ACA&AHM&AHI&AGM&AD0&AGn&ACA&AG8Abg&AGUAcgByAG8AcgA9-${x}`,
    (x) => `<form action="javascript:${x}"><button>go</button></form>`,
    (x) => `<form><button formaction="javascript:${x}">go</button></form>`,
    (x) => `<form><input type=submit formaction=javascript:${x}></form>`,
    (x) => `<form id=f onsubmit=${x}><input type=submit></form>`,
    (x) => `<isindex action="javascript:${x}" type=image>`,
    (x) => `<isindex type=image src=1 onerror=${x}>`,
    (x) => `<template><script>${x}</script></template>`,
    (x) => `<template><img src=x onerror=${x}></template>`,
    (x) => `<noscript><p title="</noscript><img src=x onerror=${x}>">`,
    (x) => `<noscript><img src=x onerror=${x}></noscript>`,
    (x) => `<math><mtext><table><mglyph><style><img src=x onerror=${x}>`,
    (x) => `<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src=x onerror=${x}>">`,
    (x) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${x}>`,
    (x) => `<svg></p><style><a id="</style><img src=1 onerror=${x}>">`,
    (x) => `<svg><p><style><img src=x onerror=${x}></style></p></svg>`,
    (x) => `<math><style><img src=x onerror=${x}></style></math>`,
    (x) => `<xmp><p title="</xmp><img src=x onerror=${x}>">`,
    (x) => `<title><img title="</title><img src=x onerror=${x}>">`,
    (x) => `<textarea><img title="</textarea><img src=x onerror=${x}>">`,
    (x) => `<noembed><img title="</noembed><img src=x onerror=${x}>">`,
    (x) => `<noframes><img title="</noframes><img src=x onerror=${x}>">`,
    (x) => `<iframe><img title="</iframe><img src=x onerror=${x}>"></iframe>`,
    (x) => `<select><template><img src=x onerror=${x}></template></select>`,
    (x) => `<select><iframe srcdoc="<script>parent.${x}</script>"></iframe></select>`,
    (x) => `<table><caption><svg><img src=x onerror=${x}>`,
    (x) => `<a href="https://example.com"><table><a title="</table><img src=x onerror=${x}>">`,
    (x) => `<!--><img src=x onerror=${x}>-->`,
    (x) => `<!---><img src=x onerror=${x}>-->`,
    (x) => `<!--<img src="--><img src=x onerror=${x}//">`,
    (x) => `<![CDATA[><img src=x onerror=${x}>]]>`,
    (x) => `<?xml-stylesheet href="javascript:${x}"?>`,
    (x) => `<? foo="><script>${x}</script>">`,
    (x) => `<!DOCTYPE html><img src=x onerror=${x}>`,
    (x) => `<plaintext><img src=x onerror=${x}>`,
    (x) => `<div id="<img src=x onerror=${x}>">x</div>`,
    (x) => `<object type="text/x-scriptlet" data="data:text/html,<script>${x}</script>"></object>`,
  ],
}

/** Closing the context a value might be put in (an attribute, an element) before the payload proper. */
const breakouts: Family = {
  name: 'context breakouts',
  placement: 'anywhere',
  makes: [
    (x) => `"><script>${x}</script>`,
    (x) => `'><img src=x onerror=${x}>`,
    (x) => `"><svg/onload=${x}>`,
    (x) => `'"--></style></script><svg onload=${x}>`,
    (x) => `" onmouseover="${x}`,
    (x) => `' onmouseover='${x}`,
    (x) => `" autofocus onfocus="${x}`,
    (x) => `"><iframe src=javascript:parent.${x}>`,
    (x) => `</textarea><script>${x}</script>`,
    (x) => `</title><script>${x}</script>`,
    (x) => `</noscript><img src=x onerror=${x}>`,
    (x) => `</xmp><img src=x onerror=${x}>`,
    (x) => `</template><img src=x onerror=${x}>`,
    (x) => `</iframe><img src=x onerror=${x}>`,
    (x) => `</option></select><img src=x onerror=${x}>`,
    (x) => `</code></pre><img src=x onerror=${x}>`,
    (x) => `</div></span></td></tr></table><img src=x onerror=${x}>`,
    (x) => `</svg><img src=x onerror=${x}>`,
    (x) => `</a><img src=x onerror=${x}>`,
    (x) => `</h2><img src=x onerror=${x}>`,
    (x) => `</main></body><img src=x onerror=${x}>`,
  ],
}

/** A whole value that is a dangerous URL, for the fields and renderers that turn text into a link or source. */
const schemes: Family = {
  name: 'dangerous URL schemes (whole value)',
  placement: 'first',
  makes: [
    (x) => `javascript:${x}`,
    (x) => `JaVaScRiPt:${x}`,
    (x) => ` javascript:${x}`,
    (x) => `\tjavascript:${x}`,
    (x) => `\njavascript:${x}`,
    (x) => `\x01javascript:${x}`,
    (x) => `java\tscript:${x}`,
    (x) => `java\nscript:${x}`,
    (x) => `java\rscript:${x}`,
    (x) => `javascript\t:${x}`,
    (x) => `javascript://%0A${x}`,
    (x) => `javascript://example.com/%0a${x}`,
    (x) => `javascript:${pct(x)}`,
    (x) => `javascript:void(${x})`,
    (x) => `javascript:eval('${x}')`,
    (x) => `javascript:${atobCall(x)}`,
    (x) => `javascript:${jsu('__xss')}(${x.slice(6, -1)})`,
    (x) => `&#106;avascript:${x}`,
    (x) => `&#x6A;avascript:${x}`,
    (x) => `${decPadded('javascript:')}${x}`,
    (x) => `${hexLoose('javascript:')}${x}`,
    (x) => `javascript&colon;${x}`,
    (x) => `jav&#x09;ascript:${x}`,
    (x) => `jav&Tab;ascript:${x}`,
    (x) => `jav&NewLine;ascript:${x}`,
    (x) =>
      `javascript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=${x} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=${x}//>\\x3e`,
    (x) => `vbscript:${x}`,
    (x) => `VBSCRIPT:${x}`,
    (x) => `livescript:${x}`,
    (x) => `mocha:${x}`,
    (x) => `data:text/html,<script>${x}</script>`,
    (x) => `DATA:text/html,<img src=x onerror=parent.${x}>`,
    (x) => ` data:text/html,<script>${x}</script>`,
    (x) => `data:text/html;base64,${b64(`<script>${x}</script>`)}`,
    (x) => `data:text/html;charset=utf-8,${pct(`<script>${x}</script>`)}`,
    (x) => `data:,<script>${x}</script>`,
    (x) => `data:application/xhtml+xml,<html xmlns="http://www.w3.org/1999/xhtml"><script>${x}</script></html>`,
    (x) => `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${x}"/>`,
    (x) => `data:image/svg+xml;base64,${b64(`<svg xmlns="http://www.w3.org/2000/svg"><script>${x}</script></svg>`)}`,
    (x) => `data:image/svg+xml;utf8,<svg xmlns="http://www.w3.org/2000/svg"><script>${x}</script></svg>`,
    (x) => `data:image/png;base64,${b64(`<script>${x}</script>`)}`,
    (x) => `data:text/javascript,${x}`,
    (x) => `data:application/javascript;base64,${b64(x)}`,
    (x) => `blob:http://127.0.0.1/00000000-0000-0000-0000-000000000000#${x}`,
    (x) => `blob:javascript:${x}`,
    (x) => `filesystem:http://127.0.0.1/temporary/x.html#${x}`,
    (x) => `filesystem:javascript:${x}`,
    (x) => `view-source:javascript:${x}`,
    (x) => `mailto:a@example.com?body=<script>${x}</script>`,
    (x) => `//javascript:${x}`,
  ],
}

/** Dangerous URLs in the attributes of markup: links, sources, frames, forms, image maps. */
const urlAttributes: Family = {
  name: 'dangerous URLs in markup',
  placement: 'anywhere',
  makes: [
    (x) => `<a href="javascript:${x}">click</a>`,
    (x) => `<a href=javascript:${x}>x</a>`,
    (x) => `<a href="JAVASCRIPT:${x}">x</a>`,
    (x) => `<a href="  javascript:${x}">x</a>`,
    (x) => `<a href="jav&#x09;ascript:${x}">tab</a>`,
    (x) => `<a href="jav&#x0A;ascript:${x}">newline</a>`,
    (x) => `<a href="&#x6A;avascript:${x}">entity</a>`,
    (x) => `<a href="${hexLoose('javascript:')}${x}">entities</a>`,
    (x) => `<a href="javascript&colon;${x}">colon</a>`,
    (x) => `<a href="javas&#99;ript:${x}">x</a>`,
    (x) => `<a href="vbscript:${x}">x</a>`,
    (x) => `<a href="data:text/html,<script>${x}</script>">x</a>`,
    (x) => `<a href="data:text/html;base64,${b64(`<script>${x}</script>`)}">x</a>`,
    (x) => `<a href="javascript:${x}" target=_self>x</a>`,
    (x) => `<a href="https://example.com" onclick="${x}">x</a>`,
    (x) => `<a ping="javascript:${x}" href="#">x</a>`,
    (x) => `<map name=m><area shape=rect coords=0,0,99,99 href="javascript:${x}"></map><img usemap=#m src=x>`,
    (x) => `<img src="javascript:${x}">`,
    (x) => `<img src=x lowsrc="javascript:${x}" dynsrc="javascript:${x}">`,
    (x) => `<img srcset="javascript:${x} 1x">`,
    (x) => `<video poster="javascript:${x}"></video>`,
    (x) => `<source src="javascript:${x}">`,
    (x) => `<table background="javascript:${x}"><tr><td>x</td></tr></table>`,
    (x) => `<body background="javascript:${x}">`,
    (x) => `<blockquote cite="javascript:${x}">x</blockquote>`,
    (x) => `<bgsound src="javascript:${x}">`,
    (x) => `<math href="javascript:${x}">x</math>`,
    (x) => `<math><mi xlink:href="javascript:${x}">x</mi></math>`,
    (x) => `<a href="javascript:${x}"><img src=x></a>`,
    (x) => `<iframe src="vbscript:${x}"></iframe>`,
    (x) => `<a href="%6Aavascript:${x}">x</a>`,
  ],
}

/**
 * Valid http(s) URLs (no whitespace) that try to leave the attribute they are put in, or to pass an
 * allow-list by its prefix: these reach the link, image, file, PDF and embed URL fields.
 */
const httpUrls: Family = {
  name: 'hostile http(s) URLs',
  placement: 'anywhere',
  makes: [
    (x) => `https://example.com/"><script>${x}</script>`,
    (x) => `https://example.com/'><img/src=x/onerror=${x}>`,
    (x) => `https://example.com/#"onmouseover="${x}"`,
    (x) => `https://example.com/x.png"onerror="${x}`,
    (x) => `http://example.com/x.png'onerror='${x}`,
    (x) => `https://example.com/?"><svg/onload=${x}>`,
    (x) => `https://example.com/"><iframe/srcdoc="<script>parent.${x}</script>">`,
    (x) => `https://example.com/</script><script>${x}</script>`,
    (x) => `https://example.com/?x=</title><script>${x}</script>`,
    (x) => `https://example.com/);background:url(javascript:${x});`,
    (x) => `https://example.com/"style="background:url(javascript:${x})`,
    (x) => `https://javascript:${x}@example.com/`,
    (x) => `https://example.com/x?url=javascript:${x}`,
    (x) => `https://example.com/#javascript:${x}`,
    (x) => `https://example.com/${pct(`"><script>${x}</script>`)}`,
    (x) => `https://example.com/&quot;&gt;&lt;script&gt;${x}&lt;/script&gt;`,
    (x) => `HTTPS://EXAMPLE.COM/"><script>${x}</script>`,
    (x) => `https://example.com/x.pdf#"><script>${x}</script>`,
    (x) => `https://example.com/x.csv?<svg/onload=${x}>`,
    (x) => `https://example.com/[x](javascript:${x})`,
    (x) => `https://example.com/<!--<script>${x}</script>-->`,
    (x) => `https://example.com/#{{constructor.constructor('${x}')()}}`,
    (x) => `https://example.com/?q=\${${x}}`,
    (x) => `https://www.youtube.com/embed/x"><script>${x}</script>`,
    (x) => `https://www.youtube.com/embed/x?"onload="${x}`,
    (x) => `https://player.vimeo.com/video/1#"><img/src=x/onerror=${x}>`,
    (x) => `https://www.youtube.com.evil.example/embed/x#${x}`,
    (x) => `https://www.youtube.com@evil.example/embed/x#${x}`,
    (x) => `https://evil.example\\@www.youtube.com/embed/x#${x}`,
    (x) => `https://docs.google.com/document/d/x/preview#"><script>${x}</script>`,
    (x) => `https://www.figma.com/embed?url=javascript:${x}`,
    (x) => `https://www.loom.com/embed/x?"><img/src=x/onerror=${x}>`,
  ],
}

/** SVG: its own script and event handlers, animation that rewrites a link, `<use>` of data, foreign HTML. */
const svg: Family = {
  name: 'SVG',
  placement: 'anywhere',
  makes: [
    (x) => `<svg onload=${x}>`,
    (x) => `<svg/onload=${x}>`,
    (x) => `<svg><script>${x}</script></svg>`,
    (x) => `<svg><script>${dec(x)}</script></svg>`,
    (x) => `<svg><script href="data:,${x}"/></svg>`,
    (x) => `<svg><script xlink:href="data:,${x}"></script></svg>`,
    (x) => `<svg xmlns="http://www.w3.org/2000/svg"><script type="text/ecmascript">${x}</script></svg>`,
    (x) => `<svg><animate onbegin=${x} attributeName=x dur=1s>`,
    (x) => `<svg><set onbegin=${x} attributeName=x to=1>`,
    (x) => `<svg><discard onbegin=${x} /></svg>`,
    (x) => `<svg><animateTransform onbegin=${x} attributeName=transform type=scale from=1 to=2 dur=1s /></svg>`,
    (x) => `<svg><a><animate attributeName=href values=javascript:${x} /><text x=20 y=20>click</text></a></svg>`,
    (x) => `<svg><a><set attributeName=href to=javascript:${x} /><text y=20>x</text></a></svg>`,
    (x) =>
      `<svg><a><animate attributeName=xlink:href begin=0 from=javascript:${x} to=& /><text y=20>x</text></a></svg>`,
    (x) =>
      `<svg><a><animate attributeName=href dur=5s repeatCount=indefinite keyTimes=0;0;1 values="https://example.com;javascript:${x};0" /><text y=20>x</text></a></svg>`,
    (x) => `<svg><set attributeName=onmouseover to=${x} /><rect width=99 height=99 /></svg>`,
    (x) => `<svg><a xlink:href="javascript:${x}"><text y="20">x</text></a></svg>`,
    (x) => `<svg><a href="javascript:${x}"><rect width=99 height=99 /></a></svg>`,
    (x) =>
      `<svg><use href="data:image/svg+xml,<svg id='u' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${x}'/></svg>#u"/></svg>`,
    (x) =>
      `<svg><use xlink:href="data:image/svg+xml;base64,${b64(`<svg id="u" xmlns="http://www.w3.org/2000/svg"><image href="1" onerror="${x}"/></svg>`)}#u"/></svg>`,
    (x) => `<svg><foreignObject><img src=x onerror=${x}></foreignObject></svg>`,
    (x) => `<svg><foreignObject><iframe srcdoc="<script>parent.${x}</script>"></iframe></foreignObject></svg>`,
    (x) => `<svg><image href=x onerror=${x} /></svg>`,
    (x) => `<svg><image xlink:href="javascript:${x}" /></svg>`,
    (x) => `<svg><filter id=f><feImage href="javascript:${x}"/></filter></svg>`,
    (x) => `<svg><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">${x}</handler></svg>`,
    (x) => `<svg><desc><img src=x onerror=${x}></desc></svg>`,
    (x) => `<svg><![CDATA[><img src=x onerror=${x}>]]></svg>`,
    (x) => `<svg><textarea><img src=x onerror=${x}></textarea></svg>`,
    (x) => `<svg><style>@import'javascript:${x}';</style></svg>`,
  ],
}

/** CSS: script-bearing URLs, `expression()`, `@import`, bindings, and leaving a `<style>` element. */
const css: Family = {
  name: 'CSS',
  placement: 'anywhere',
  makes: [
    (x) => `<div style="background:url(javascript:${x})">x</div>`,
    (x) => `<div style="background-image:url('javascript:${x}')">x</div>`,
    (x) => `<div style="width: expression(${x})">x</div>`,
    (x) => `<div style="x:expr/**/ession(${x})">x</div>`,
    (x) => `<div style="behavior:url(javascript:${x})">x</div>`,
    (x) => `<div style="-moz-binding:url(javascript:${x})">x</div>`,
    (x) => `<div style="background:url(&#106;avascript:${x})">x</div>`,
    (x) => `<div style="background:url(java\\script:${x})">x</div>`,
    (x) => `<div style="background:\\75 rl(javascript:${x})">x</div>`,
    (x) => `<div style="--x:url(javascript:${x});background:var(--x)">x</div>`,
    (x) => `<div style="color:red;}</style><script>${x}</script>">x</div>`,
    (x) => `<div style="background:url(data:image/svg+xml,<svg/onload=${x}>)">x</div>`,
    (x) => `<style>@import 'javascript:${x}';</style>`,
    (x) => `<style>@import url("data:text/css,body{background:url(javascript:${x})}");</style>`,
    (x) => `<style>body{background:url("javascript:${x}")}</style>`,
    (x) => `<style>*{x:expression(${x})}</style>`,
    (x) => `<style>@font-face{font-family:x;src:url(javascript:${x})}</style>`,
    (x) => `<style>li{list-style-image:url("javascript:${x}")}</style><ul><li>x</li></ul>`,
    (x) => `<style>:root{--p:"</style><script>${x}</script>"}</style>`,
    (x) => `</style><script>${x}</script>`,
    (x) => `</style><img src=x onerror=${x}>`,
    (x) => `<link rel=stylesheet href="javascript:${x}">`,
    (x) => `<link rel=stylesheet href="data:text/css,*{background:url(javascript:${x})}">`,
    (x) => `red;background:url(javascript:${x})`,
    (x) => `#fff;}</style><script>${x}</script>`,
    (x) => `url(javascript:${x})`,
    (x) => `expression(${x})`,
  ],
}

/** Markdown: links and images with dangerous targets, reference links, autolinks, raw HTML, code fences. */
const markdown: Family = {
  name: 'markdown',
  placement: 'anywhere',
  makes: [
    (x) => `[click me](javascript:${x})`,
    (x) => `[click me](JAVASCRIPT:${x})`,
    (x) => `[x](&#106;avascript:${x})`,
    (x) => `[x](&#x6A;avascript:${x})`,
    (x) => `[x](javascript&colon;${x})`,
    (x) => `[x](java&#x09;script:${x})`,
    (x) => `[x](<javascript:${x}>)`,
    (x) => `[x]( javascript:${x} "title")`,
    (x) => `[x](javascript:${x.replace('(', '%28').replace(')', '%29')})`,
    (x) => `[x](vbscript:${x})`,
    (x) => `[x](data:text/html;base64,${b64(`<script>${x}</script>`)})`,
    (x) => `[x][ref]\n\n[ref]: javascript:${x}`,
    (x) => `[ref]: <javascript:${x}> "t"\n\n[ref]`,
    (x) => `[x]: https://example.com/"onmouseover="${x}\n\n[x]`,
    (x) => `<javascript:${x}>`,
    (x) => `<JAVASCRIPT:${x}>`,
    (x) => `<vbscript:${x}>`,
    (x) => `<http://example.com/"onmouseover="${x}>`,
    (x) => `www.example.com/"onmouseover="${x}`,
    (x) => `a@example.com"onmouseover="${x}`,
    (x) => `![x](javascript:${x})`,
    (x) => `![x](x" onerror="${x})`,
    (x) => `![x](https://example.com/x.png "title\\" onerror=\\"${x}")`,
    (x) => `![<img src=x onerror=${x}>](https://example.com/x.png)`,
    (x) => `[<img src=x onerror=${x}>](https://example.com)`,
    (x) => `[x](https://example.com "<img src=x onerror=${x}>")`,
    (x) => `[x](#" onmouseover="${x})`,
    (x) => `<div>\n<img src=x onerror=${x}>\n</div>`,
    (x) => `<details>\n\n*x*\n\n<img src=x onerror=${x}>\n\n</details>`,
    (x) => `foo <img src=x onerror=${x}> bar`,
    (x) => `**<img src=x onerror=${x}>**`,
    (x) => `# <img src=x onerror=${x}>`,
    (x) => `Setext <img src=x onerror=${x}>\n===`,
    (x) => `> <img src=x onerror=${x}>`,
    (x) => `- [ ] <img src=x onerror=${x}>`,
    (x) => `| a |\n| --- |\n| <img src=x onerror=${x}> |`,
    (x) => `~~<img src=x onerror=${x}>~~`,
    (x) => `\`<script>${x}</script>\``,
    (x) => `\`\`\`html\n<script>${x}</script>\n\`\`\``,
    (x) => `\`\`\`\n</code></pre><img src=x onerror=${x}>\n\`\`\``,
    (x) => `\`\`\`"><img src=x onerror=${x}>\ncode\n\`\`\``,
    (x) => `    <script>${x}</script>`,
    (x) => `\\<img src=x onerror=${x}>`,
    (x) => `&lt;img src=x onerror=${x}&gt;`,
    (x) => `&#60;script&#62;${x}&#60;/script&#62;`,
  ],
}

/**
 * mermaid: directives that try to lower the security level or inject CSS, click callbacks and links, and
 * HTML in labels, across diagram types.
 */
const mermaid: Family = {
  name: 'mermaid',
  placement: 'diagram',
  makes: [
    (x) => `graph TD\n  A[Start] --> B\n  click A callback "${x}"`,
    (x) => `graph TD\n  A --> B\n  click A call ${x}`,
    (x) => `graph TD\n  A --> B\n  click B href "javascript:${x}"`,
    (x) => `graph TD\n  A --> B\n  click B "javascript:${x}" "tip"`,
    (x) => `graph TD\n  A --> B\n  click A href "data:text/html,<script>${x}</script>" _blank`,
    (x) => `graph LR\n  A --> B\n  click A href "https://example.com/?x=<img src=x onerror=${x}>"`,
    (x) => `%%{init: {"securityLevel":"loose"}}%%\ngraph TD\n  A --> B\n  click A call ${x}`,
    (x) => `%%{init: {"securityLevel":"loose"}}%%\ngraph TD\n  A["<img src=x onerror=${x}>"] --> B`,
    (x) => `%%{initialize: {"securityLevel":"loose"}}%%\ngraph TD\n  A --> B\n  click A href "javascript:${x}"`,
    (x) => `%%{init: {"securityLevel":"antiscript"}}%%\ngraph TD\n  A["<a href='javascript:${x}'>x</a>"]`,
    (x) => `%%{init: {"securityLevel":"loose","secure":[]}}%%\ngraph TD\n  A["<img src=x onerror=${x}>"]`,
    (x) => `---\nconfig:\n  securityLevel: loose\n---\ngraph TD\n  A --> B\n  click A call ${x}`,
    (x) => `graph TD\n  %%{init: {"securityLevel":"loose"}}%%\n  A --> B\n  click A call ${x}`,
    (x) => `%%{init: {"themeCSS":"</style><script>${x}</script>"}}%%\ngraph TD\n  A --> B`,
    (x) => `%%{init: {"themeCSS":".node rect{fill:url(javascript:${x})}"}}%%\ngraph TD\n  A --> B`,
    (x) => `%%{init: {"themeCSS":"@import url(javascript:${x});"}}%%\ngraph TD\n  A --> B`,
    (x) => `%%{init: {"themeCSS":"} </style><img src=x onerror=${x}><style>"}}%%\ngraph TD\n  A --> B`,
    (x) => `%%{init: {"fontFamily":"\\"></style><img src=x onerror=${x}>"}}%%\ngraph TD\n  A --> B`,
    (x) => `%%{init: {"themeVariables":{"fontSize":"16px;}</style><img src=x onerror=${x}>"}}}%%\ngraph TD\n  A --> B`,
    (x) =>
      `%%{init: {"dompurifyConfig":{"ADD_TAGS":["script"],"ADD_ATTR":["onerror"]}}}%%\ngraph TD\n  A["<img src=x onerror=${x}>"]`,
    (x) => `%%{init: {"__proto__":{"polluted":"<img src=x onerror=${x}>"}}}%%\ngraph TD\n  A --> B`,
    (x) => `%%{init: {"flowchart":{"htmlLabels":true}}}%%\ngraph TD\n  A["<img src=x onerror=${x}>"] --> B`,
    (x) => `graph TD\n  A["<img src=x onerror=${x}>"] --> B`,
    (x) => `graph TD\n  A[<img src=x onerror=${x.replace('(', '&#40;').replace(')', '&#41;')}>] --> B`,
    (x) => `graph TD\n  A["<iframe srcdoc='<script>parent.${x}</script>'></iframe>"]`,
    (x) => `graph TD\n  A["<a href='javascript:${x}'>x</a>"]`,
    (x) => `graph TD\n  A["<svg onload=${x}>"]`,
    (x) => `graph TD\n  A["#lt;img src=x onerror=${x}#gt;"]`,
    (x) => `graph TD\n  A["&lt;img src=x onerror=${x}&gt;"]`,
    (x) => `graph TD\n  A["<b>ok</b><script>${x}</script>"]`,
    (x) => `graph TD\n  A["\`**<img src=x onerror=${x}>**\`"]`,
    (x) => `graph TD\n  A -- "<img src=x onerror=${x}>" --> B`,
    (x) => `graph TD\n  subgraph S["<img src=x onerror=${x}>"]\n  A\n  end`,
    (x) => `stateDiagram-v2\n  s1 --> s2\n  classDef evil fill:url(javascript:${x})\n  class s1 evil`,
    (x) =>
      `stateDiagram-v2\n  s1 --> s2\n  classDef x fill:red;}</style><img src=x onerror=${x}><style>{\n  class s1 x`,
    (x) => `stateDiagram-v2\n  s1 --> s2\n  style s1 fill:url(javascript:${x})`,
    (x) => `classDiagram\n  class A\n  style A fill:url(javascript:${x})`,
    (x) => `flowchart TD\n  A@{ img: "javascript:${x}", label: "x", pos: "t", h: 60 }`,
    (x) => `flowchart TD\n  A@{ icon: "<img src=x onerror=${x}>", label: "x" }`,
    (x) => `sequenceDiagram\n  Alice->>Bob: <script>${x}</script>`,
    (x) => `sequenceDiagram\n  participant A as <img src=x onerror=${x}>\n  A->>A: hi`,
    (x) => `sequenceDiagram\n  Alice->>Bob: hi\n  Note over Alice: <img src=x onerror=${x}>`,
    (x) => `sequenceDiagram\n  participant A\n  link A: Dashboard @ javascript:${x}\n  A->>A: hi`,
    (x) => `sequenceDiagram\n  participant A\n  links A: {"Docs": "javascript:${x}"}\n  A->>A: hi`,
    (x) => `classDiagram\n  class A{\n    +String name\n    +<img src=x onerror=${x}>()\n  }`,
    (x) => `classDiagram\n  class A\n  click A href "javascript:${x}"`,
    (x) => `classDiagram\n  class A\n  callback A "${x}"`,
    (x) => `stateDiagram-v2\n  s1 : <img src=x onerror=${x}>\n  [*] --> s1`,
    (x) => `erDiagram\n  A ||--o{ B : "<img src=x onerror=${x}>"`,
    (x) => `gantt\n  title <img src=x onerror=${x}>\n  section S\n  Task :a1, 2024-01-01, 1d\n  click a1 call ${x}`,
    (x) => `gantt\n  section S\n  Task :a1, 2024-01-01, 1d\n  click a1 href "javascript:${x}"`,
    (x) => `pie title <img src=x onerror=${x}>\n  "a" : 1`,
    (x) => `journey\n  title <script>${x}</script>\n  section S\n    Task: 5: <img src=x onerror=${x}>`,
    (x) => `mindmap\n  root["<img src=x onerror=${x}>"]`,
    (x) => `timeline\n  title <img src=x onerror=${x}>\n  2024 : <script>${x}</script>`,
    (x) => `gitGraph\n  commit id: "<img src=x onerror=${x}>"`,
    (x) => `quadrantChart\n  title <img src=x onerror=${x}>\n  A: [0.3, 0.6]`,
    (x) => `xychart-beta\n  title "<img src=x onerror=${x}>"\n  x-axis [a, b]\n  bar [1, 2]`,
    (x) => `C4Context\n  Person(a, "<img src=x onerror=${x}>")`,
    (x) => `block-beta\n  a["<img src=x onerror=${x}>"]`,
    (x) => `kanban\n  todo["<img src=x onerror=${x}>"]`,
  ],
}

/** Unicode: bidi overrides, zero-width and control characters, fullwidth forms, homoglyphs, overlong forms. */
const unicode: Family = {
  name: 'unicode tricks',
  placement: 'anywhere',
  makes: [
    (x) => `<a href="javascript:${x}">\u202Egnp.txt</a>`,
    (x) => `[\u202Egnp.exe](javascript:${x})`,
    (x) => `\u202E<img src=x onerror=${x}>\u202C`,
    (x) => `\u202D<script>${x}</script>`,
    (x) => `<img src=x on\u200Berror=${x}>`,
    (x) => `<scr\u200Dipt>${x}</script>`,
    (x) => `<a href="java\u200Bscript:${x}">x</a>`,
    (x) => `[x](java\u00ADscript:${x})`,
    (x) => `\uFF1Cscript\uFF1E${x}\uFF1C/script\uFF1E`,
    (x) => `\uFF1Cimg src=x onerror=${x}\uFF1E`,
    (x) => `\uFE64script\uFE65${x}\uFE64/script\uFE65`,
    (x) => `\u2329script\u232A${x}\u2329/script\u232A`,
    (x) => `<\u0455cript>${x}</\u0455cript>`,
    (x) => `<img src=x \u043Enerror=${x}>`,
    (x) => `<\u017Fcript>${x}</\u017Fcript>`,
    (x) => `<\u0131mg src=x onerror=${x}>`,
    (x) => `<\u017Fvg onload=${x}>`,
    (x) => `https://www.y\u043Eutube.com/embed/x#${x}`,
    (x) => `%C0%BCscript%C0%BE${x}%C0%BC/script%C0%BE`,
    (x) => `\u00C0\u00BCscript\u00C0\u00BE${x}\u00C0\u00BC/script\u00C0\u00BE`,
    (x) => `https://example.com/%C0%BCscript%C0%BE${x}%C0%BC/script%C0%BE`,
    (x) => `%E0%80%BCimg src=x onerror=${x}%E0%80%BE`,
    (x) => `<scr\u0000ipt>${x}</scr\u0000ipt>`,
    (x) => `<img src=x onerror\u0000=${x}>`,
    (x) => `<img src=x o\u0000nerror=${x}>`,
    (x) => `\u0000<script>${x}</script>`,
    (x) => `<a href="java\u0000script:${x}">x</a>`,
    (x) => `\uD800<script>${x}</script>`,
    (x) => `<img src=x onerror=${x}>\uDFFF`,
    (x) => `<script\u0301>${x}</script>`,
    (x) => `<\u0338img src=x onerror=${x}>`,
    (x) => `<img src=x onerror=${x}>\u0336\u0336\u0336`,
    (x) => `+ADw-script+AD4-${x}+ADw-/script+AD4-`,
    (x) => `\u2028<script>${x}</script>\u2029`,
    (x) => `<img src=x alt="\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67" onerror=${x}>`,
  ],
}

/** Unicode tricks that matter as the start of a value: obfuscated schemes. */
const unicodeSchemes: Family = {
  name: 'unicode tricks in URL schemes (whole value)',
  placement: 'first',
  makes: [
    (x) => `\u202Ejavascript:${x}`,
    (x) => `javascript:${x}\u202E//:sptth`,
    (x) => `java\u200Bscript:${x}`,
    (x) => `\u200Bjavascript:${x}`,
    (x) => `javascript\u200C:${x}`,
    (x) => `java\u00ADscript:${x}`,
    (x) => `\uFEFFjavascript:${x}`,
    (x) => `\u00A0javascript:${x}`,
    (x) => `java\u0000script:${x}`,
    (x) => `\u0000javascript:${x}`,
    (x) => `\uFF4A\uFF41\uFF56\uFF41\uFF53\uFF43\uFF52\uFF49\uFF50\uFF54:${x}`,
    (x) => `j\u0430vascript:${x}`,
    (x) => `java\u017Fcript:${x}`,
    (x) => `java\u0301script:${x}`,
  ],
}

/** Breaking out of the JSON the server embeds in a `<script>` element, and out of JavaScript strings. */
const scriptContext: Family = {
  name: 'script and JSON context breakouts',
  placement: 'anywhere',
  makes: [
    (x) => `</script><script>${x}</script>`,
    (x) => `</SCRIPT><script>${x}</script>`,
    (x) => `</script ><img src=x onerror=${x}>`,
    (x) => `</script\t><img src=x onerror=${x}>`,
    (x) => `</script/x><svg onload=${x}>`,
    (x) => `<\\/script><script>${x}</script>`,
    (x) => `<!--<script>${x}</script>-->`,
    (x) => `<!--</script><script>${x}</script>`,
    (x) => `--><script>${x}</script>`,
    (x) => `]]><script>${x}</script>`,
    (x) => `"}]}</script><script>${x}</script>`,
    (x) => `"});${x};({"`,
    (x) => `";${x};//`,
    (x) => `';${x};//`,
    (x) => `\\";${x};//`,
    (x) => `\u2028${x}\u2029`,
    (x) => `\\u003c/script\\u003e\\u003cscript\\u003e${x}\\u003c/script\\u003e`,
    (x) => `\\x3c/script\\x3e\\x3cscript\\x3e${x}\\x3c/script\\x3e`,
    (x) => `${jsx('</script><script>')}${x}`,
    (x) => `&lt;/script&gt;&lt;script&gt;${x}&lt;/script&gt;`,
    (x) => `\u0000</script><script>${x}</script>`,
  ],
}

/** Template expressions (Angular, Vue, Handlebars, JavaScript) and prototype pollution through keys in text. */
const templates: Family = {
  name: 'template and prototype tricks',
  placement: 'anywhere',
  makes: [
    (x) => `{{constructor.constructor('${x}')()}}`,
    (x) => `{{$on.constructor('${x}')()}}`,
    (x) => `{{_c.constructor('${x}')()}}`,
    (x) => `{{this.constructor.constructor('${x}')()}}`,
    (x) => `<div ng-app ng-csp>{{$eval.constructor('${x}')()}}</div>`,
    (x) => `\${${x}}`,
    (x) => `\`\${${x}}\``,
    (x) => `#{${x}}`,
    (x) => `<%= ${x} %>`,
    (x) => `{{= ${x}}}`,
    (x) => `{%${x}%}`,
    (x) => `[[${x}]]`,
    (x) => `@{${x}}`,
    (x) => `{{{<img src=x onerror=${x}>}}}`,
    (x) => `{{'<img src=x onerror=${x}>'}}`,
    (x) => `{{7*7}}<img src=x onerror=${x}>`,
    (x) => `<div v-html="'<img src=x onerror=${x}>'"></div>`,
    (x) => `<div x-data x-init="${x}"></div>`,
    (x) => `<div data-bind="html: '<img src=x onerror=${x}>'"></div>`,
    (x) => `{"__proto__":{"innerHTML":"<img src=x onerror=${x}>"}}`,
    (x) => `{"constructor":{"prototype":{"srcdoc":"<script>${x}</script>"}}}`,
    (x) => `__proto__[innerHTML]=<img src=x onerror=${x}>`,
    (x) => `constructor[prototype][onerror]=${x}`,
    (x) => `__proto__.src=javascript:${x}`,
  ],
}

/** DOM clobbering: named elements that shadow globals, document properties or what the viewer looks up. */
const clobbering: Family = {
  name: 'DOM clobbering',
  placement: 'anywhere',
  makes: [
    (x) => `<form id=x><input name=action value="javascript:${x}"></form>`,
    (x) => `<img name=getElementById src=x onerror=${x}>`,
    (x) => `<img name=createElement src=x onerror=${x}>`,
    (x) => `<form name=body><img src=x onerror=${x}></form>`,
    (x) => `<form name=documentElement><img src=x onerror=${x}></form>`,
    (x) => `<a id=defaultView></a><a id=defaultView name=__xss href="javascript:${x}">x</a>`,
    (x) => `<a id=CONFIG></a><a id=CONFIG name=url href="javascript:${x}">x</a>`,
    (x) => `<iframe name=app srcdoc="<script>parent.${x}</script>"></iframe>`,
    (x) => `<embed name=anchors src="javascript:${x}">`,
    (x) => `<object name=querySelector data="javascript:${x}"></object>`,
    (x) => `<a id=app href="javascript:${x}">x</a>`,
    (x) => `<img id=mermaid name=initialize src=x onerror=${x}>`,
    (x) => `<input id=__proto__ name=innerHTML value="<img src=x onerror=${x}>">`,
    (x) => `<form id=location><input name=href value="javascript:${x}"></form>`,
    (x) =>
      `<script type="application/json" id="pindown-data">{"kind":"pin","pins":[{"pin_type":"markdown","pin_config":{"content":"<img src=x onerror=${x}>"}}]}</script>`,
    (x) => `<div id=pindown-data>{"kind":"pin","pins":[{"pin_config":{"code":"<img src=x onerror=${x}>"}}]}</div>`,
  ],
}

export const families: readonly Family[] = [
  scripts,
  handlers,
  elements,
  breakouts,
  schemes,
  urlAttributes,
  httpUrls,
  svg,
  css,
  markdown,
  mermaid,
  unicode,
  unicodeSchemes,
  scriptContext,
  templates,
  clobbering,
]

let next = 1
export const payloads: readonly Payload[] = families.flatMap((family) =>
  family.makes.map((make) => {
    const n = next++
    return { n, family: family.name, placement: family.placement, text: make(`__xss(${n})`, n) }
  }),
)
