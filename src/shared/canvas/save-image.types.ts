/** What a save attempt ended in, with the Chinese line the page shows as a toast. */
export interface SaveOutcome {
  ok: boolean
  message: string
}

/**
 * Draws the image to save: a temp file path in the weapp (canvasToTempFilePath), a data URL in H5. `what` names it in
 * the messages (海报, 日签).
 */
export interface SaveRequest {
  draw: () => Promise<string>
  what: string
}
