/**
 * Where a teacher's voice comment is uploaded. The same rule as the domain's reviewUploadPath: the function accepts
 * only fileIDs under `reviews/{teacherId}/`, so the path proves whose recording it is.
 */
export function reviewUploadPath(teacherId: string, periodId: string, fileName: string): string {
  return `reviews/${teacherId}/${periodId}/${fileName}`
}

/** A name no other recording of this teacher has: time plus a random tail, with the clip's extension. */
export function voiceFileName(now: number, ext: string, random: () => number = Math.random): string {
  const tail = Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0')
  return `${now}-${tail}.${ext.replace(/^\./, '') || 'mp3'}`
}
