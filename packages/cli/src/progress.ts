/** A one-line progress bar on stderr, redrawn in place on a terminal and printed per step otherwise. */
export function progressBar(label: string, total: number): (done: number) => void {
  const tty = process.stderr.isTTY
  return (done) => {
    const width = 30
    const filled = total === 0 ? width : Math.round((done / total) * width)
    const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`
    if (tty) process.stderr.write(`\r${line}${done === total ? '\n' : ''}`)
    else process.stderr.write(`${line}\n`)
  }
}
