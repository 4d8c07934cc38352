import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import type { MaterialFile } from '@cloud/domain/materials'
import './file-rows.scss'

const KIND_TEXT: Record<MaterialFile['kind'], string> = { pdf: 'PDF', image: '图片', doc: '文档', audio: '音频' }

/** The material's uploaded files in the form, each removable. */
export default function FileRows({ files, onRemove }: { files: MaterialFile[]; onRemove: (fileId: string) => void }) {
  if (files.length === 0) return <View className='file-rows__empty'>还没有文件</View>
  return (
    <View className='file-rows'>
      {files.map((f, i) => (
        <View key={f.fileId} id={`form-file-${i}`} className='file-rows__row'>
          <View className='file-rows__name'>
            {f.name}（{KIND_TEXT[f.kind]}）
          </View>
          <Button id={`remove-file-${i}`} size='mini' round onClick={() => onRemove(f.fileId)}>
            删除
          </Button>
        </View>
      ))}
    </View>
  )
}
