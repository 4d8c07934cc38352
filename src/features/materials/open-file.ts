import type { OpenedFile } from '@cloud/contracts/materials'

/** H5 (local mode): the browser opens the short-lived URL in a new tab and shows or downloads the file itself. */
export async function showFile(file: OpenedFile): Promise<void> {
  window.open(file.url, '_blank', 'noopener')
}
