/** How a file left the app: handed to the phone's share sheet, or saved as a download. */
export type Delivery = 'shared' | 'downloaded';

/**
 * Hands a file to the user: the Web Share sheet where the browser can share such a file
 * (WhatsApp, Bluetooth, Drive on a phone), else a download. A share the user cancels is
 * not an error; they still get the download, so the file is never lost to a stray tap.
 */
export async function deliverFile(file: Blob, name: string): Promise<Delivery> {
  const named = new File([file], name, { type: file.type });
  if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [named] })) {
    try {
      await navigator.share({ files: [named], title: name });
      return 'shared';
    } catch {
      // Cancelled, or the share target failed: fall back to a download below.
    }
  }
  const url = URL.createObjectURL(named);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download reads the file after the click returns: the URL must outlive it a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return 'downloaded';
}
