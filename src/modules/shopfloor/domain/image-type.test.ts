import { describe, expect, it } from 'vitest';
import { imageTypeOf } from './image-type';

const bytes = (...b: Array<number | string>) => Uint8Array.from(b.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])));

describe('image type by magic bytes', () => {
  it('recognises JPEG, PNG and WebP by their first bytes', () => {
    expect(imageTypeOf(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0))).toBe('image/jpeg');
    expect(imageTypeOf(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(imageTypeOf(bytes('RIFF', 1, 2, 3, 4, 'WEBPVP8 '))).toBe('image/webp');
  });

  it('refuses everything else, also cut-off headers and look-alikes', () => {
    expect(imageTypeOf(bytes())).toBeNull();
    expect(imageTypeOf(bytes(0xff, 0xd8))).toBeNull();
    expect(imageTypeOf(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(imageTypeOf(bytes('GIF89a', 0, 0))).toBeNull();
    expect(imageTypeOf(bytes('RIFF', 1, 2, 3, 4, 'WAVEfmt '))).toBeNull();
    expect(imageTypeOf(bytes(0x89, 'PNG', 0x0d, 0x0a))).toBeNull();
  });
});
