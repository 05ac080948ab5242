import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export class ArchiveError extends Error {
  constructor(readonly reason: 'not_zip' | 'too_large' | 'line_too_long' | 'corrupt', message: string) {
    super(message);
  }
}

/**
 * Random access to the entries of a ZIP file on disk (yauzl reads the central directory and
 * inflates one entry at a time as a stream); entry sizes are checked against what the directory
 * declares, and the declared total against `maxUnpackedBytes` before anything is inflated.
 */
export class ZipFileReader {
  private constructor(private readonly zip: yauzl.ZipFile, readonly entries: Map<string, yauzl.Entry>) {}

  static async open(path: string, limits: { maxEntries?: number; maxUnpackedBytes?: number } = {}): Promise<ZipFileReader> {
    const maxEntries = limits.maxEntries ?? 1000;
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true }, (error, file) =>
        error || !file ? reject(new ArchiveError('not_zip', error?.message ?? 'not a zip file')) : resolve(file)));
    try {
      if (zip.entryCount > maxEntries) throw new ArchiveError('too_large', `more than ${maxEntries} entries`);
      const entries = new Map<string, yauzl.Entry>();
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: yauzl.Entry) => {
          entries.set(entry.fileName, entry);
          zip.readEntry();
        });
        zip.on('end', () => resolve());
        zip.on('error', (error: Error) => reject(new ArchiveError('corrupt', error.message)));
        zip.readEntry();
      });
      const unpacked = [...entries.values()].reduce((sum, e) => sum + e.uncompressedSize, 0);
      if (limits.maxUnpackedBytes !== undefined && unpacked > limits.maxUnpackedBytes) throw new ArchiveError('too_large', `${unpacked} bytes unpacked`);
      return new ZipFileReader(zip, entries);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  private async stream(name: string): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) throw new ArchiveError('corrupt', `no entry ${name}`);
    return new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(new ArchiveError('corrupt', error?.message ?? 'unreadable entry')) : resolve(stream))));
  }

  /** A whole (small) entry as text. */
  async text(name: string, maxBytes: number): Promise<string> {
    const entry = this.entries.get(name);
    if (entry && entry.uncompressedSize > maxBytes) throw new ArchiveError('too_large', `${name} is larger than ${maxBytes} bytes`);
    let text = '';
    const decoder = new StringDecoder('utf8');
    try {
      for await (const chunk of await this.stream(name)) text += decoder.write(chunk as Buffer);
    } catch (error) {
      throw error instanceof ArchiveError ? error : new ArchiveError('corrupt', (error as Error).message);
    }
    return text + decoder.end();
  }

  /** The lines of an entry, read as the stream delivers them (the stream waits while the caller works). */
  async *lines(name: string, maxLineBytes: number): AsyncGenerator<string> {
    const decoder = new StringDecoder('utf8');
    let rest = '';
    try {
      for await (const chunk of await this.stream(name)) {
        rest += decoder.write(chunk as Buffer);
        let start = 0;
        for (let end = rest.indexOf('\n'); end !== -1; end = rest.indexOf('\n', start)) {
          yield rest.slice(start, end);
          start = end + 1;
        }
        rest = rest.slice(start);
        if (rest.length > maxLineBytes) throw new ArchiveError('line_too_long', `a line of ${name} is longer than ${maxLineBytes} bytes`);
      }
    } catch (error) {
      throw error instanceof ArchiveError ? error : new ArchiveError('corrupt', (error as Error).message);
    }
    rest += decoder.end();
    if (rest.length > 0) yield rest;
  }

  close(): void {
    this.zip.close();
  }
}
