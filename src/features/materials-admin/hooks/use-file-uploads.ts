import { useState } from 'react'
import { uploadFile } from '@/shared/cloud'
import type { MaterialFile } from '@cloud/domain/materials'
import { pickFiles } from '../pick-files'
import { kindOf, uploadPath, type PickedFile } from '../picked-file'
import { toast } from '@/shared/ui/feedback'

const random = () => Math.random().toString(36).slice(2, 8)

async function upload(picked: PickedFile): Promise<MaterialFile> {
  const fileId = await uploadFile(uploadPath(picked.name, Date.now(), random()), picked.path)
  return { fileId, name: picked.name, size: picked.size, kind: kindOf(picked.name) }
}

/** Picks files on the device and uploads them to cloud storage; answers the uploaded files (none on cancel or failure). */
export function useFileUploads() {
  const [uploading, setUploading] = useState(false)
  const pickAndUpload = async (max: number): Promise<MaterialFile[]> => {
    if (uploading || max <= 0) return []
    const picked = await pickFiles(max)
    if (picked.length === 0) return []
    setUploading(true)
    try {
      return await Promise.all(picked.map(upload))
    } catch {
      toast('上传失败，请重试')
      return []
    } finally {
      setUploading(false)
    }
  }
  return { uploading, pickAndUpload }
}
