import { call } from '../api/client';

/** Phones take 4000 px photos; 1600 px still shows a cracked manhole cover and keeps uploads well under 3 MB. */
export const MAX_PHOTO_EDGE = 1600;
export const MAX_PHOTOS = 9;
const MAX_BYTES = 3 * 1024 * 1024;
const QUALITIES = [0.85, 0.7, 0.5];
const MAX_NAME = 120;

export class PhotoError extends Error {
  constructor(readonly reason: 'notImage' | 'unreadable' | 'tooLarge') {
    super(reason);
  }
}

function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new PhotoError('unreadable'));
    reader.readAsDataURL(blob);
  });
}

function canvasBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new PhotoError('unreadable'))), 'image/jpeg', quality),
  );
}

const jpegName = (name: string) => `${name.replace(/\.[^.]*$/, '') || 'photo'}.jpg`.slice(-MAX_NAME);

/** Reads a picked image, scales it to at most 1600 px on its long edge and re-encodes it as JPEG. */
export async function downscaleToJpeg(file: File, maxEdge = MAX_PHOTO_EDGE): Promise<{ name: string; dataBase64: string }> {
  if (!file.type.startsWith('image/')) throw new PhotoError('notImage');
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new PhotoError('unreadable');
  }
  const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new PhotoError('unreadable');
  // JPEG has no transparency: a transparent PNG would otherwise turn black.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  for (const quality of QUALITIES) {
    const blob = await canvasBlob(canvas, quality);
    if (blob.size <= MAX_BYTES) return { name: jpegName(file.name), dataBase64: await blobToBase64(blob) };
  }
  throw new PhotoError('tooLarge');
}

export async function uploadPhoto(file: File): Promise<string> {
  const { name, dataBase64 } = await downscaleToJpeg(file);
  return (await call('attachments.upload', { name, mime: 'image/jpeg', dataBase64 })).id;
}

/** Photos as data: URLs, kept for the most recently shown ones so scrolling back does not refetch. */
const CACHE_LIMIT = 80;
const cache = new Map<string, Promise<string>>();

export function photoUrl(id: string): Promise<string> {
  const hit = cache.get(id);
  if (hit) {
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const loading = call('attachments.get', { id }).then((a) => `data:${a.mime};base64,${a.dataBase64}`);
  loading.catch(() => cache.delete(id));
  cache.set(id, loading);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return loading;
}
