import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { buffer } from 'node:stream/consumers'
import { describe, expect, it } from 'vitest'
import yauzl from 'yauzl'
import { zipStream } from './zip.ts'

/** Entry names and texts of a zip, in archive order. */
function unzip(bytes: Buffer): Promise<[string, string][]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error)
      const entries: [string, string][] = []
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, async (streamError, stream) => {
          if (streamError) return reject(streamError)
          entries.push([entry.fileName, (await buffer(stream)).toString('utf8')])
          zip.readEntry()
        })
      })
      zip.on('end', () => resolve(entries))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

describe('zip stream', () => {
  it('holds text, bytes, streamed chunks and files from disk, in the order given', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'atlas-zip-'))
    try {
      await writeFile(path.join(dir, 'a.cpg'), 'UTF-8')
      async function* chunks() {
        yield '{"type":"FeatureCollection","features":['
        yield Buffer.from('\n]}\n')
      }
      const zip = zipStream([
        { name: 'README.md', content: '# 说明' },
        { name: 'data/bytes.bin', content: new TextEncoder().encode('五福苑') },
        { name: 'data/compounds.geojson', content: chunks() },
        { name: 'data/compounds.cpg', path: path.join(dir, 'a.cpg') },
      ])
      expect(await unzip(await buffer(zip))).toEqual([
        ['README.md', '# 说明'],
        ['data/bytes.bin', '五福苑'],
        ['data/compounds.geojson', '{"type":"FeatureCollection","features":[\n]}\n'],
        ['data/compounds.cpg', 'UTF-8'],
      ])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('ends the stream with the error when streamed content fails', async () => {
    async function* failing() {
      yield 'a'
      throw new Error('database went away')
    }
    const zip = zipStream([{ name: 'a.txt', content: failing() }])
    await expect(buffer(zip)).rejects.toThrow('database went away')
  })
})
