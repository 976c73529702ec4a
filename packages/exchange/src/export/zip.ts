// Zip archives of export files (a Shapefile's parts, a plan-area bundle), built by yazl as a stream: entries go in
// in order, streamed contents are read only when their turn comes, so a bundle holds one batch at a time.
import { Readable } from 'node:stream'
import { ZipFile } from 'yazl'

export type ZipEntry =
  | { name: string; content: string | Uint8Array | AsyncIterable<string | Uint8Array> }
  | { name: string; path: string }

/** The zip as a readable byte stream; an error in any entry's content ends the stream with that error. */
export function zipStream(entries: ZipEntry[]): Readable {
  const zip = new ZipFile()
  const output = zip.outputStream as Readable
  zip.on('error', (error: Error) => output.destroy(error))
  for (const entry of entries) {
    if ('path' in entry) zip.addFile(entry.path, entry.name)
    else if (typeof entry.content === 'string') zip.addBuffer(Buffer.from(entry.content, 'utf8'), entry.name)
    else if (entry.content instanceof Uint8Array) zip.addBuffer(Buffer.from(entry.content), entry.name)
    else {
      const content = entry.content
      zip.addReadStreamLazy(entry.name, (callback) => {
        const stream = Readable.from(asBuffers(content))
        // yazl leaves errors of lazily added streams unhandled: end the zip with them instead
        stream.on('error', (error) => output.destroy(error))
        callback(null, stream)
      })
    }
  }
  zip.end()
  return output
}

async function* asBuffers(chunks: AsyncIterable<string | Uint8Array>): AsyncIterable<Buffer> {
  for await (const chunk of chunks)
    yield typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk)
}
