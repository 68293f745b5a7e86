/** What kind of file a name or MIME type is (PDF, spreadsheet, image...), and the words for it. */

export type FileKind =
  | 'pdf'
  | 'sheet'
  | 'doc'
  | 'slides'
  | 'image'
  | 'video'
  | 'audio'
  | 'archive'
  | 'code'
  | 'text'
  | 'file'

const kindNames: Record<FileKind, string> = {
  pdf: 'PDF',
  sheet: 'Spreadsheet',
  doc: 'Document',
  slides: 'Presentation',
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  archive: 'Archive',
  code: 'Code',
  text: 'Text',
  file: 'File',
}

const extensionKinds: [RegExp, FileKind][] = [
  [/^pdf$/, 'pdf'],
  [/^(xlsx?|xlsm|xlsb|ods|csv|tsv|numbers)$/, 'sheet'],
  [/^(docx?|odt|rtf|pages)$/, 'doc'],
  [/^(pptx?|odp|key)$/, 'slides'],
  [/^(png|jpe?g|gif|webp|svg|avif|heic|bmp|tiff?|ico)$/, 'image'],
  [/^(mp4|mov|webm|mkv|avi|m4v)$/, 'video'],
  [/^(mp3|wav|ogg|flac|m4a|aac|opus)$/, 'audio'],
  [/^(zip|gz|tgz|tar|7z|rar|bz2|xz|zst)$/, 'archive'],
  [/^(json|js|mjs|ts|tsx|jsx|py|rb|go|rs|java|c|h|cpp|cs|php|sh|sql|ya?ml|toml|xml|html?|css|ipynb)$/, 'code'],
  [/^(txt|md|log|ini|cfg|conf)$/, 'text'],
]

const mimeKinds: [RegExp, FileKind][] = [
  [/^application\/pdf$/, 'pdf'],
  [/^(text\/(csv|tab-separated-values)|application\/.*(spreadsheet|excel|sheet).*)$/, 'sheet'],
  [/^application\/.*(wordprocessing|msword|opendocument\.text|rtf).*$/, 'doc'],
  [/^application\/.*(presentation|powerpoint).*$/, 'slides'],
  [/^image\//, 'image'],
  [/^video\//, 'video'],
  [/^audio\//, 'audio'],
  [/^application\/.*(zip|gzip|tar|7z|rar|compressed|bzip|xz|zstd).*$/, 'archive'],
  [/^(application\/(json|javascript|xml|x-sh|sql|x-python|typescript)|text\/(javascript|html|css|xml|x-))/, 'code'],
  [/^text\//, 'text'],
]

/** The lower-case extension of a file name (`report.PDF` → `pdf`), if it has a short, plain one. */
export function extensionOf(name: string): string | undefined {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name.trim())
  return match?.[1]?.toLowerCase()
}

export function fileKind(name: string, mimeType?: string): FileKind {
  const mime = mimeType?.toLowerCase()
  if (mime) for (const [pattern, kind] of mimeKinds) if (pattern.test(mime)) return kind
  const extension = extensionOf(name)
  if (extension) for (const [pattern, kind] of extensionKinds) if (pattern.test(extension)) return kind
  return 'file'
}

export function kindName(kind: FileKind): string {
  return kindNames[kind]
}

/** What a file icon says: the extension, else a short word for the kind. */
export function iconLabel(kind: FileKind, name: string): string {
  const fallback = kind === 'sheet' ? 'xls' : kind === 'image' ? 'img' : kind === 'file' ? '' : kind.slice(0, 3)
  return (extensionOf(name) ?? fallback).slice(0, 4).toUpperCase()
}
