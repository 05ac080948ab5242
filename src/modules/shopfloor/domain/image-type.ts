export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type by the file's first bytes (magic numbers), whatever the sender claims; null for anything else. */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  const starts = (offset: number, ...expected: number[]) => expected.every((b, i) => bytes[offset + i] === b);
  if (bytes.length >= 4 && starts(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (bytes.length >= 8 && starts(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (bytes.length >= 12 && starts(0, 0x52, 0x49, 0x46, 0x46) && starts(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}
