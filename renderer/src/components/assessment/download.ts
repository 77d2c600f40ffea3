import type { ExportFile } from '@core/api/assessmentTypes';

/** Hands a generated file to the browser (or Electron's save dialog) as a download. */
export function downloadFile(file: ExportFile): void {
  const binary = atob(file.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the time the click returns; the URL only needs to live a moment longer.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
