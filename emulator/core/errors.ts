/**
 * An error the emulator answers with, shaped as CloudBase answers:
 * `{ code: 'DATABASE_COLLECTION_NOT_EXIST', message }` in the JSON body.
 * Handlers throw it for expected failures; anything else is a bug and
 * becomes `SYS_ERR` without crashing the server.
 */
export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 200,
  ) {
    super(message)
    this.name = 'CloudError'
  }
}
