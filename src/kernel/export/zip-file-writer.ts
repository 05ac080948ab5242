import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Zip, ZipDeflate, strToU8 } from 'fflate';

/**
 * Writes a ZIP file entry by entry and chunk by chunk (fflate's streaming compressor), waiting
 * whenever the file stream's buffer is full: memory stays bounded by one chunk, whatever the size.
 * One entry at a time. Entries must stay below 4 GiB (fflate writes no ZIP64).
 */
export class ZipFileWriter {
  private readonly out: WriteStream;
  private readonly zip: Zip;
  private failure: Error | undefined;

  constructor(path: string) {
    this.out = createWriteStream(path);
    this.out.on('error', (error) => (this.failure ??= error));
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.failure ??= error;
        return;
      }
      this.out.write(chunk);
      if (final) this.out.end();
    });
  }

  /** Starts an entry; write its text in pieces and end it before starting the next. */
  entry(name: string) {
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    return {
      write: async (text: string) => {
        file.push(strToU8(text));
        await this.drained();
      },
      end: async () => {
        file.push(new Uint8Array(0), true);
        await this.drained();
      },
    };
  }

  async close(): Promise<void> {
    this.zip.end();
    await finished(this.out);
    if (this.failure) throw this.failure;
  }

  /** Gives up: closes the file (the caller removes it). */
  abort(): void {
    this.zip.terminate();
    this.out.destroy();
  }

  private async drained() {
    if (this.failure) throw this.failure;
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }
}
