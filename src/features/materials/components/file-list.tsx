import { View } from '@tarojs/components'
import Button from '@/shared/ui/button'
import type { MaterialFileView } from '@cloud/contracts/materials'
import { formatSize } from '../file-size'
import './file-list.scss'

interface FileListProps {
  files: MaterialFileView[]
  unlocked: boolean
  /** The file being opened, if any. */
  opening: number | null
  onOpen: (index: number) => void
}

/** The material's files; each opens once the material is unlocked, otherwise it shows a lock. */
export default function FileList({ files, unlocked, opening, onOpen }: FileListProps) {
  return (
    <View className='file-list'>
      {files.map((f) => (
        <View key={f.index} id={`file-${f.index}`} className='file-list__row'>
          <View className='file-list__info'>
            <View className='file-list__name'>{f.name}</View>
            <View className='file-list__meta'>
              {f.kindLabel} · {formatSize(f.size)}
            </View>
          </View>
          {unlocked ? (
            <Button
              id={`open-${f.index}`}
              size='small'
              type='primary'
              plain
              round
              loading={opening === f.index}
              disabled={opening !== null && opening !== f.index}
              onClick={() => onOpen(f.index)}
            >
              打开
            </Button>
          ) : (
            <View className='file-list__lock'>未解锁</View>
          )}
        </View>
      ))}
    </View>
  )
}
