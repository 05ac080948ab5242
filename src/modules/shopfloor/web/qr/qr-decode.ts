import jsQR from 'jsqr';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
declare global {
  interface Window {
    BarcodeDetector?: { new (options: { formats: string[] }): BarcodeDetectorLike; getSupportedFormats(): Promise<string[]> };
  }
}

let native: Promise<BarcodeDetectorLike | null> | undefined;

/** The browser's own QR decoder (BarcodeDetector, e.g. Chrome on Android) where it reads QR codes. */
function nativeDetector(): Promise<BarcodeDetectorLike | null> {
  native ??= (async () => {
    try {
      const Detector = window.BarcodeDetector;
      if (!Detector || !(await Detector.getSupportedFormats()).includes('qr_code')) return null;
      return new Detector({ formats: ['qr_code'] });
    } catch {
      return null;
    }
  })();
  return native;
}

/**
 * Reads a QR code from a video frame or an image: with BarcodeDetector where the browser offers it
 * for QR codes, otherwise with jsQR on the pixels. `null` when the frame holds no readable code.
 */
export async function decodeQr(source: HTMLVideoElement | HTMLCanvasElement | HTMLImageElement | ImageBitmap, canvas: HTMLCanvasElement = document.createElement('canvas')): Promise<string | null> {
  const detector = await nativeDetector();
  if (detector) {
    const found = await detector.detect(source).catch(() => []);
    if (found.length > 0) return found[0].rawValue;
  }
  const width = source instanceof HTMLVideoElement ? source.videoWidth : source.width;
  const height = source instanceof HTMLVideoElement ? source.videoHeight : source.height;
  if (!width || !height) return null;
  // Large frames are scaled down: faster, and QR codes on paper stay readable at 800 px.
  const scale = Math.min(1, 800 / Math.max(width, height));
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}
